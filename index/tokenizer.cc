// @brief The one tokenizer.
#include "index/tokenizer.h"

#include <cctype>

#include "common/text.h"

namespace faqbot::index {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

}  // namespace

std::vector<std::string> Tokenize(std::string_view input) {
  std::string s = text::ToLowerAscii(text::FoldPunctuation(input));
  std::vector<std::string> tokens;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) tokens.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    unsigned char next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (IsWordByte(c)) {
      cur.push_back(static_cast<char>(c));
    } else if (c == '\'' && !cur.empty() && IsWordByte(next)) {
      continue;  // "don't" -> "dont"
    } else if (c == '.' && !cur.empty() && std::isdigit(static_cast<unsigned char>(cur.back())) &&
               std::isdigit(next)) {
      cur.push_back('.');
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

}  // namespace faqbot::index
