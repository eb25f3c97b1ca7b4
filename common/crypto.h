// Hashes, message authentication and encodings used for corpus versions and
// webhook signatures, over OpenSSL. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace faqbot::crypto {

std::string Sha256Hex(std::string_view data);

// Raw (binary) HMAC digests.
std::string HmacSha1(std::string_view key, std::string_view data);
std::string HmacSha256(std::string_view key, std::string_view data);

std::string HexEncode(std::string_view bytes);
std::string Base64Encode(std::string_view bytes);

// Compares without an early exit, so the time taken does not reveal where two
// secrets first differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// `bytes` random bytes from the operating system, for keys made at start-up.
std::string RandomKey(size_t bytes = 32);

}  // namespace faqbot::crypto
