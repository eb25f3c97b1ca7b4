// The synonym lexicon: lay, British and short forms mapped to the corpus's own
// words ("mets" -> "metastases", "radiotherapy" -> "radiation therapy").
// Loaded from YAML; immutable afterwards and thread-safe to read.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace faqbot::index {

struct SynonymGroup {
  std::vector<std::string> canonical;              // tokens
  std::vector<std::vector<std::string>> variants;  // each a token sequence
};

class Lexicon {
 public:
  Lexicon() = default;
  static Result<Lexicon> Parse(const std::string& yaml);
  static Result<Lexicon> Load(const std::string& path);

  // Replaces every variant phrase by its canonical words, longest match first.
  std::vector<std::string> Canonicalize(const std::vector<std::string>& tokens) const;

  const std::vector<SynonymGroup>& groups() const { return groups_; }
  // Every word the lexicon knows, canonical or variant.
  std::vector<std::string> Words() const;

 private:
  struct Rule {
    std::vector<std::string> from;
    size_t group;
  };
  std::vector<SynonymGroup> groups_;
  std::unordered_map<std::string, std::vector<Rule>> rules_by_first_;  // longest first
};

}  // namespace faqbot::index
