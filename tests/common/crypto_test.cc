#include "common/crypto.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace faqbot::crypto {
namespace {

TEST(CryptoTest, Sha256MatchesKnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(CryptoTest, HmacMatchesRfc4231And2202) {
  // RFC 4231 test case 2 and RFC 2202 test case 2.
  EXPECT_EQ(HexEncode(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(HexEncode(HmacSha1("Jefe", "what do ya want for nothing?")),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
}

TEST(CryptoTest, KeyedHmacMatchesOneShotHmac) {
  // Empty, short, block-sized (64) and longer-than-a-block keys, which HMAC
  // hashes first.
  for (const std::string& key : {std::string(), std::string("Jefe"), std::string(64, 'k'),
                                 std::string(65, 'k'), std::string(200, '\xaa')}) {
    HmacSha256Key keyed(key);
    for (const std::string& data :
         {std::string(), std::string("what do ya want for nothing?"), std::string(1000, 'd')}) {
      EXPECT_EQ(keyed.Digest(data), HmacSha256(key, data)) << key.size() << " " << data.size();
    }
  }
  EXPECT_EQ(HexEncode(HmacSha256Key("Jefe").Digest("what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(CryptoTest, KeyedHmacIsSafeToShareAcrossThreads) {
  HmacSha256Key keyed(RandomKey());
  std::vector<std::string> expected;
  for (int i = 0; i < 8; ++i) expected.push_back(keyed.Digest("session-" + std::to_string(i)));
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int n = 0; n < 2000; ++n) {
        int i = (t + n) % 8;
        if (keyed.Digest("session-" + std::to_string(i)) != expected[i]) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(CryptoTest, Base64) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
}

TEST(CryptoTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret2"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST(CryptoTest, RandomKeysHaveTheirLengthAndDiffer) {
  EXPECT_EQ(RandomKey().size(), 32u);
  EXPECT_EQ(RandomKey(16).size(), 16u);
  EXPECT_NE(RandomKey(), RandomKey());
}

}  // namespace
}  // namespace faqbot::crypto
