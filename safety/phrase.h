// Phrases for the safety rules: a small notation for word patterns over the
// normalised words of one clause, with alternatives, prefixes, gaps, named
// word sets and negative checks. Immutable after construction; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace faqbot::safety {

// Named word sets a phrase may refer to as {name}.
using WordSets = std::map<std::string, std::vector<std::string>, std::less<>>;

// Notation, one step per space-separated item:
//   walk          that word
//   walk*         any word starting with "walk"
//   a|b*|{limb}   any of these (a set name expands to its words)
//   ~3            up to three words of anything
//   !about|by     the next word, if there is one, is none of these (consumes it)
//   <not|dont     neither of the two words before this point is one of these
//   $             the end of the clause
class Phrase {
 public:
  // Aborts with a message on malformed notation or an unknown set: phrases are
  // written in code, so a bad one is a programming error caught by any test.
  Phrase(std::string_view notation, const WordSets& sets);

  struct Match {
    size_t begin = 0;  // the first word matched
    size_t end = 0;    // one past the last word matched
  };
  // Every position where the phrase matches, with its shortest match there.
  std::vector<Match> FindAll(const std::vector<std::string>& words) const;

  const std::string& notation() const { return notation_; }

 private:
  struct Step {
    enum class Kind { kWords, kGap, kNot, kNotBefore, kEnd };
    Kind kind = Kind::kWords;
    size_t gap = 0;
    std::vector<std::string> exact;
    std::vector<std::string> prefixes;
    bool Accepts(std::string_view word) const;
  };

  static constexpr size_t kNone = static_cast<size_t>(-1);
  // The end of a match of steps [step, ...) from `word`, or kNone.
  size_t MatchFrom(const std::vector<std::string>& words, size_t word, size_t step) const;

  std::string notation_;
  std::vector<Step> steps_;
};

}  // namespace faqbot::safety
