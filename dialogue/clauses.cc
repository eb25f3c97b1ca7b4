#include "dialogue/clauses.h"

#include <algorithm>
#include <cctype>

namespace faqbot::dialogue {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void Keep(std::string_view clause, std::vector<std::string>* out) {
  size_t b = 0, e = clause.size();
  while (b < e && IsSpace(clause[b])) ++b;
  while (e > b && IsSpace(clause[e - 1])) --e;
  clause = clause.substr(b, e - b);
  bool words = std::any_of(clause.begin(), clause.end(),
                           [](unsigned char c) { return std::isalnum(c) || c >= 0x80; });
  if (words) out->emplace_back(clause);
}

// Does the character at `i` end a clause?
bool Ends(std::string_view m, size_t i) {
  char c = m[i];
  if (c == '?' || c == '!' || c == ';' || c == '\n') return true;
  if (c != '.' && c != ',') return false;
  return i + 1 == m.size() || IsSpace(m[i + 1]);
}

}  // namespace

std::vector<std::string> SplitClauses(std::string_view message) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < message.size(); ++i) {
    if (!Ends(message, i)) continue;
    Keep(message.substr(start, i - start), &out);
    start = i + 1;
  }
  Keep(message.substr(start), &out);
  return out;
}

}  // namespace faqbot::dialogue
