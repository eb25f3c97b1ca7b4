// @brief Compact JSON text written straight into a string, matching nlohmann's dump().
#include "common/json_writer.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace faqbot::json_text {
namespace {

bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void AppendEscape(std::string* out, unsigned char c) {
  static const char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"':
      out->append("\\\"");
      return;
    case '\\':
      out->append("\\\\");
      return;
    case '\b':
      out->append("\\b");
      return;
    case '\f':
      out->append("\\f");
      return;
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    default:
      const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
      out->append(u, sizeof u);
  }
}

}  // namespace

void AppendString(std::string* out, std::string_view s) {
  out->push_back('"');
  // Bytes of multi-byte UTF-8 sequences are all >= 0x80, so scanning bytes
  // finds exactly the characters dump() escapes; runs between them are
  // copied whole.
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (!NeedsEscape(c)) continue;
    out->append(s.data() + run, i - run);
    AppendEscape(out, c);
    run = i + 1;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void AppendDouble(std::string* out, double d) {
  if (!std::isfinite(d)) {
    out->append("null");
    return;
  }
  // The formatter dump() itself calls (Grisu2): std::to_chars picks
  // different forms ("1" for 1.0, "1e+15"), so only this one matches.
  char buf[64];
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, d);
  out->append(buf, end);
}

Writer& Writer::BeginObject() {
  Open('{');
  return *this;
}

Writer& Writer::EndObject() {
  Close('}');
  return *this;
}

Writer& Writer::BeginArray() {
  Open('[');
  return *this;
}

Writer& Writer::EndArray() {
  Close(']');
  return *this;
}

Writer& Writer::Key(std::string_view key) {
  Separate();
  AppendString(out_, key);
  out_->push_back(':');
  need_comma_ = false;
  return *this;
}

Writer& Writer::String(std::string_view s) {
  Separate();
  AppendString(out_, s);
  need_comma_ = true;
  return *this;
}

Writer& Writer::StringOrNull(std::string_view s) { return s.empty() ? Null() : String(s); }

Writer& Writer::Double(double d) {
  Separate();
  AppendDouble(out_, d);
  need_comma_ = true;
  return *this;
}

Writer& Writer::Int(int64_t i) {
  Separate();
  char buf[24];
  auto result = std::to_chars(buf, buf + sizeof buf, i);
  out_->append(buf, result.ptr);
  need_comma_ = true;
  return *this;
}

Writer& Writer::Null() {
  Separate();
  out_->append("null");
  need_comma_ = true;
  return *this;
}

void Writer::Separate() {
  if (need_comma_) out_->push_back(',');
}

void Writer::Open(char bracket) {
  Separate();
  out_->push_back(bracket);
  need_comma_ = false;
}

void Writer::Close(char bracket) {
  out_->push_back(bracket);
  need_comma_ = true;
}

}  // namespace faqbot::json_text
