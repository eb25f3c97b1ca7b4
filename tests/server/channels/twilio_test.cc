// POST /webhooks/twilio, signed with the algorithm the Twilio vectors in
// ../shared/eval/external/webhook_signature_vectors.json pin down (see
// twilio_signature_test.cc), using the vectors' token and parameters.
#include "server/channels/twilio.h"

#include <gtest/gtest.h>

#include <regex>

#include "common/crypto.h"
#include "common/text.h"
#include "server/channels/form.h"
#include "server/channels/twilio_signature.h"
#include "tests/server/channels/channel_server.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;
using testing::ChannelServer;

constexpr const char* kToken = "12345";  // the vectors' auth token
constexpr const char* kPublicUrl = "https://mycompany.com";
constexpr const char* kPath = "/webhooks/twilio";

ServerConfig TwilioConfig(const std::string& public_url = kPublicUrl) {
  ServerConfig config = testing::TestConfig();
  config.twilio_auth_token = kToken;
  config.public_url = public_url;
  return config;
}

std::string Body(const Form& form) {
  std::string body;
  for (const auto& f : form)
    body += (body.empty() ? "" : "&") + testing::FormEncode(f.name) + "=" +
            testing::FormEncode(f.value);
  return body;
}

Form Sms(const std::string& text, const std::string& sid = "SM0001",
         const std::string& from = "+14158675309") {
  return {{"ToCountry", "US"},  {"SmsMessageSid", sid},      {"NumMedia", "0"},
          {"Body", text},       {"MessageSid", sid},         {"SmsSid", sid},
          {"From", from},       {"To", "+18005551212"},      {"AccountSid", "AC1"},
          {"NumSegments", "1"}, {"ApiVersion", "2010-04-01"}};
}

// The <Message> texts of a TwiML document, unescaped.
std::vector<std::string> Messages(const std::string& twiml) {
  std::vector<std::string> out;
  static const std::regex kMessage("<Message>([^<]*)</Message>");
  for (std::sregex_iterator it(twiml.begin(), twiml.end(), kMessage), end; it != end; ++it) {
    std::string m = (*it)[1];
    for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}}) {
      for (size_t p; (p = m.find(from)) != std::string::npos;) m.replace(p, from.size(), to);
    }
    out.push_back(m);
  }
  return out;
}

class TwilioTest : public ::testing::Test {
 protected:
  httplib::Result Post(const Form& form, const std::string& signature,
                       const std::string& target = kPath) {
    httplib::Headers headers;
    if (!signature.empty()) headers.emplace("X-Twilio-Signature", signature);
    return server_.client().Post(target, headers, Body(form), "application/x-www-form-urlencoded");
  }
  httplib::Result PostSigned(const Form& form, const std::string& target = kPath) {
    return Post(form, TwilioSignature(kToken, std::string(kPublicUrl) + target, form), target);
  }
  std::vector<std::string> Texts(const Form& form) {
    auto res = PostSigned(form);
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/xml");
    EXPECT_TRUE(text::StartsWith(res->body, R"(<?xml version="1.0" encoding="UTF-8"?><Response)"))
        << res->body;
    return Messages(res->body);
  }
  ChannelServer server_{TwilioConfig()};
};

TEST_F(TwilioTest, CarriesTheWholeReplyInMessagesUnder1600Characters) {
  testing::ExpectVariedReplies(&server_);
  int n = 0;
  for (const auto& q : testing::VariedMessages()) {
    SCOPED_TRACE(q);
    dialogue::Reply ref = server_.Reference(q);
    ++n;
    auto texts = Texts(Sms(q, "SMq" + std::to_string(n), "+1415000000" + std::to_string(n)));
    ASSERT_FALSE(texts.empty());
    std::string all;
    for (const auto& t : texts) {
      EXPECT_LT(text::Utf8Length(t), 1600u);
      all += t + "\n";
    }
    for (const auto& piece : testing::ReplyPieces(ref)) {
      EXPECT_NE(all.find(piece), std::string::npos) << "missing: " << piece;
    }
    for (const auto& s : ref.suggestions) EXPECT_NE(all.find(s), std::string::npos) << s;
  }
}

TEST_F(TwilioTest, AcceptsTheVectorsParametersSignedForThisUrl) {
  json vectors = testing::ReadJsonFile(testing::ExternalDir() +
                                       "/webhook_signature_vectors.json")["twilio"]["vectors"];
  int sent = 0;
  for (const auto& v : vectors) {
    if (!v["expected_valid"].get<bool>() || !v["params"].is_object()) continue;
    if (v["params"].empty()) continue;  // the JSON-body vectors
    Form form;
    for (const auto& [name, value] : v["params"].items()) {
      if (value.is_array()) {
        for (const auto& e : value) form.push_back({name, e});
      } else {
        form.push_back({name, value});
      }
    }
    std::string sid = "SMv" + std::to_string(++sent);
    for (auto& f : Sms("hello", sid)) form.push_back(f);
    auto res = PostSigned(form, std::string(kPath) + "?foo=1&bar=2");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << v["name"] << res->body;
    EXPECT_EQ(Messages(res->body).size(), 1u) << v["name"];
  }
  EXPECT_GE(sent, 10);
}

TEST_F(TwilioTest, AcceptsTheUrlWithItsDefaultPort) {
  Form form = Sms("hello", "SMport");
  auto res = Post(form, TwilioSignature(kToken, "https://mycompany.com:443/webhooks/twilio", form));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  ChannelServer with_port(TwilioConfig("https://mycompany.com:443/"));
  Form again = Sms("hello", "SMport2");
  res = with_port.client().Post(
      kPath,
      {{"X-Twilio-Signature",
        TwilioSignature(kToken, "https://mycompany.com/webhooks/twilio", again)}},
      Body(again), "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(TwilioTest, ABadSignatureIsRefusedWithNothingProcessed) {
  Form form = Sms("What are the symptoms of bone metastases?", "SMbad");
  std::string good = TwilioSignature(kToken, std::string(kPublicUrl) + kPath, form);
  Form tampered = form;
  tampered[3].value = "something else";
  struct Case {
    const char* why;
    Form form;
    std::string signature;
  };
  std::vector<Case> cases = {
      {"missing", form, ""},
      {"the vectors' wrong signature", form, "WRONG_SIGNATURE"},
      {"signed for another URL", form,
       TwilioSignature(kToken, "https://mycompany.com/myapp.php?foo=1&bar=2", form)},
      {"signed over http", form,
       TwilioSignature(kToken, "http://mycompany.com/webhooks/twilio", form)},
      {"other token", form, TwilioSignature("54321", std::string(kPublicUrl) + kPath, form)},
      {"body changed after signing", tampered, good},
  };
  for (const auto& c : cases) {
    auto res = Post(c.form, c.signature);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << c.why;
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "forbidden") << c.why;
  }
  EXPECT_EQ(server_.sessions(), 0u);
  EXPECT_EQ(server_.log().find("reply_type"), std::string::npos);
  // None of the refusals used up the MessageSid.
  EXPECT_EQ(Texts(form).size() >= 1, true);
}

TEST_F(TwilioTest, ARepeatedMessageSidIsNotAnsweredTwice) {
  Form form = Sms("hello", "SMrepeat");
  EXPECT_EQ(Texts(form).size(), 1u);
  auto res = PostSigned(form);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, R"(<?xml version="1.0" encoding="UTF-8"?><Response/>)");
  EXPECT_EQ(server_.sessions(), 1u);
}

TEST_F(TwilioTest, PhoneNumbersNeverReachTheLogs) {
  Texts(Sms("I want to end my life", "SMwa", "whatsapp:+447700900123"));
  Texts(Sms("hello", "SMsms", "+14158675309"));
  EXPECT_EQ(server_.sessions(), 2u);
  std::string log = server_.log();
  EXPECT_NE(log.find("\"route\":\"twilio\""), std::string::npos) << log;
  for (const char* secret : {"7700900123", "4158675309", "end my life", kToken}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << secret;
  }
}

TEST_F(TwilioTest, BadMessagesAfterAValidSignature) {
  // Media only: an empty Body is explained, not asked.
  auto texts = Texts(Sms("", "SMmedia"));
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_NE(texts[0].find("text message"), std::string::npos);
  texts = Texts(Sms(std::string(301, 'x'), "SMlong"));
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_NE(texts[0].find("too long"), std::string::npos);
  EXPECT_EQ(server_.sessions(), 0u);

  Form no_from = {{"MessageSid", "SMnofrom"}, {"Body", "hi"}};
  auto res = PostSigned(no_from);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "missing_field");

  // A JSON body signed the bodySHA256 way is genuine, but not a message webhook.
  std::string body = R"({"Body":"hi"})";
  std::string target = std::string(kPath) + "?bodySHA256=" + crypto::Sha256Hex(body);
  res = server_.client().Post(
      target,
      {{"X-Twilio-Signature", TwilioSignature(kToken, std::string(kPublicUrl) + target, {})}}, body,
      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415) << res->body;
}

TEST(TwilioUnconfiguredTest, RefusesWithoutTokenOrPublicUrl) {
  ServerConfig no_token = TwilioConfig();
  no_token.twilio_auth_token.clear();
  ServerConfig no_url = TwilioConfig("");
  for (const auto& config : {no_token, no_url}) {
    ChannelServer server(config);
    Form form = Sms("hello");
    auto res = server.client().Post(
        kPath,
        {{"X-Twilio-Signature", TwilioSignature(kToken, std::string(kPublicUrl) + kPath, form)}},
        Body(form), "application/x-www-form-urlencoded");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "not_configured");
    EXPECT_EQ(server.sessions(), 0u);
  }
}

TEST(TwilioTextsTest, RenderEveryPartOfTheReply) {
  for (auto type : testing::RenderedTypes()) {
    dialogue::Reply r = testing::FullReply(type);
    auto texts = TwilioTexts(r);
    ASSERT_EQ(texts.size(), 1u);
    testing::ExpectCarries(texts[0], r);
    EXPECT_NE(texts[0].find("You could also ask:\n- How are bone metastases treated?"),
              std::string::npos);
    EXPECT_EQ(texts[0].find("- Option one?", texts[0].find("You could")), std::string::npos)
        << "an option already in the text is not repeated";
    std::string xml = TwiML(texts);
    EXPECT_NE(xml.find("Lead-in &lt;line&gt; &amp; &quot;quotes&quot;."), std::string::npos);
    EXPECT_EQ(Messages(xml), texts);
  }
}

TEST(TwilioTextsTest, LongRepliesAreSplitNumberedAndEscaped) {
  dialogue::Reply r;
  r.type = dialogue::ReplyType::kEmergency;
  r.text = "Call now & don't wait <really>.";
  for (int i = 0; i < 40; ++i)
    r.text += "\n\nParagraph " + std::to_string(i) + " " + std::string(90, 'x') + ".";
  r.safety = dialogue::SafetyInfo{"mscc", {{"Emergency services", "999", "", ""}}};
  r.disclaimer = "Not medical advice.";
  auto texts = TwilioTexts(r);
  ASSERT_GE(texts.size(), 3u);
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_LT(text::Utf8Length(texts[i]), 1600u);
    EXPECT_TRUE(text::StartsWith(
        texts[i], "(" + std::to_string(i + 1) + "/" + std::to_string(texts.size()) + ") "));
  }
  std::string all;
  for (const auto& t : texts) all += t;
  EXPECT_NE(all.find("Paragraph 39"), std::string::npos);
  EXPECT_NE(all.find("Emergency services: 999"), std::string::npos);
  std::string xml = TwiML(texts);
  EXPECT_NE(xml.find("Call now &amp; don&apos;t wait &lt;really&gt;."), std::string::npos);
  EXPECT_EQ(Messages(xml), texts);
}

}  // namespace
}  // namespace faqbot::server::channels
