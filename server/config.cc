// @brief Configuration from environment and flags, with validation.
#include "server/config.h"

#include <algorithm>
#include <charconv>
#include <functional>

extern char** environ;

namespace faqbot::server {
namespace {

struct Setting {
  const char* env;
  const char* flag;
  std::function<bool(ServerConfig*, const std::string&)> apply;
};

template <typename T>
bool ParseNumber(const std::string& s, T* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
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

// A setting that takes any string (secrets, paths, names).
Setting Text(const char* env, const char* flag, std::string ServerConfig::*field) {
  return {env, flag, [field](ServerConfig* c, const std::string& v) {
            c->*field = v;
            return true;
          }};
}

Setting List(const char* env, const char* flag, std::vector<std::string> ServerConfig::*field) {
  return {env, flag, [field](ServerConfig* c, const std::string& v) {
            c->*field = CommaList(v);
            return true;
          }};
}

const std::vector<Setting>& Settings() {
  static const std::vector<Setting> kSettings = {
      {"HOST", "--host",
       [](ServerConfig* c, const std::string& v) { return !(c->host = v).empty(); }},
      {"PORT", "--port",
       [](ServerConfig* c, const std::string& v) { return ParseNumber(v, &c->port); }},
      {"FAQBOT_INDEX", "--index",
       [](ServerConfig* c, const std::string& v) { return !(c->index_dir = v).empty(); }},
      {"FAQBOT_MAX_MESSAGE_CHARS", "--max-message-chars",
       [](ServerConfig* c, const std::string& v) { return ParseNumber(v, &c->max_message_chars); }},
      {"FAQBOT_MAX_BODY_BYTES", "--max-body-bytes",
       [](ServerConfig* c, const std::string& v) { return ParseNumber(v, &c->max_body_bytes); }},
      {"FAQBOT_WORKER_THREADS", "--worker-threads",
       [](ServerConfig* c, const std::string& v) { return ParseNumber(v, &c->worker_threads); }},
      {"FAQBOT_SESSION_CAPACITY", "--session-capacity",
       [](ServerConfig* c, const std::string& v) { return ParseNumber(v, &c->session_capacity); }},
      {"FAQBOT_SESSION_TTL_SECONDS", "--session-ttl-seconds",
       [](ServerConfig* c, const std::string& v) {
         return ParseNumber(v, &c->session_ttl_seconds);
       }},
      {"FAQBOT_LOG_LEVEL", "--log-level",
       [](ServerConfig* c, const std::string& v) { return !(c->log_level = v).empty(); }},
      Text("FAQBOT_LOG_HASH_KEY", "--log-hash-key", &ServerConfig::log_hash_key),
      Text("FAQBOT_REGION", "--region", &ServerConfig::region),
      Text("FAQBOT_CONTACTS_FILE", "--contacts-file", &ServerConfig::contacts_file),
      List("FAQBOT_API_KEYS", "--api-keys", &ServerConfig::api_keys),
      List("FAQBOT_CORS_ORIGINS", "--cors-origins", &ServerConfig::cors_origins),
      Text("FAQBOT_PUBLIC_URL", "--public-url", &ServerConfig::public_url),
      Text("FAQBOT_TELEGRAM_SECRET", "--telegram-secret", &ServerConfig::telegram_secret),
      Text("FAQBOT_TWILIO_AUTH_TOKEN", "--twilio-auth-token", &ServerConfig::twilio_auth_token),
      Text("FAQBOT_SLACK_SIGNING_SECRET", "--slack-signing-secret",
           &ServerConfig::slack_signing_secret),
      Text("FAQBOT_DIALOGFLOW_TOKEN", "--dialogflow-token", &ServerConfig::dialogflow_token),
      Text("FAQBOT_DIRECTLINE_SECRET", "--directline-secret", &ServerConfig::directline_secret),
  };
  return kSettings;
}

Status Validate(const ServerConfig& c) {
  if (c.port < 0 || c.port > 65535) return Status::InvalidArgument("port must be 0-65535");
  if (c.max_message_chars < 1) return Status::InvalidArgument("max_message_chars must be >= 1");
  if (c.max_body_bytes < 256) return Status::InvalidArgument("max_body_bytes must be >= 256");
  if (c.worker_threads < 1 || c.worker_threads > 4096) {
    return Status::InvalidArgument("worker_threads must be 1-4096");
  }
  if (c.session_capacity < 1) return Status::InvalidArgument("session_capacity must be >= 1");
  if (c.session_ttl_seconds < 1) return Status::InvalidArgument("session_ttl_seconds must be >= 1");
  static const std::vector<std::string> kLevels = {"trace", "debug", "info",
                                                   "warn",  "error", "off"};
  if (std::find(kLevels.begin(), kLevels.end(), c.log_level) == kLevels.end()) {
    return Status::InvalidArgument("log_level must be one of trace|debug|info|warn|error|off");
  }
  return Status::Ok();
}

}  // namespace

std::map<std::string, std::string> ProcessEnvironment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv(*e);
    auto eq = kv.find('=');
    if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return env;
}

Result<ServerConfig> LoadConfig(const std::map<std::string, std::string>& env,
                                const std::vector<std::string>& args) {
  ServerConfig c;
  for (const auto& s : Settings()) {
    auto it = env.find(s.env);
    if (it != env.end() && !s.apply(&c, it->second)) {
      return Status::InvalidArgument(std::string(s.env) + ": cannot use '" + it->second + "'");
    }
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const Setting* match = nullptr;
    for (const auto& s : Settings()) {
      if (args[i] == s.flag) match = &s;
    }
    if (!match) return Status::InvalidArgument("unknown flag " + args[i]);
    if (i + 1 >= args.size()) return Status::InvalidArgument(args[i] + " needs a value");
    if (!match->apply(&c, args[i + 1])) {
      return Status::InvalidArgument(args[i] + ": cannot use '" + args[i + 1] + "'");
    }
    ++i;
  }
  if (Status s = Validate(c); !s.ok()) return s;
  return c;
}

std::string ConfigUsage() {
  std::string out = "usage: faqbot-server [flags]\n";
  for (const auto& s : Settings()) {
    out += "  " + std::string(s.flag) + " VALUE   (environment: " + s.env + ")\n";
  }
  return out;
}

}  // namespace faqbot::server
