// Every Twilio vector in ../shared/eval/external/webhook_signature_vectors.json.
#include "server/channels/twilio_signature.h"

#include <gtest/gtest.h>

#include "common/crypto.h"
#include "tests/server/channels/vectors.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;

json TwilioVectors() {
  return testing::ReadJsonFile(testing::ExternalDir() +
                               "/webhook_signature_vectors.json")["twilio"];
}

// A vector's params: an object (string or array values) or a list of pairs.
Form Params(const json& params) {
  Form form;
  if (params.is_array()) {
    for (const auto& pair : params) form.push_back({pair[0], pair[1]});
    return form;
  }
  for (const auto& [name, value] : params.items()) {
    if (value.is_array()) {
      for (const auto& v : value) form.push_back({name, v});
    } else {
      form.push_back({name, value});
    }
  }
  return form;
}

std::string Body(const json& v) {
  return v["body"].is_string() ? v["body"].get<std::string>() : "";
}

TEST(TwilioSignatureTest, EveryVectorValidatesAsExpected) {
  json vectors = TwilioVectors()["vectors"];
  ASSERT_EQ(vectors.size(), 15u);
  int valid = 0;
  for (const auto& v : vectors) {
    SCOPED_TRACE(v["name"].get<std::string>());
    bool ok = TwilioSignatureValid(v["auth_token"].get<std::string>(),
                                   v["request_url"].get<std::string>(), Params(v["params"]),
                                   Body(v), v["header_X_Twilio_Signature"].get<std::string>());
    EXPECT_EQ(ok, v["expected_valid"].get<bool>());
    valid += ok;
  }
  EXPECT_EQ(valid, 14);
}

TEST(TwilioSignatureTest, ReproducesEachSignatureOverTheUrlActuallySigned) {
  const json vectors = TwilioVectors()["vectors"];
  for (const auto& v : vectors) {
    if (!v["expected_valid"].get<bool>()) continue;
    SCOPED_TRACE(v["name"].get<std::string>());
    bool json_body = v["request_url"].get<std::string>().find("bodySHA256") != std::string::npos;
    EXPECT_EQ(TwilioSignature(v["auth_token"].get<std::string>(),
                              v["url_actually_signed"].get<std::string>(),
                              json_body ? Form{} : Params(v["params"])),
              v["header_X_Twilio_Signature"].get<std::string>());
  }
}

TEST(TwilioSignatureTest, BodyHashVectors) {
  const json vectors = TwilioVectors()["body_hash_vectors"];
  ASSERT_EQ(vectors.size(), 2u);
  for (const auto& v : vectors) {
    EXPECT_EQ(crypto::Sha256Hex(v["body"].get<std::string>()), v["sha256_hex"]);
  }
}

TEST(TwilioSignatureTest, AnyChangeInvalidates) {
  const json v = TwilioVectors()["vectors"][0];
  const std::string url = v["request_url"], sig = v["header_X_Twilio_Signature"];
  Form params = Params(v["params"]);
  ASSERT_TRUE(TwilioSignatureValid("12345", url, params, "", sig));
  EXPECT_FALSE(TwilioSignatureValid("12346", url, params, "", sig)) << "other token";
  EXPECT_FALSE(TwilioSignatureValid("", url, params, "", sig)) << "no token";
  EXPECT_FALSE(TwilioSignatureValid("12345", url, params, "", "")) << "no signature";
  EXPECT_FALSE(
      TwilioSignatureValid("12345", "http://mycompany.com/myapp.php?foo=1&bar=2", params, "", sig))
      << "other scheme";
  EXPECT_FALSE(TwilioSignatureValid("12345", url + "&baz=3", params, "", sig)) << "other query";
  Form changed = params;
  changed[0].value += "0";
  EXPECT_FALSE(TwilioSignatureValid("12345", url, changed, "", sig)) << "changed param";
  Form extra = params;
  extra.push_back({"Body", "hi"});
  EXPECT_FALSE(TwilioSignatureValid("12345", url, extra, "", sig)) << "added param";
}

TEST(TwilioSignatureTest, JsonBodyMustMatchItsHash) {
  const json vectors = TwilioVectors()["vectors"];
  for (const auto& v : vectors) {
    if (v["name"] != "json_body_with_bodySHA256") continue;
    EXPECT_TRUE(TwilioSignatureValid("12345", v["request_url"].get<std::string>(), {}, Body(v),
                                     v["header_X_Twilio_Signature"].get<std::string>()));
    EXPECT_FALSE(TwilioSignatureValid("12345", v["request_url"].get<std::string>(), {},
                                      Body(v) + " ",
                                      v["header_X_Twilio_Signature"].get<std::string>()))
        << "a changed body no longer matches bodySHA256";
    return;
  }
  FAIL() << "vector json_body_with_bodySHA256 is missing";
}

TEST(TwilioSignatureTest, UrlVariants) {
  EXPECT_EQ(TwilioUrlVariants("https://a.example/x?y=1"),
            (std::vector<std::string>{"https://a.example/x?y=1", "https://a.example:443/x?y=1"}));
  EXPECT_EQ(TwilioUrlVariants("http://u:p@a.example:8080/x"),
            (std::vector<std::string>{"http://u:p@a.example/x", "http://u:p@a.example:8080/x"}));
  EXPECT_EQ(TwilioUrlVariants("https://a.example/x?q=it's"),
            (std::vector<std::string>{
                "https://a.example/x?q=it's", "https://a.example:443/x?q=it's",
                "https://a.example/x?q=it%27s", "https://a.example:443/x?q=it%27s"}));
}

}  // namespace
}  // namespace faqbot::server::channels
