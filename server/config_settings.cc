// @brief The settings table and the YAML file layer.
#include "server/config_settings.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace faqbot::server::config_internal {
namespace {

template <typename T>
bool ParseNumber(const std::string& s, T* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && ec == std::errc() && ptr == s.data() + s.size();
}

std::vector<std::string> CommaList(const std::string& v) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : v + ",") {
    if (c == ',') {
      while (!cur.empty() && cur.back() == ' ') cur.pop_back();
      size_t start = cur.find_first_not_of(' ');
      if (start != std::string::npos) out.push_back(cur.substr(start));
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

// The YAML key for a flag: "--max-body-bytes" -> "max_body_bytes".
std::string KeyOf(const std::string& flag) {
  std::string key = flag.substr(2);
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

template <typename T>
Setting Number(const char* env, const char* flag, T ServerConfig::*field) {
  return {KeyOf(flag),
          env,
          flag,
          false,
          "a whole number",
          [field](ServerConfig* c, const std::string& v) { return ParseNumber(v, &(c->*field)); }};
}

// Any string, including empty (secrets, paths, names).
Setting Text(const char* env, const char* flag, std::string ServerConfig::*field) {
  return {KeyOf(flag), env, flag, false, "text", [field](ServerConfig* c, const std::string& v) {
            c->*field = v;
            return true;
          }};
}

Setting NonEmpty(const char* env, const char* flag, std::string ServerConfig::*field) {
  return {KeyOf(flag),
          env,
          flag,
          false,
          "non-empty text",
          [field](ServerConfig* c, const std::string& v) { return !(c->*field = v).empty(); }};
}

Setting List(const char* env, const char* flag, std::vector<std::string> ServerConfig::*field) {
  return {KeyOf(flag),
          env,
          flag,
          true,
          "a comma-separated list",
          [field](ServerConfig* c, const std::string& v) {
            c->*field = CommaList(v);
            return true;
          }};
}

Setting ReplyText(const char* env, const char* flag, std::string dialogue::ComposerOptions::*f) {
  return {
      KeyOf(flag), env, flag, false, "non-empty text", [f](ServerConfig* c, const std::string& v) {
        return !(c->reply.*f = v).empty();
      }};
}

}  // namespace

const std::vector<Setting>& Settings() {
  using C = ServerConfig;
  static const std::vector<Setting> kSettings = {
      NonEmpty("HOST", "--host", &C::host),
      Number("PORT", "--port", &C::port),
      NonEmpty("FAQBOT_INDEX", "--index", &C::index_dir),
      Number("FAQBOT_SEARCH_HANDLES", "--search-handles", &C::search_handles),
      Number("FAQBOT_MAX_MESSAGE_CHARS", "--max-message-chars", &C::max_message_chars),
      Number("FAQBOT_MAX_BODY_BYTES", "--max-body-bytes", &C::max_body_bytes),
      Number("FAQBOT_SESSION_CAPACITY", "--session-capacity", &C::session_capacity),
      Number("FAQBOT_SESSION_TTL_SECONDS", "--session-ttl-seconds", &C::session_ttl_seconds),
      NonEmpty("FAQBOT_LOG_LEVEL", "--log-level", &C::log_level),
      Text("FAQBOT_LOG_HASH_KEY", "--log-hash-key", &C::log_hash_key),
      Number("FAQBOT_WORKER_THREADS", "--worker-threads", &C::worker_threads),
      Number("FAQBOT_LISTEN_BACKLOG", "--listen-backlog", &C::listen_backlog),
      Number("FAQBOT_READ_TIMEOUT_SECONDS", "--read-timeout-seconds", &C::read_timeout_seconds),
      Number("FAQBOT_WRITE_TIMEOUT_SECONDS", "--write-timeout-seconds", &C::write_timeout_seconds),
      Number("FAQBOT_KEEP_ALIVE_TIMEOUT_SECONDS", "--keep-alive-timeout-seconds",
             &C::keep_alive_timeout_seconds),
      Number("FAQBOT_KEEP_ALIVE_MAX_REQUESTS", "--keep-alive-max-requests",
             &C::keep_alive_max_requests),
      Number("FAQBOT_RATE_LIMIT", "--rate-limit", &C::rate_limit_per_minute),
      Number("FAQBOT_RATE_LIMIT_BURST", "--rate-limit-burst", &C::rate_limit_burst),
      Text("FAQBOT_ADMIN_KEY", "--admin-key", &C::admin_key),
      ReplyText("FAQBOT_DISCLAIMER", "--disclaimer", &dialogue::ComposerOptions::disclaimer),
      ReplyText("FAQBOT_HANDOFF_TEXT", "--handoff-text", &dialogue::ComposerOptions::handoff),
      Text("FAQBOT_REGION", "--region", &C::region),
      Text("FAQBOT_CONTACTS_FILE", "--contacts-file", &C::contacts_file),
      List("FAQBOT_API_KEYS", "--api-keys", &C::api_keys),
      List("FAQBOT_CORS_ORIGINS", "--cors-origins", &C::cors_origins),
      Text("FAQBOT_PUBLIC_URL", "--public-url", &C::public_url),
      Text("FAQBOT_TELEGRAM_SECRET", "--telegram-secret", &C::telegram_secret),
      Text("FAQBOT_TWILIO_AUTH_TOKEN", "--twilio-auth-token", &C::twilio_auth_token),
      Text("FAQBOT_SLACK_SIGNING_SECRET", "--slack-signing-secret", &C::slack_signing_secret),
      Text("FAQBOT_DIALOGFLOW_TOKEN", "--dialogflow-token", &C::dialogflow_token),
      Text("FAQBOT_DIRECTLINE_SECRET", "--directline-secret", &C::directline_secret),
  };
  return kSettings;
}

const Setting* FindByKey(const std::string& key) {
  for (const auto& s : Settings()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

namespace {

std::string At(const std::string& path, const YAML::Node& node) {
  return path + ":" + std::to_string(node.Mark().line + 1);
}

Status ApplyReferrals(const std::string& path, const YAML::Node& list, ServerConfig* c) {
  if (!list.IsSequence()) {
    return Status::InvalidArgument(At(path, list) +
                                   ": referrals must be a list of {name, url, reason}");
  }
  c->reply.referrals.clear();
  for (const auto& item : list) {
    if (!item.IsMap()) {
      return Status::InvalidArgument(At(path, item) + ": each referral is {name, url, reason}");
    }
    dialogue::Referral r;
    for (const auto& field : item) {
      std::string k = field.first.as<std::string>();
      if (!field.second.IsScalar()) {
        return Status::InvalidArgument(At(path, field.first) + ": referral " + k + " must be text");
      }
      if (k == "name")
        r.name = field.second.Scalar();
      else if (k == "url")
        r.url = field.second.Scalar();
      else if (k == "reason")
        r.reason = field.second.Scalar();
      else
        return Status::InvalidArgument(At(path, field.first) + ": unknown referral key '" + k +
                                       "' (name, url, reason)");
    }
    c->reply.referrals.push_back(std::move(r));
  }
  return Status::Ok();
}

// A scalar, or for list settings a sequence of scalars, as the text the
// environment variable would hold.
Result<std::string> ValueText(const std::string& path, const std::string& key, const Setting& s,
                              const YAML::Node& v) {
  if (v.IsScalar()) return v.Scalar();
  if (v.IsNull()) return Status::InvalidArgument(At(path, v) + ": " + key + " has no value");
  if (s.list && v.IsSequence()) {
    std::string joined;
    for (const auto& item : v) {
      if (!item.IsScalar()) {
        return Status::InvalidArgument(At(path, item) + ": " + key + " must list plain values");
      }
      joined += (joined.empty() ? "" : ",") + item.Scalar();
    }
    return joined;
  }
  return Status::InvalidArgument(At(path, v) + ": " + key + " must be " + s.expects);
}

}  // namespace

Status ApplyYamlFile(const std::string& path, ServerConfig* c) {
  std::ifstream in(path);
  if (!in) return Status::InvalidArgument("cannot read config file " + path);
  std::stringstream text;
  text << in.rdbuf();
  YAML::Node root;
  try {
    root = YAML::Load(text.str());
  } catch (const YAML::ParserException& e) {
    return Status::InvalidArgument(path + ":" + std::to_string(e.mark.line + 1) +
                                   ": not valid YAML: " + e.msg);
  }
  if (root.IsNull()) return Status::Ok();
  if (!root.IsMap()) return Status::InvalidArgument(path + ": must be a map of settings");
  for (const auto& entry : root) {
    std::string key = entry.first.as<std::string>();
    if (key == "referrals") {
      if (Status s = ApplyReferrals(path, entry.second, c); !s.ok()) return s;
      continue;
    }
    const Setting* s = FindByKey(key);
    if (!s) {
      return Status::InvalidArgument(At(path, entry.first) + ": unknown key '" + key +
                                     "' (see deploy/faqbot.example.yaml)");
    }
    auto value = ValueText(path, key, *s, entry.second);
    if (!value.ok()) return value.status();
    if (!s->apply(c, *value)) {
      return Status::InvalidArgument(At(path, entry.second) + ": " + key + ": cannot use '" +
                                     *value + "'; expected " + s->expects);
    }
  }
  return Status::Ok();
}

}  // namespace faqbot::server::config_internal
