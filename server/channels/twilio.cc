// @brief POST /webhooks/twilio (Twilio SMS and WhatsApp webhook).
#include "server/channels/twilio.h"

#include <httplib.h>

#include "common/text.h"
#include "server/channels/form.h"
#include "server/channels/plain_reply.h"
#include "server/channels/twilio_signature.h"
#include "server/channels/xml_escape.h"

namespace faqbot::server::channels {
namespace {

constexpr size_t kNumberingChars = 10;  // "(10/10) " and some room

std::string BaseUrl(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

void WriteTwiML(const std::vector<std::string>& texts, httplib::Response* res) {
  res->status = 200;
  res->set_content(TwiML(texts), "application/xml");
}

}  // namespace

std::vector<std::string> TwilioTexts(const dialogue::Reply& reply) {
  auto texts = SplitMessages(Blocks(RenderPlain(reply), /*with_suggestions=*/true),
                             kTwilioMaxChars - kNumberingChars);
  if (texts.size() > 1) {
    for (size_t i = 0; i < texts.size(); ++i) {
      texts[i] = "(" + std::to_string(i + 1) + "/" + std::to_string(texts.size()) + ") " + texts[i];
    }
  }
  return texts;
}

std::string TwiML(const std::vector<std::string>& texts) {
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>)";
  if (texts.empty()) return xml + "<Response/>";
  xml += "<Response>";
  for (const auto& t : texts) xml += "<Message>" + XmlEscape(t) + "</Message>";
  return xml + "</Response>";
}

std::vector<Route> TwilioRoutes(const ServerConfig& config, const ChannelDeps& deps,
                                std::shared_ptr<SeenIds> seen) {
  std::string token = config.twilio_auth_token;
  std::string base_url = BaseUrl(config.public_url);
  auto webhook = [deps, seen, token, base_url](const httplib::Request& req,
                                               httplib::Response* res) {
    if (token.empty() || base_url.empty()) {
      return WriteError({403, "not_configured",
                         "set FAQBOT_TWILIO_AUTH_TOKEN and FAQBOT_PUBLIC_URL to enable Twilio"},
                        res);
    }
    // The signature covers the form fields, so they are decoded to check it;
    // nothing else is looked at until it holds.
    bool is_form = IsFormContentType(req.get_header_value("Content-Type"));
    Result<Form> form = is_form ? ParseForm(req.body) : Result<Form>(Form{});
    if (!form.ok() || !TwilioSignatureValid(token, base_url + req.target, *form, req.body,
                                            req.get_header_value("X-Twilio-Signature"))) {
      return WriteError({403, "forbidden", "missing or invalid X-Twilio-Signature"}, res);
    }
    if (!is_form) {
      return WriteError({415, "unsupported_media_type",
                         "Twilio messaging webhooks are application/x-www-form-urlencoded"},
                        res);
    }
    const std::string* sid = FormValue(*form, "MessageSid");
    if (!sid) sid = FormValue(*form, "SmsSid");
    const std::string* from = FormValue(*form, "From");
    if (!sid || sid->empty() || !from || from->empty()) {
      return WriteError({400, "missing_field", "'MessageSid' and 'From' are required"}, res);
    }
    if (!seen->Insert(*sid)) return WriteTwiML({}, res);
    const std::string* body = FormValue(*form, "Body");
    std::string session =
        deps.session_ids->Hashed(text::StartsWith(*from, "whatsapp:") ? "wa" : "sms", *from);
    std::variant<dialogue::Reply, ApiError> answered;
    try {
      answered = Ask(deps, session, body ? *body : "");
    } catch (...) {
      seen->Erase(*sid);
      throw;
    }
    if (auto* err = std::get_if<ApiError>(&answered)) {
      if (err->status < 500) return WriteTwiML({ExplainToUser(*err, deps.limits)}, res);
      seen->Erase(*sid);
      return WriteError(*err, res);
    }
    WriteTwiML(TwilioTexts(std::get<dialogue::Reply>(answered)), res);
  };
  return {{"POST", "/webhooks/twilio", "twilio", webhook}};
}

}  // namespace faqbot::server::channels
