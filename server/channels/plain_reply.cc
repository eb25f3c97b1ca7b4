// @brief Plain-text rendering of replies and fitting it into message limits.
#include "server/channels/plain_reply.h"

#include <set>
#include <tuple>

#include "common/text.h"

namespace faqbot::server::channels {
namespace {

using dialogue::Reply;
using dialogue::ReplyType;

// Our own words stay in the GSM 7-bit alphabet (ASCII here): one character
// outside it makes a carrier send the whole SMS as UCS-2, halving its length.
constexpr const char* kEllipsis = " ...";
constexpr size_t kMinText = 200;

size_t Len(const std::string& s) { return text::Utf8Length(s); }

// Byte length of the first `n` code points of well-formed UTF-8.
size_t PrefixBytes(const std::string& s, size_t n) {
  size_t i = 0;
  for (size_t chars = 0; i < s.size() && chars < n; ++chars) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

std::string ContactLine(const safety::Contact& c) {
  std::string details = c.phone;
  if (!c.url.empty()) details += (details.empty() ? "" : ", ") + c.url;
  std::string line = "- " + c.name;
  if (!details.empty()) {
    line += ": " + details;
    if (!c.note.empty()) line += " (" + c.note + ")";
  } else if (!c.note.empty()) {
    line += ": " + c.note;
  }
  return line;
}

std::string SafetyBlock(const Reply& r) {
  if (!r.safety || r.safety->contacts.empty()) return "";
  bool urgent = r.type == ReplyType::kEmergency || r.type == ReplyType::kCrisis;
  std::string block = urgent ? "Get help now:" : "Who can help:";
  for (const auto& c : r.safety->contacts) block += "\n" + ContactLine(c);
  return block;
}

std::string SourcesBlock(const Reply& r) {
  std::string block;
  std::set<std::tuple<std::string, std::string, std::string>> listed;
  int n = 0;
  for (const auto& s : r.sources) {
    if (!listed.insert({s.title, s.section, s.url}).second) continue;
    block += "\n" + std::to_string(++n) + ". " + s.title;
    if (!s.publisher.empty()) block += " - " + s.publisher;
    if (!s.section.empty()) block += " (" + s.section + ")";
    if (!s.url.empty()) block += "\n   " + s.url;
  }
  return block.empty() ? "" : "Sources:" + block;
}

std::string ReferralsBlock(const Reply& r) {
  std::string block;
  for (const auto& ref : r.referrals) {
    block += "\n- " + ref.name + (ref.url.empty() ? "" : ": " + ref.url);
  }
  return block.empty() ? "" : "More support:" + block;
}

std::string SuggestionsBlock(const Reply& r) {
  std::string block;
  for (const auto& s : r.suggestions) {
    if (r.text.find(s) == std::string::npos) block += "\n- " + s;
  }
  return block.empty() ? "" : "You could also ask:" + block;
}

std::vector<std::string> SplitOn(const std::string& s, const std::string& sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    std::string part = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!part.empty()) parts.push_back(std::move(part));
    if (end == std::string::npos) return parts;
    start = end + sep.size();
  }
}

// Splits at the coarsest boundary that works: paragraphs, lines, words, and
// finally code points.
std::vector<std::string> SplitLong(const std::string& s, size_t max_chars, size_t level) {
  static const std::string kSeps[] = {"\n\n", "\n", " "};
  if (Len(s) <= max_chars) return {s};
  std::vector<std::string> out;
  if (level == 3) {
    for (size_t i = 0; i < s.size();) {
      size_t n = PrefixBytes(s.substr(i), max_chars);
      out.push_back(s.substr(i, n));
      i += n;
    }
    return out;
  }
  const std::string& sep = kSeps[level];
  std::string cur;
  for (const auto& part : SplitOn(s, sep)) {
    for (auto& piece : SplitLong(part, max_chars, level + 1)) {
      if (cur.empty()) {
        cur = std::move(piece);
      } else if (Len(cur) + Len(sep) + Len(piece) <= max_chars) {
        cur += sep + piece;
      } else {
        out.push_back(std::move(cur));
        cur = std::move(piece);
      }
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

PlainReply RenderPlain(const Reply& r) {
  return {r.text,       SafetyBlock(r),    SourcesBlock(r),
          r.disclaimer, ReferralsBlock(r), SuggestionsBlock(r)};
}

std::vector<std::string> Blocks(const PlainReply& r, bool with_suggestions) {
  std::vector<std::string> blocks;
  for (const std::string* b : {&r.text, &r.safety, &r.sources, &r.disclaimer, &r.referrals}) {
    if (!b->empty()) blocks.push_back(*b);
  }
  if (with_suggestions && !r.suggestions.empty()) blocks.push_back(r.suggestions);
  return blocks;
}

std::string Shorten(const std::string& s, size_t max_chars) {
  if (Len(s) <= max_chars) return s;
  size_t marker = Len(kEllipsis);
  if (max_chars <= marker) return s.substr(0, PrefixBytes(s, max_chars));
  std::string head = s.substr(0, PrefixBytes(s, max_chars - marker));
  size_t cut = std::string::npos;
  for (size_t i = head.size(); i-- > head.size() / 2;) {
    bool boundary = i + 1 == head.size() ? std::isspace(static_cast<unsigned char>(s[i + 1]))
                                         : std::isspace(static_cast<unsigned char>(head[i + 1]));
    if ((head[i] == '.' || head[i] == '!' || head[i] == '?') && boundary) {
      cut = i + 1;
      break;
    }
  }
  if (cut == std::string::npos) cut = head.find_last_of(" \n");
  if (cut == std::string::npos || cut == 0) cut = head.size();
  head.resize(cut);
  while (!head.empty() && std::isspace(static_cast<unsigned char>(head.back()))) head.pop_back();
  return head + kEllipsis;
}

std::string FitPlain(const PlainReply& reply, bool with_suggestions, size_t max_chars) {
  std::string full = text::Join(Blocks(reply, with_suggestions), "\n\n");
  if (Len(full) <= max_chars) return full;
  // Shorten the text so the rest fits; if the rest leaves too little room,
  // give up the optional blocks one by one.
  PlainReply r = reply;
  std::string* optional[] = {&r.suggestions, &r.referrals, &r.sources};
  for (size_t dropped = 0; dropped <= 3; ++dropped) {
    if (dropped > 0) optional[dropped - 1]->clear();
    PlainReply rest = r;
    rest.text.clear();
    size_t others = Len(text::Join(Blocks(rest, with_suggestions), "\n\n")) + 2;
    if (others < max_chars && max_chars - others >= std::min(kMinText, Len(r.text))) {
      r.text = Shorten(r.text, max_chars - others);
      return text::Join(Blocks(r, with_suggestions), "\n\n");
    }
  }
  // Only safety contacts and disclaimer are left to keep: they go first.
  std::string kept = text::Join(Blocks({"", r.safety, "", r.disclaimer, "", ""}, false), "\n\n");
  if (Len(kept) + 2 >= max_chars) return Shorten(kept, max_chars);
  return kept + "\n\n" + Shorten(r.text, max_chars - Len(kept) - 2);
}

std::vector<std::string> SplitMessages(const std::vector<std::string>& blocks, size_t max_chars) {
  std::vector<std::string> messages;
  std::string cur;
  for (const auto& block : blocks) {
    for (auto& piece : SplitLong(block, max_chars, 0)) {
      if (cur.empty()) {
        cur = std::move(piece);
      } else if (Len(cur) + 2 + Len(piece) <= max_chars) {
        cur += "\n\n" + piece;
      } else {
        messages.push_back(std::move(cur));
        cur = std::move(piece);
      }
    }
  }
  if (!cur.empty()) messages.push_back(std::move(cur));
  return messages;
}

}  // namespace faqbot::server::channels
