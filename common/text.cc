// @brief Plain-text helpers: UTF-8 validation, trimming, folding, slugs, sentences.
#include "common/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace faqbot::text {
namespace {

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Multi-byte characters folded to ASCII before matching.
const std::array<std::pair<std::string_view, std::string_view>, 16> kFolds = {{
    {"\u2018", "'"},
    {"\u2019", "'"},
    {"\u201B", "'"},
    {"\u2032", "'"},
    {"\u201C", "\""},
    {"\u201D", "\""},
    {"\u2013", "-"},
    {"\u2014", "-"},
    {"\u2212", "-"},
    {"\u2022", "-"},
    {"\u00A0", " "},
    {"\u2009", " "},
    {"\u202F", " "},
    {"\u2026", "..."},
    {"\u00B0", " degrees "},
    {"\u200B", ""},
}};

// Length of the Unicode whitespace sequence at the start of `s`, or 0.
size_t UnicodeSpaceAt(std::string_view s) {
  static const std::array<std::string_view, 5> kSpaces = {"\u00A0", "\u2009", "\u202F", "\u3000",
                                                          "\u200B"};
  if (!s.empty() && IsAsciiSpace(static_cast<unsigned char>(s[0]))) return 1;
  for (auto sp : kSpaces) {
    if (s.substr(0, sp.size()) == sp) return sp.size();
  }
  return 0;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) {
      return false;  // overlong
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string Trim(std::string_view s) {
  while (size_t k = UnicodeSpaceAt(s)) s.remove_prefix(k);
  for (;;) {
    bool trimmed = false;
    for (size_t k = 1; k <= 3 && k <= s.size(); ++k) {
      if (UnicodeSpaceAt(s.substr(s.size() - k)) == k) {
        s.remove_suffix(k);
        trimmed = true;
        break;
      }
    }
    if (!trimmed) break;
  }
  return std::string(s);
}

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  // What std::tolower does in the "C" locale, without a call per byte.
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string FoldPunctuation(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    bool folded = false;
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      for (const auto& [from, to] : kFolds) {
        if (s.substr(i, from.size()) == from) {
          out.append(to);
          i += from.size();
          folded = true;
          break;
        }
      }
    }
    if (!folded) out.push_back(s[i++]);
  }
  return out;
}

std::string Slugify(std::string_view s) {
  std::string out;
  bool dash = false;
  for (unsigned char c : s) {
    if (std::isalnum(c)) {
      if (dash && !out.empty()) out.push_back('-');
      out.push_back(static_cast<char>(std::tolower(c)));
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

std::string AlnumOnly(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

std::vector<std::string> SplitSentences(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string t = Trim(cur);
    if (!t.empty()) out.push_back(std::move(t));
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n') {
      flush();
      continue;
    }
    cur.push_back(c);
    bool ender = c == '.' || c == '!' || c == '?';
    if (ender && i + 2 < s.size() && s[i + 1] == ' ') {
      unsigned char next = static_cast<unsigned char>(s[i + 2]);
      if (std::isupper(next) || std::isdigit(next)) flush();
    }
  }
  flush();
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? s.npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out.append(sep);
    out.append(parts[i]);
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  // Three rolling rows of the (n + 1) x (m + 1) table: a transposition looks
  // two rows back. Words are short, so the rows usually live on the stack.
  const size_t n = a.size(), m = b.size(), w = m + 1;
  constexpr size_t kOnStack = 3 * 32;
  size_t stack[kOnStack];
  std::vector<size_t> heap;
  size_t* rows = stack;
  if (3 * w > kOnStack) {
    heap.resize(3 * w);
    rows = heap.data();
  }
  auto row = [&](size_t i) { return rows + (i % 3) * w; };
  for (size_t j = 0; j <= m; ++j) row(0)[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    size_t* d = row(i);
    const size_t* up = row(i - 1);
    const size_t* up2 = row(i - 2 + 3);  // row i - 2; unread while i < 2
    d[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[j] = std::min({up[j] + 1, d[j - 1] + 1, up[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[j] = std::min(d[j], up2[j - 2] + 1);
      }
    }
  }
  return row(n)[m];
}

}  // namespace faqbot::text
