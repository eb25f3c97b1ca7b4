// @brief Synonym lexicon: parsing and phrase canonicalisation.
#include "index/lexicon.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "corpus/corpus_loader.h"
#include "index/tokenizer.h"

namespace faqbot::index {

Result<Lexicon> Lexicon::Parse(const std::string& yaml) {
  Lexicon lex;
  try {
    YAML::Node root = YAML::Load(yaml);
    for (const auto& node : root["synonyms"]) {
      SynonymGroup g;
      g.canonical = Tokenize(node["canonical"].as<std::string>());
      if (g.canonical.empty()) return Status::InvalidArgument("empty canonical form");
      for (const auto& v : node["variants"]) {
        auto tokens = Tokenize(v.as<std::string>());
        if (tokens.empty()) return Status::InvalidArgument("empty variant");
        g.variants.push_back(std::move(tokens));
      }
      lex.groups_.push_back(std::move(g));
    }
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string("lexicon: ") + e.what());
  }
  for (size_t gi = 0; gi < lex.groups_.size(); ++gi) {
    // The canonical form is a rule too, so text that already reads
    // canonically is left alone ("ct scan" must not become "ct scan scan").
    lex.rules_by_first_[lex.groups_[gi].canonical.front()].push_back(
        {lex.groups_[gi].canonical, gi});
    for (const auto& v : lex.groups_[gi].variants) {
      lex.rules_by_first_[v.front()].push_back({v, gi});
    }
  }
  for (auto& [first, rules] : lex.rules_by_first_) {
    std::stable_sort(rules.begin(), rules.end(),
                     [](const Rule& a, const Rule& b) { return a.from.size() > b.from.size(); });
  }
  return lex;
}

Result<Lexicon> Lexicon::Load(const std::string& path) {
  auto content = corpus::ReadFile(path);
  if (!content.ok()) return content.status();
  auto lex = Parse(*content);
  if (!lex.ok()) return Status::InvalidArgument(path + ": " + lex.status().message());
  return lex;
}

std::vector<std::string> Lexicon::Canonicalize(const std::vector<std::string>& tokens) const {
  std::vector<std::string> out;
  out.reserve(tokens.size());
  size_t i = 0;
  while (i < tokens.size()) {
    const Rule* match = nullptr;
    if (auto it = rules_by_first_.find(tokens[i]); it != rules_by_first_.end()) {
      for (const Rule& r : it->second) {
        if (i + r.from.size() <= tokens.size() &&
            std::equal(r.from.begin(), r.from.end(), tokens.begin() + static_cast<long>(i))) {
          match = &r;
          break;
        }
      }
    }
    if (match) {
      const auto& canon = groups_[match->group].canonical;
      out.insert(out.end(), canon.begin(), canon.end());
      i += match->from.size();
    } else {
      out.push_back(tokens[i++]);
    }
  }
  return out;
}

std::vector<std::string> Lexicon::Words() const {
  std::set<std::string> words;
  for (const auto& g : groups_) {
    words.insert(g.canonical.begin(), g.canonical.end());
    for (const auto& v : g.variants) words.insert(v.begin(), v.end());
  }
  return {words.begin(), words.end()};
}

}  // namespace faqbot::index
