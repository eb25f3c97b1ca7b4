// @brief POST /webhooks/slack/command (Slack slash commands).
#include "server/channels/slack.h"

#include <httplib.h>

#include "common/text.h"
#include "server/channels/form.h"
#include "server/channels/plain_reply.h"
#include "server/channels/slack_signature.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;

void WriteEphemeral(const std::string& text, httplib::Response* res) {
  res->status = 200;
  res->set_content(json{{"response_type", "ephemeral"}, {"text", SlackEscape(text)}}.dump(),
                   "application/json");
}

}  // namespace

std::string SlackEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

json SlackResponse(const dialogue::Reply& reply) {
  std::string text = FitPlain(RenderPlain(reply), /*with_suggestions=*/true, kSlackMaxChars);
  return {{"response_type", "ephemeral"}, {"text", SlackEscape(text)}};
}

std::vector<Route> SlackRoutes(const ServerConfig& config, const ChannelDeps& deps,
                               std::function<int64_t()> now) {
  std::string secret = config.slack_signing_secret;
  auto command = [deps, secret, now](const httplib::Request& req, httplib::Response* res) {
    if (secret.empty()) {
      return WriteError({401, "not_configured", "set FAQBOT_SLACK_SIGNING_SECRET to enable Slack"},
                        res);
    }
    if (!SlackSignatureValid(secret, req.get_header_value("X-Slack-Request-Timestamp"), req.body,
                             req.get_header_value("X-Slack-Signature"), now())) {
      return WriteError({401, "unauthorized", "missing, invalid or stale X-Slack-Signature"}, res);
    }
    if (!IsFormContentType(req.get_header_value("Content-Type"))) {
      return WriteError(
          {415, "unsupported_media_type", "slash commands are application/x-www-form-urlencoded"},
          res);
    }
    auto form = ParseForm(req.body);
    if (!form.ok()) return WriteError({400, "invalid_form", form.status().message()}, res);
    // Slack checks a command's certificate now and then with ssl_check=1 and
    // no command; it wants a plain 200.
    if (const std::string* check = FormValue(*form, "ssl_check"); check && *check == "1") {
      res->status = 200;
      return;
    }
    const std::string* user = FormValue(*form, "user_id");
    if (!user || user->empty()) {
      return WriteError({400, "missing_field", "a slash command carries 'user_id'"}, res);
    }
    const std::string* team = FormValue(*form, "team_id");
    const std::string* text = FormValue(*form, "text");
    if (!text || text::Trim(*text).empty()) {
      // The command's name is echoed only when it can be: the reply is JSON.
      const std::string* name = FormValue(*form, "command");
      bool usable = name && !name->empty() && text::IsValidUtf8(*name);
      return WriteEphemeral("Ask me about stage 4 bone cancer or bone metastases, for example: " +
                                (usable ? *name : std::string("/faq")) +
                                " What are the symptoms of bone metastases?",
                            res);
    }
    std::string who = (team ? *team + ":" : std::string()) + *user;
    auto answered = Ask(deps, deps.session_ids->Plain("slack", who), *text);
    if (auto* err = std::get_if<ApiError>(&answered)) {
      if (err->status >= 500) return WriteError(*err, res);
      return WriteEphemeral(ExplainToUser(*err, deps.limits), res);
    }
    res->set_content(SlackResponse(std::get<dialogue::Reply>(answered)).dump(), "application/json");
  };
  return {{"POST", "/webhooks/slack/command", "slack", command}};
}

}  // namespace faqbot::server::channels
