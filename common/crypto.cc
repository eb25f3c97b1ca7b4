// @brief Hashes, HMAC and encodings over OpenSSL.
#include "common/crypto.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <random>
#include <stdexcept>

namespace faqbot::crypto {
namespace {

std::string Hmac(const EVP_MD* md, std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(md, key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  unsigned char out[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
  return HexEncode(std::string_view(reinterpret_cast<char*>(out), sizeof out));
}

std::string HmacSha1(std::string_view key, std::string_view data) {
  return Hmac(EVP_sha1(), key, data);
}

std::string HmacSha256(std::string_view key, std::string_view data) {
  return Hmac(EVP_sha256(), key, data);
}

// OpenSSL 3 marks the SHA256_* functions deprecated in favour of EVP, whose
// contexts cannot be copied without allocating; they remain supported.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

// OpenSSL's plain SHA-256 states: copying one is a struct copy, where an EVP
// context would be duplicated on the heap for every digest.
struct HmacSha256Key::Keyed {
  SHA256_CTX inner;
  SHA256_CTX outer;
};

HmacSha256Key::HmacSha256Key(std::string_view key) {
  auto keyed = std::make_shared<Keyed>();
  // RFC 2104: a key longer than the block is hashed first; then the key,
  // zero-padded to the block, is XORed with ipad and opad.
  unsigned char block[SHA256_CBLOCK] = {};
  if (key.size() > sizeof block) {
    SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), block);
  } else {
    std::copy(key.begin(), key.end(), reinterpret_cast<char*>(block));
  }
  unsigned char pad[SHA256_CBLOCK];
  for (size_t i = 0; i < sizeof pad; ++i) pad[i] = block[i] ^ 0x36;
  SHA256_Init(&keyed->inner);
  SHA256_Update(&keyed->inner, pad, sizeof pad);
  for (size_t i = 0; i < sizeof pad; ++i) pad[i] = block[i] ^ 0x5c;
  SHA256_Init(&keyed->outer);
  SHA256_Update(&keyed->outer, pad, sizeof pad);
  keyed_ = std::move(keyed);
}

std::string HmacSha256Key::Digest(std::string_view data) const {
  unsigned char inner_hash[SHA256_DIGEST_LENGTH];
  SHA256_CTX ctx = keyed_->inner;
  SHA256_Update(&ctx, data.data(), data.size());
  SHA256_Final(inner_hash, &ctx);
  unsigned char out[SHA256_DIGEST_LENGTH];
  ctx = keyed_->outer;
  SHA256_Update(&ctx, inner_hash, sizeof inner_hash);
  SHA256_Final(out, &ctx);
  return std::string(reinterpret_cast<char*>(out), sizeof out);
}

#pragma GCC diagnostic pop

std::string HexEncode(std::string_view bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0xf]);
  }
  return out;
}

std::string Base64Encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // Length is not secret; contents are.
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string RandomKey(size_t bytes) {
  std::random_device rd;
  std::string key(bytes, '\0');
  for (char& c : key) c = static_cast<char>(rd());
  return key;
}

}  // namespace faqbot::crypto
