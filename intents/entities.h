// Entity extraction: finds cancer types, extent of spread, treatments, tests,
// drugs and topics in an analysed message by phrase lookup in a gazetteer
// (intents/entities.yaml), matching on stems so plurals and typos that the
// analyser corrected still match. Immutable after building; thread-safe.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "index/analyzer.h"

namespace faqbot::intents {

struct Entity {
  std::string type;           // "cancer_type", "extent", "treatment", "test", "drug", "topic", ...
  std::string value;          // "chondrosarcoma", "distant", ...
  std::string text;           // the words as matched
  size_t begin = 0, end = 0;  // word positions [begin, end)
};

class EntityExtractor {
 public:
  EntityExtractor() = default;
  static Result<EntityExtractor> Parse(const std::string& yaml, const index::Analyzer& analyzer);
  static Result<EntityExtractor> Load(const std::string& path, const index::Analyzer& analyzer);

  // Longest match first, left to right. Mentions of different types may share
  // a span ("stage 4" is a topic and an extent); otherwise they do not overlap.
  std::vector<Entity> Extract(const index::Analysis& analysis) const;

  // Every word the gazetteer uses, for the spelling vocabulary.
  const std::vector<std::string>& words() const { return words_; }

 private:
  struct Pattern {
    std::vector<std::string> words;
    std::vector<std::string> stems;
    std::string type, value;
  };
  bool MatchesAt(const Pattern& p, const index::Analysis& a, size_t at) const;
  std::vector<Pattern> patterns_;  // longest first
  // Indices into patterns_ by their first stem, longest first: a message word
  // is only tried against the patterns that can start with it.
  std::unordered_map<std::string, std::vector<size_t>> by_first_stem_;
  std::vector<std::string> words_;
};

// The first entity of `type`, or an empty value.
std::string FirstValue(const std::vector<Entity>& entities, const std::string& type);

}  // namespace faqbot::intents
