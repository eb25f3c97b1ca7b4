// @brief Hashes, HMAC and encodings over OpenSSL.
#include "common/crypto.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>
#include <openssl/sha.h>

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

void HmacSha256Key::CtxFree::operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }

HmacSha256Key::HmacSha256Key(std::string_view key) {
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (mac) keyed_.reset(EVP_MAC_CTX_new(mac));
  EVP_MAC_free(mac);  // the context holds its own reference
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                         OSSL_PARAM_construct_end()};
  // A null key means "keep the previous one", so an empty key needs a real pointer.
  static const unsigned char kNoKey = 0;
  auto* bytes = key.empty() ? &kNoKey : reinterpret_cast<const unsigned char*>(key.data());
  if (!keyed_ || !EVP_MAC_init(keyed_.get(), bytes, key.size(), params)) {
    throw std::runtime_error("OpenSSL could not set up HMAC-SHA256");
  }
}

std::string HmacSha256Key::Digest(std::string_view data) const {
  // Duplicating the keyed context only reads it, so threads may share it.
  Ctx ctx(EVP_MAC_CTX_dup(keyed_.get()));
  unsigned char out[EVP_MAX_MD_SIZE];
  size_t len = 0;
  if (!ctx ||
      !EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(data.data()),
                      data.size()) ||
      !EVP_MAC_final(ctx.get(), out, &len, sizeof out)) {
    throw std::runtime_error("OpenSSL could not compute HMAC-SHA256");
  }
  return std::string(reinterpret_cast<char*>(out), len);
}

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
