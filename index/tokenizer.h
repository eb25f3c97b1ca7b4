// Splits text into lower-case word tokens the same way everywhere: messages,
// passages, intent examples and lexicon entries. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace faqbot::index {

// Letters and digits form words; apostrophes inside a word are dropped
// ("can't" -> "cant"); a decimal point between digits is kept ("38.5");
// anything else separates. Typographic punctuation is folded first.
std::vector<std::string> Tokenize(std::string_view text);

}  // namespace faqbot::index
