// @brief faqbot-ask: asks the bot from the command line and explains how each
// message was understood -- corrections, entities, the top intents and the
// features behind them. For people editing the catalogue.
//
//   faqbot-ask --index var/index "what is a biopsy" "and for chordoma?"
// Messages given together share one conversation. With no messages, reads
// one message per line from standard input.
#include <iostream>
#include <string>
#include <vector>

#include "dialogue/engine.h"
#include "dialogue/knowledge.h"
#include "intents/features.h"
#include "safety/rule_safety_stage.h"
#include "server/chat_json.h"

namespace {

using namespace faqbot;

void Explain(const dialogue::Knowledge& kb, const std::string& message) {
  auto a = kb.analyzer->Analyze(message);
  std::cout << "  words:    " << a.Text() << "\n";
  for (const auto& [from, to] : a.corrections)
    std::cout << "  typo:     " << from << " -> " << to << "\n";
  auto entities = kb.entities.Extract(a);
  for (const auto& e : entities) {
    std::cout << "  entity:   " << e.type << "=" << e.value << " (" << e.text << ")\n";
  }
  auto retrieved = intents::RetrieveForFeatures(*kb.index, a);
  for (const auto& h : retrieved) {
    std::cout << "  passage:  " << h.passage->id << " coverage " << h.coverage << "\n";
  }
  auto features = intents::ExtractFeatures(a, entities, retrieved);
  for (const auto& p : kb.classifier.Predict(features, 3)) {
    std::cout << "  intent:   " << p.intent << " " << p.probability << "  because";
    for (const auto& [f, w] : kb.classifier.Explain(features, p.intent, 4)) {
      std::cout << " " << f << "(" << w << ")";
    }
    std::cout << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string index = "var/index";
  std::vector<std::string> messages;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--index" && i + 1 < argc) {
      index = argv[++i];
    } else {
      messages.push_back(arg);
    }
  }
  if (messages.empty()) {
    for (std::string line; std::getline(std::cin, line);) messages.push_back(line);
  }
  auto kb = dialogue::LoadKnowledge(index);
  if (!kb.ok()) {
    std::cerr << "faqbot-ask: " << kb.status().ToString() << "\n";
    return 1;
  }
  dialogue::Engine engine({}, std::make_shared<safety::RuleSafetyStage>(safety::RegionContacts{}),
                          std::make_shared<dialogue::SessionStore>(16, std::chrono::hours(1)));
  engine.SetKnowledge(*kb);
  for (const auto& m : messages) {
    std::cout << "> " << m << "\n";
    Explain(**kb, m);
    auto reply = engine.Respond("cli", m);
    auto j = server::ReplyToJson(reply);
    std::cout << "  reply:    " << j["type"].get<std::string>() << " "
              << (reply.intent ? reply.intent->name : "-") << "\n";
    std::cout << "  text:     " << reply.text.substr(0, 400) << "\n\n";
  }
  return 0;
}
