// Typo correction against the index's spelling vocabulary (corpus, intent
// examples and lexicon words), with a guard list of real English words that
// must never be "corrected" into domain words ("cancel" stays "cancel", not
// "cancer"). Built once, then immutable and thread-safe to read.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace faqbot::index {

class SpellCorrector {
 public:
  void AddWord(const std::string& word, int frequency);
  void Protect(const std::string& word);
  // Call after the last AddWord and before any lookup.
  void Build();

  // The vocabulary word closest to `word` (distance 1 for 4-7 letters, 2 from
  // 8), or `word` itself when it is known, protected, short, numeric or has no
  // candidate. Ties go to the more frequent word, then alphabetical order.
  std::string Correct(const std::string& word) const;

  bool Knows(const std::string& word) const { return freq_.count(word) > 0; }
  // True when Correct() would change `word` were it not protected.
  bool HasCandidate(const std::string& word) const;

  const std::unordered_map<std::string, int>& vocabulary() const { return freq_; }
  const std::unordered_set<std::string>& protected_words() const { return protected_; }

 private:
  std::string BestCandidate(const std::string& word) const;

  std::unordered_map<std::string, int> freq_;
  std::unordered_set<std::string> protected_;
  std::unordered_map<std::string, std::vector<std::string>> deletes_;
};

}  // namespace faqbot::index
