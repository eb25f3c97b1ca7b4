// Facts as data: the survival-rate table (cancer type x extent -> 5-year
// relative survival), each figure tied to the corpus passage that states it,
// plus the corpus's caveat. Immutable after loading; thread-safe to read.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace faqbot::corpus {

struct SurvivalRate {
  std::string cancer_type;  // "osteosarcoma", "chondrosarcoma", "chordoma"
  std::string extent;       // "localized", "regional", "distant"
  int percent = 0;
  std::string passage_id;  // where the figure is stated
  std::string quote;       // the sentence stating it, verbatim
};

struct SurvivalFacts {
  std::string caveat_passage_id;
  std::string caveat_quote;
  std::vector<SurvivalRate> rates;

  // Rates matching a type and an extent; an empty argument matches any.
  // Returned in table order (type order of the file, then localized, regional, distant).
  std::vector<const SurvivalRate*> Find(const std::string& cancer_type,
                                        const std::string& extent) const;
  std::vector<std::string> CancerTypes() const;
};

Result<SurvivalFacts> ParseSurvivalFacts(const std::string& yaml);
Result<SurvivalFacts> LoadSurvivalFacts(const std::string& path);

}  // namespace faqbot::corpus
