// Concepts the safety rules are built from -- "numbness", "back_pain",
// "chemo", "suicide", "dose_question" -- each recognised by phrases over the
// words of a clause. For every concept found the detector also says whether
// the message reports it (something happening to someone) or only asks about
// it in a general question ("can bone metastases cause numbness?").
// Immutable after construction; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "safety/phrase.h"
#include "safety/safety_text.h"

namespace faqbot::safety {

// What a phrase contributes: a concept, or one of the signals that decide
// whether a concept in the same clause is reported or asked about.
enum class Role {
  kConcept,
  kMarker,        // says who it is happening to: "my", "dad", "I can't", "she is"
  kQuestion,      // makes a clause a question: "cause", "symptom of", "tell me"
  kFrame,         // stands between who and what in a question: "about", "what is"
  kHypothetical,  // "if I get", "whenever someone has"
};

struct ConceptSpec {
  std::string id;
  Role role = Role::kConcept;
  std::vector<std::string> phrases;  // in the notation of safety/phrase.h
  // Not this concept in a clause with any of these words ("my car's
  // temperature is high" is no fever).
  std::vector<std::string> unless = {};
};

// The phrase table (safety/concept_table.cc).
const WordSets& SafetyWordSets();
const std::vector<ConceptSpec>& ConceptSpecs();
// Words that say a temperature is not a body's: "car", "oven", "weather".
const std::vector<std::string>& NotBodyTemperature();

struct Finding {
  bool reported = false;  // at least once not merely asked about
  bool personal = false;  // reported in a clause that names who it happens to
};

class Findings {
 public:
  void Add(const std::string& concept_id, Finding finding);
  bool Has(std::string_view concept_id) const;
  bool Reported(std::string_view concept_id) const;
  bool Personal(std::string_view concept_id) const;
  // Concept ids in alphabetical order.
  std::vector<std::string> Ids() const;

 private:
  std::map<std::string, Finding, std::less<>> found_;
};

class ConceptDetector {
 public:
  ConceptDetector();
  Findings Detect(std::string_view message) const;

 private:
  struct Compiled {
    std::string id;
    Role role;
    std::vector<Phrase> phrases;
    std::vector<std::string> unless;
  };
  struct ClauseSignals;
  using Hits = std::vector<PhraseIndex::Hit>;

  static std::vector<Compiled> Compile();
  // Every concept's phrases, then cancer_words_; `owner` gets each one's concept.
  std::vector<const Phrase*> AllPhrases(std::vector<uint32_t>* owner) const;
  ClauseSignals Signals(const Clause& clause, const Hits& hits) const;
  void DetectIn(const Clause& clause, Findings* findings) const;

  std::vector<Compiled> concepts_;
  Phrase cancer_words_;          // names a cancer topic: "bone metastases", "chemo"
  std::vector<uint32_t> owner_;  // by phrase of index_: its concept, or concepts_.size()
  PhraseIndex index_;
};

}  // namespace faqbot::safety
