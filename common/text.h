// Plain-text helpers shared by every component: UTF-8 checks, trimming, ASCII
// case folding, punctuation folding and slugs. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace faqbot::text {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Number of code points in well-formed UTF-8.
size_t Utf8Length(std::string_view s);

// Removes leading and trailing ASCII and Unicode whitespace.
std::string Trim(std::string_view s);

std::string ToLowerAscii(std::string_view s);

// Replaces typographic quotes, dashes, bullets and non-breaking spaces with ASCII
// equivalents so that matching sees "person's" whatever the keyboard produced.
std::string FoldPunctuation(std::string_view s);

// Lower-case ASCII letters and digits only, runs of anything else become one '-'.
std::string Slugify(std::string_view s);

// Lower-case letters and digits only: the form two texts are compared in when
// whitespace and punctuation must not matter.
std::string AlnumOnly(std::string_view s);

// Splits running text into sentences at '.', '!' or '?' followed by a space and
// an upper-case letter or digit, and at line breaks.
std::vector<std::string> SplitSentences(std::string_view s);

// Optimal string alignment distance: insertions, deletions, substitutions
// and swaps of adjacent letters each count one edit (a swapped pair is not
// edited again). Allocates nothing for words of up to 31 bytes.
size_t EditDistance(std::string_view a, std::string_view b);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
std::vector<std::string> Split(std::string_view s, char sep);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace faqbot::text
