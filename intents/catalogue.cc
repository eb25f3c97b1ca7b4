// @brief Loads and validates the intent catalogue.
#include "intents/catalogue.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

#include "corpus/corpus_loader.h"

namespace faqbot::intents {
namespace {

const std::map<std::string, IntentKind>& KindsByName() {
  static const std::map<std::string, IntentKind> kKinds = {
      {"answer", IntentKind::kAnswer},
      {"survival", IntentKind::kSurvival},
      {"smalltalk", IntentKind::kSmalltalk},
      {"handoff", IntentKind::kHandoff},
      {"unsupported", IntentKind::kUnsupported},
      {"personal_advice", IntentKind::kPersonalAdvice},
      {"personal_statement", IntentKind::kPersonalStatement},
      {"out_of_scope", IntentKind::kOutOfScope}};
  return kKinds;
}

std::vector<std::string> Strings(const YAML::Node& node) {
  std::vector<std::string> out;
  if (node) {
    for (const auto& n : node) out.push_back(n.as<std::string>());
  }
  return out;
}

Result<Intent> ParseIntent(const YAML::Node& n) {
  Intent in;
  in.name = n["name"].as<std::string>("");
  if (in.name.empty()) return Status::InvalidArgument("an intent has no name");
  std::string kind = n["kind"].as<std::string>("answer");
  auto k = KindsByName().find(kind);
  if (k == KindsByName().end()) {
    return Status::InvalidArgument(in.name + ": unknown kind '" + kind + "'");
  }
  in.kind = k->second;
  in.topic = n["topic"].as<std::string>("");
  in.aspect = n["aspect"].as<std::string>("");
  in.question = n["question"].as<std::string>("");
  in.examples = Strings(n["examples"]);
  in.lead_in = n["lead_in"].as<std::string>("");
  in.responses = Strings(n["responses"]);
  in.suggestions = Strings(n["suggestions"]);
  in.requires_words = Strings(n["requires_words"]);
  in.medical =
      n["medical"].as<bool>(in.kind != IntentKind::kSmalltalk && in.kind != IntentKind::kHandoff &&
                            in.kind != IntentKind::kOutOfScope);
  if (const auto& a = n["answer"]) {
    in.answer.passages = Strings(a["passages"]);
    std::string select = a["select"].as<std::string>("all");
    if (select != "all" && select != "best") {
      return Status::InvalidArgument(in.name + ": answer.select must be 'all' or 'best'");
    }
    in.answer.select = select == "best" ? AnswerSpec::Select::kBest : AnswerSpec::Select::kAll;
    in.answer.max = a["max"].as<size_t>(2);
    in.answer.focus = Strings(a["focus"]);
  }
  if (in.examples.empty()) return Status::InvalidArgument(in.name + ": no examples");
  if (in.kind == IntentKind::kAnswer && in.answer.passages.empty()) {
    return Status::InvalidArgument(in.name + ": an answer intent needs answer.passages");
  }
  bool needs_text = in.kind == IntentKind::kSmalltalk || in.kind == IntentKind::kHandoff ||
                    in.kind == IntentKind::kUnsupported;
  if (needs_text && in.responses.empty()) {
    return Status::InvalidArgument(in.name + ": needs responses");
  }
  return in;
}

}  // namespace

const char* KindName(IntentKind kind) {
  for (const auto& [name, k] : KindsByName()) {
    if (k == kind) return name.c_str();
  }
  return "answer";
}

Result<Catalogue> Catalogue::Parse(const std::vector<std::string>& yaml_files) {
  Catalogue c;
  try {
    for (const auto& yaml : yaml_files) {
      YAML::Node root = YAML::Load(yaml);
      for (const auto& node : root["intents"]) {
        auto intent = ParseIntent(node);
        if (!intent.ok()) return intent.status();
        if (c.by_name_.count(intent->name)) {
          return Status::InvalidArgument("duplicate intent " + intent->name);
        }
        c.by_name_[intent->name] = c.intents_.size();
        c.intents_.push_back(std::move(intent).value());
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string("intents: ") + e.what());
  }
  if (c.intents_.empty()) return Status::InvalidArgument("the catalogue has no intents");
  return c;
}

Result<Catalogue> Catalogue::LoadDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  if (ec) return Status::NotFound("cannot read " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<std::string> contents;
  for (const auto& f : files) {
    auto content = corpus::ReadFile(f.string());
    if (!content.ok()) return content.status();
    contents.push_back(std::move(content).value());
  }
  return Parse(contents);
}

const Intent* Catalogue::Find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &intents_[it->second];
}

const Intent* Catalogue::Sibling(const Intent& intent, const std::string& topic) const {
  if (intent.aspect.empty() || topic.empty() || intent.topic == topic) return nullptr;
  for (const auto& other : intents_) {
    if (other.aspect == intent.aspect && other.topic == topic) return &other;
  }
  return nullptr;
}

Status Catalogue::Validate(const std::function<bool(const std::string&)>& passage_exists) const {
  for (const auto& in : intents_) {
    for (const auto& id : in.answer.passages) {
      if (!passage_exists(id)) {
        return Status::InvalidArgument(in.name + ": no passage '" + id + "'");
      }
    }
    for (const auto& s : in.suggestions) {
      if (!Find(s)) return Status::InvalidArgument(in.name + ": suggests unknown intent " + s);
    }
  }
  return Status::Ok();
}

}  // namespace faqbot::intents
