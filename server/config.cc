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
