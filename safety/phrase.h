// Phrases for the safety rules: a small notation for word patterns over the
// normalised words of one clause, with alternatives, prefixes, gaps, named
// word sets and negative checks. PhraseIndex matches many phrases at once
// and finds exactly what each phrase's FindAll finds. Both are immutable
// after construction; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
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

  friend class PhraseIndex;
  std::string notation_;
  std::vector<Step> steps_;
};

// Many phrases matched together over one clause. Each word of the clause is
// looked up once, as the exact words and prefixes of all the phrases it is
// (ids, not strings), and at each word only the phrases whose first step
// accepts it -- or whose first step is not a word -- are tried.
class PhraseIndex {
 public:
  explicit PhraseIndex(const std::vector<const Phrase*>& phrases);

  struct Hit {
    uint32_t phrase = 0;  // its position in the constructor's list
    Phrase::Match match;
  };
  // Every match of every phrase, as Phrase::FindAll finds it, in no
  // particular order.
  std::vector<Hit> FindAll(const std::vector<std::string>& words) const;

 private:
  using Atom = uint32_t;
  struct Step {
    Phrase::Step::Kind kind = Phrase::Step::Kind::kWords;
    size_t gap = 0;
    std::vector<Atom> atoms;  // sorted: the exact words and prefixes it accepts
  };
  // The atoms of each word of a clause: word i has atoms[begin[i] .. begin[i + 1]).
  struct Atoms {
    std::vector<Atom> atoms;
    std::vector<uint32_t> begin;
    bool Accepts(const Step& step, size_t word) const;
  };

  static constexpr size_t kNone = static_cast<size_t>(-1);
  // Looked up by std::string_view, so reading a word's prefixes copies nothing.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Ids = std::unordered_map<std::string, Atom, Hash, std::equal_to<>>;
  Atom Intern(Ids* ids, const std::string& s);
  Atoms Read(const std::vector<std::string>& words) const;
  size_t MatchFrom(const std::vector<Step>& steps, const Atoms& a, size_t word, size_t step) const;

  Ids exact_;
  Ids prefixes_;
  // By number of letters: some prefix has that many. Never empty.
  std::vector<bool> prefix_length_ = std::vector<bool>(1, false);
  Atom atom_count_ = 0;
  std::vector<std::vector<Step>> phrases_;
  std::vector<std::vector<uint32_t>>
      starting_with_;                        // by atom: phrases whose first step accepts it
  std::vector<uint32_t> starting_anywhere_;  // phrases whose first step is not a word
};

}  // namespace faqbot::safety
