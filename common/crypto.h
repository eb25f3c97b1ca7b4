// Hashes, message authentication and encodings used for corpus versions,
// webhook signatures and the access log's session hashes, over OpenSSL. Pure
// functions and a const-only keyed HMAC; thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace faqbot::crypto {

std::string Sha256Hex(std::string_view data);

// Raw (binary) HMAC digests.
std::string HmacSha1(std::string_view key, std::string_view data);
std::string HmacSha256(std::string_view key, std::string_view data);

// HMAC-SHA256 keyed once, for hashing many messages under the same key (the
// access log hashes every session id): the constructor hashes the padded key
// into the inner and outer states, so a digest costs two short hashes and no
// allocation. Digest(data) equals HmacSha256(key, data). Thread-safe:
// Digest() works on copies of the keyed states.
class HmacSha256Key {
 public:
  explicit HmacSha256Key(std::string_view key);

  std::string Digest(std::string_view data) const;  // raw (binary)

 private:
  struct Keyed;  // the inner and outer states, keeping OpenSSL out of this header
  std::shared_ptr<const Keyed> keyed_;
};

std::string HexEncode(std::string_view bytes);
std::string Base64Encode(std::string_view bytes);

// Compares without an early exit, so the time taken does not reveal where two
// secrets first differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// `bytes` random bytes from the operating system, for keys made at start-up.
std::string RandomKey(size_t bytes = 32);

}  // namespace faqbot::crypto
