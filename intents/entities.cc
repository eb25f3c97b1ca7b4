// @brief Gazetteer entity extraction over analysed messages.
#include "intents/entities.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "corpus/corpus_loader.h"
#include "index/tokenizer.h"

namespace faqbot::intents {

Result<EntityExtractor> EntityExtractor::Parse(const std::string& yaml,
                                               const index::Analyzer& analyzer) {
  EntityExtractor ex;
  std::set<std::string> words;
  try {
    YAML::Node root = YAML::Load(yaml)["entities"];
    if (!root) return Status::InvalidArgument("entities file lacks 'entities'");
    for (const auto& type : root) {
      std::string type_name = type.first.as<std::string>();
      for (const auto& value : type.second) {
        std::string value_name = value.first.as<std::string>();
        for (const auto& phrase : value.second) {
          auto tokens = index::Tokenize(phrase.as<std::string>());
          words.insert(tokens.begin(), tokens.end());
          index::Analysis a = analyzer.Analyze(phrase.as<std::string>(), false);
          if (a.stems.empty()) continue;
          ex.patterns_.push_back({a.words, a.stems, type_name, value_name});
        }
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string("entities: ") + e.what());
  }
  std::stable_sort(
      ex.patterns_.begin(), ex.patterns_.end(),
      [](const Pattern& a, const Pattern& b) { return a.stems.size() > b.stems.size(); });
  for (size_t i = 0; i < ex.patterns_.size(); ++i) {
    ex.by_first_stem_[ex.patterns_[i].stems.front()].push_back(i);
  }
  ex.words_.assign(words.begin(), words.end());
  return ex;
}

Result<EntityExtractor> EntityExtractor::Load(const std::string& path,
                                              const index::Analyzer& analyzer) {
  auto content = corpus::ReadFile(path);
  if (!content.ok()) return content.status();
  auto ex = Parse(*content, analyzer);
  if (!ex.ok()) return Status::InvalidArgument(path + ": " + ex.status().message());
  return ex;
}

namespace {

// Inflections of one word ("biopsy", "biopsies"; "spread", "spreading") share
// a stem and nearly all of the shorter form; words that merely stem alike
// ("radiator", "radiation") do not.
bool SameWord(const std::string& typed, const std::string& pattern) {
  if (typed == pattern) return true;
  size_t shorter = std::min(typed.size(), pattern.size());
  size_t common = 0;
  while (common < shorter && typed[common] == pattern[common]) ++common;
  return common + 1 >= shorter;
}

}  // namespace

bool EntityExtractor::MatchesAt(const Pattern& p, const index::Analysis& a, size_t at) const {
  if (at + p.stems.size() > a.stems.size()) return false;
  for (size_t k = 0; k < p.stems.size(); ++k) {
    if (a.stems[at + k] != p.stems[k] || !SameWord(a.words[at + k], p.words[k])) return false;
  }
  return true;
}

std::vector<Entity> EntityExtractor::Extract(const index::Analysis& a) const {
  std::vector<Entity> out;
  const auto& stems = a.stems;
  size_t i = 0;
  while (i < stems.size()) {
    // Every pattern of the longest matching length, one per entity type:
    // "stage 4" is both a topic and an extent.
    size_t length = 0;
    auto candidates = by_first_stem_.find(stems[i]);
    if (candidates == by_first_stem_.end()) {
      ++i;
      continue;
    }
    for (size_t index : candidates->second) {
      const Pattern& p = patterns_[index];
      if (length && p.stems.size() < length) break;
      if (!MatchesAt(p, a, i)) continue;
      bool seen_type = std::any_of(out.begin(), out.end(), [&](const Entity& e) {
        return e.begin == i && e.type == p.type;
      });
      if (seen_type) continue;
      length = p.stems.size();
      Entity e;
      e.type = p.type;
      e.value = p.value;
      e.begin = i;
      e.end = i + length;
      for (size_t k = e.begin; k < e.end; ++k) e.text += (k > e.begin ? " " : "") + a.words[k];
      out.push_back(std::move(e));
    }
    i += length ? length : 1;
  }
  return out;
}

std::string FirstValue(const std::vector<Entity>& entities, const std::string& type) {
  for (const auto& e : entities) {
    if (e.type == type) return e.value;
  }
  return "";
}

}  // namespace faqbot::intents
