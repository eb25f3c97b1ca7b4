// @brief X-Twilio-Signature computation and validation.
#include "server/channels/twilio_signature.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/crypto.h"

namespace faqbot::server::channels {
namespace {

struct UrlParts {
  std::string scheme;     // "https"
  std::string authority;  // "user:pass@host:443", without the port when `port` is set
  std::string port;       // "443", or empty
  std::string rest;       // "/path?query#fragment"
};

UrlParts SplitUrl(std::string_view url) {
  UrlParts u;
  size_t colon = url.find("://");
  if (colon == std::string_view::npos) {
    u.rest = url;
    return u;
  }
  u.scheme = url.substr(0, colon);
  size_t start = colon + 3;
  size_t end = url.find_first_of("/?#", start);
  if (end == std::string_view::npos) end = url.size();
  std::string authority(url.substr(start, end - start));
  u.rest = url.substr(end);
  size_t at = authority.rfind('@');
  size_t host_start = at == std::string::npos ? 0 : at + 1;
  size_t bracket = authority.find(']', host_start);  // IPv6 literal
  size_t port_colon = authority.find(':', bracket == std::string::npos ? host_start : bracket);
  if (port_colon != std::string::npos) {
    u.port = authority.substr(port_colon + 1);
    authority.resize(port_colon);
  }
  u.authority = authority;
  return u;
}

std::string DefaultPort(const std::string& scheme) {
  if (scheme == "https") return "443";
  if (scheme == "http") return "80";
  return "";
}

// Percent-encodes the query the way WHATWG URL parsing does for http(s).
std::string WhatwgQuery(const std::string& url) {
  size_t q = url.find('?');
  if (q == std::string::npos) return url;
  size_t hash = url.find('#', q);
  std::string out = url.substr(0, q + 1);
  static const char* kHex = "0123456789ABCDEF";
  for (size_t i = q + 1; i < std::min(hash, url.size()); ++i) {
    unsigned char c = url[i];
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '#' || c == '<' || c == '>' || c == '\'') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  if (hash != std::string::npos) out += url.substr(hash);
  return out;
}

std::string QueryValue(std::string_view url, std::string_view name) {
  size_t q = url.find('?');
  if (q == std::string_view::npos) return "";
  auto form = ParseForm(url.substr(q + 1, url.find('#', q) - q - 1));
  if (!form.ok()) return "";
  const std::string* v = FormValue(*form, name);
  return v ? *v : "";
}

}  // namespace

std::string TwilioSignature(std::string_view auth_token, std::string_view url, const Form& params) {
  std::map<std::string, std::set<std::string>> sorted;
  for (const auto& p : params) sorted[p.name].insert(p.value);
  std::string data(url);
  for (const auto& [name, values] : sorted) {
    for (const auto& v : values) data += name + v;
  }
  return crypto::Base64Encode(crypto::HmacSha1(auth_token, data));
}

std::vector<std::string> TwilioUrlVariants(std::string_view url) {
  UrlParts u = SplitUrl(url);
  std::vector<std::string> variants;
  if (u.scheme.empty()) {
    variants.emplace_back(url);
  } else {
    std::string base = u.scheme + "://" + u.authority;
    std::string port = u.port.empty() ? DefaultPort(u.scheme) : u.port;
    variants.push_back(base + u.rest);
    if (!port.empty()) variants.push_back(base + ":" + port + u.rest);
  }
  size_t n = variants.size();
  for (size_t i = 0; i < n; ++i) {
    std::string encoded = WhatwgQuery(variants[i]);
    if (encoded != variants[i]) variants.push_back(encoded);
  }
  return variants;
}

bool TwilioSignatureValid(std::string_view auth_token, std::string_view url, const Form& params,
                          std::string_view raw_body, std::string_view signature) {
  if (auth_token.empty() || signature.empty()) return false;
  const Form* signed_params = &params;
  static const Form kNoParams;
  std::string body_hash = QueryValue(url, "bodySHA256");
  if (!body_hash.empty()) {
    if (!crypto::ConstantTimeEquals(crypto::Sha256Hex(raw_body), body_hash)) return false;
    signed_params = &kNoParams;
  }
  bool valid = false;
  for (const auto& candidate : TwilioUrlVariants(url)) {
    // No early exit: every candidate costs the same whether or not one matched.
    valid |= crypto::ConstantTimeEquals(TwilioSignature(auth_token, candidate, *signed_params),
                                        signature);
  }
  return valid;
}

}  // namespace faqbot::server::channels
