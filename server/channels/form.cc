// @brief Strict application/x-www-form-urlencoded parsing.
#include "server/channels/form.h"

#include "common/text.h"

namespace faqbot::server::channels {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] != '%') {
      out += s[i];
    } else {
      int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
      int lo = hi >= 0 ? HexValue(s[i + 2]) : -1;
      if (lo < 0) return Status::InvalidArgument("bad percent escape in form data");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    }
  }
  return out;
}

Result<Form> ParseForm(std::string_view body) {
  Form form;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view piece = body.substr(start, end - start);
    start = end + 1;
    if (piece.empty()) continue;
    size_t eq = piece.find('=');
    auto name = PercentDecode(piece.substr(0, eq));
    if (!name.ok()) return name.status();
    auto value = PercentDecode(eq == std::string_view::npos ? "" : piece.substr(eq + 1));
    if (!value.ok()) return value.status();
    form.push_back({std::move(*name), std::move(*value)});
  }
  return form;
}

bool IsFormContentType(std::string_view content_type) {
  std::string type = text::ToLowerAscii(content_type.substr(0, content_type.find(';')));
  return text::Trim(type) == "application/x-www-form-urlencoded";
}

const std::string* FormValue(const Form& form, std::string_view name) {
  for (const auto& f : form) {
    if (f.name == name) return &f.value;
  }
  return nullptr;
}

}  // namespace faqbot::server::channels
