// Turns raw text into the terms every matcher uses: tokens, typo correction,
// lexicon canonicalisation, English stems and stop-word flags. The same
// analyzer indexes passages and reads messages, so both sides always agree.
// Immutable after construction; Analyze() is thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "index/lexicon.h"
#include "index/spelling.h"

namespace faqbot::index {

struct Analysis {
  std::vector<std::string> words;  // after correction and canonicalisation
  std::vector<std::string> stems;  // one per word
  std::vector<bool> stop;          // one per word: a stop word for retrieval
  std::vector<std::pair<std::string, std::string>> corrections;  // (typed, corrected)

  // Stems of the words that are not stop words, in order, without repeats.
  std::vector<std::string> ContentStems() const;
  // The words joined by single spaces.
  std::string Text() const;
};

class Analyzer {
 public:
  Analyzer(std::shared_ptr<const Lexicon> lexicon, std::shared_ptr<const SpellCorrector> speller);

  // With `correct_spelling` false (for curated text) typos are not looked for.
  Analysis Analyze(std::string_view text, bool correct_spelling = true) const;

  static std::string Stem(const std::string& word);
  static bool IsStopWord(const std::string& word);

  const Lexicon& lexicon() const { return *lexicon_; }
  const SpellCorrector& speller() const { return *speller_; }

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  std::shared_ptr<const SpellCorrector> speller_;
};

}  // namespace faqbot::index
