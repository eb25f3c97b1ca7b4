// The text the safety stage reads: a message cut into clauses of normalised
// words -- lower case, apostrophes dropped ("can't" -> "cant"), numbers apart
// from their units ("38.5c" -> "38.5 c"), and UK/US spellings, common
// misspellings and near-misses of the words the rules look for mapped to one
// form ("paralysed" -> "paralyzed", "numbess" -> "numbness"). Pure functions;
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace faqbot::safety {

struct Clause {
  std::vector<std::string> words;
  bool question = false;  // the clause ended with '?'
};

// Cuts at sentence ends, ';', ':', ',', line breaks and the word "but".
std::vector<Clause> ReadClauses(std::string_view message);

// One word's normal form (`word` is lower case, without apostrophes).
std::string NormalWord(std::string_view word);

// Whether text::EditDistance(a, b) <= 1, in one pass and without allocating.
bool WithinOneEdit(std::string_view a, std::string_view b);

}  // namespace faqbot::safety
