// @brief Finds where a buffered HTTP/1.1 request ends.
#include "server/request_framing.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace faqbot::server {
namespace {

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Strips HTTP's optional whitespace (space, tab) and a CRLF line end's CR.
// Not text::Trim: that allocates, and strips Unicode spaces HTTP does not allow.
std::string_view TrimHeaderSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// What the head says about the body that follows it.
struct BodyFraming {
  bool measured = true;  // false: chunked, 100-continue or an unreadable length
  size_t length = 0;
};

BodyFraming ReadFraming(std::string_view head) {
  BodyFraming framing;
  std::string_view rest = head.substr(head.find('\n') + 1);  // after the request line
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = TrimHeaderSpace(line.substr(0, colon));
    std::string_view value = TrimHeaderSpace(line.substr(colon + 1));
    if (EqualsNoCase(name, "Transfer-Encoding") || EqualsNoCase(name, "Expect")) {
      framing.measured = false;
    } else if (EqualsNoCase(name, "Content-Length")) {
      auto [last, ec] = std::from_chars(value.data(), value.data() + value.size(), framing.length);
      if (ec != std::errc() || last != value.data() + value.size()) framing.measured = false;
    }
  }
  return framing;
}

// The size of the head including its blank line, if it has all arrived.
std::optional<size_t> HeadSize(std::string_view buffered) {
  size_t crlf = buffered.find("\r\n\r\n");
  size_t lf = buffered.find("\n\n");
  if (crlf != std::string_view::npos) return lf < crlf ? lf + 2 : crlf + 4;
  if (lf != std::string_view::npos) return lf + 2;
  return std::nullopt;
}

}  // namespace

bool RequestReady(std::string_view buffered, size_t max_buffered) {
  if (buffered.size() >= max_buffered) return true;
  std::optional<size_t> head = HeadSize(buffered);
  if (!head) return false;
  BodyFraming body = ReadFraming(buffered.substr(0, *head));
  if (!body.measured || body.length > max_buffered - *head) return true;
  return buffered.size() - *head >= body.length;
}

}  // namespace faqbot::server
