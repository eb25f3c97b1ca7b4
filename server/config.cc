// @brief Configuration from a YAML file, the environment and flags, with validation.
#include "server/config.h"

#include <algorithm>
#include <charconv>

#include "server/config_settings.h"

extern char** environ;

namespace faqbot::server {
namespace {

using config_internal::Setting;
using config_internal::Settings;

Status Bad(const std::string& where, const std::string& value, const Setting& s) {
  return Status::InvalidArgument(where + ": cannot use '" + value + "'; expected " + s.expects);
}

Status Validate(const ServerConfig& c) {
  auto fail = [](const std::string& m) { return Status::InvalidArgument(m); };
  if (c.port < 0 || c.port > 65535) return fail("port must be 0-65535");
  if (c.search_handles < 1 || c.search_handles > 256) return fail("search_handles must be 1-256");
  if (c.max_message_chars < 1) return fail("max_message_chars must be >= 1");
  if (c.max_body_bytes < 256) return fail("max_body_bytes must be >= 256");
  if (c.worker_threads < 1 || c.worker_threads > 4096) return fail("worker_threads must be 1-4096");
  if (c.listen_backlog < 1 || c.listen_backlog > 65535)
    return fail("listen_backlog must be 1-65535");
  for (auto [name, v] : {std::pair{"read_timeout_seconds", c.read_timeout_seconds},
                         {"write_timeout_seconds", c.write_timeout_seconds},
                         {"keep_alive_timeout_seconds", c.keep_alive_timeout_seconds}}) {
    if (v < 1 || v > 3600) return fail(std::string(name) + " must be 1-3600");
  }
  if (c.keep_alive_max_requests < 1) return fail("keep_alive_max_requests must be >= 1");
  if (c.session_capacity < 1) return fail("session_capacity must be >= 1");
  if (c.session_ttl_seconds < 1) return fail("session_ttl_seconds must be >= 1");
  if (c.rate_limit_per_minute < 0 || c.rate_limit_per_minute > 1000000) {
    return fail("rate_limit must be 0 (off) to 1000000 requests per minute");
  }
  if (c.rate_limit_burst < 0 || c.rate_limit_burst > 1000000) {
    return fail("rate_limit_burst must be 0 (one minute's worth) to 1000000");
  }
  if (!c.admin_key.empty() && c.admin_key.size() < 16) {
    return fail("admin_key must be at least 16 characters (or empty to turn admin off)");
  }
  static const std::vector<std::string> kLevels = {"trace", "debug", "info",
                                                   "warn",  "error", "off"};
  if (std::find(kLevels.begin(), kLevels.end(), c.log_level) == kLevels.end()) {
    return fail("log_level must be one of trace|debug|info|warn|error|off");
  }
  if (c.reply.disclaimer.empty()) return fail("disclaimer must not be empty");
  if (c.reply.handoff.empty()) return fail("handoff_text must not be empty");
  for (const auto& r : c.reply.referrals) {
    if (r.name.empty() || r.reason.empty() ||
        (r.url.rfind("https://", 0) != 0 && r.url.rfind("http://", 0) != 0)) {
      return fail("each referral needs a name, an http(s) url and a reason");
    }
  }
  return Status::Ok();
}

// The config file: --config wins over FAQBOT_CONFIG.
std::string ConfigFile(const std::map<std::string, std::string>& env,
                       const std::vector<std::string>& args) {
  std::string file;
  if (auto it = env.find("FAQBOT_CONFIG"); it != env.end()) file = it->second;
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--config") file = args[i + 1];
  }
  return file;
}

Status ApplyEnvironment(const std::map<std::string, std::string>& env, ServerConfig* c) {
  for (const auto& s : Settings()) {
    auto it = env.find(s.env);
    if (it != env.end() && !s.apply(c, it->second)) return Bad(s.env, it->second, s);
  }
  return Status::Ok();
}

Status ApplyFlags(const std::vector<std::string>& args, ServerConfig* c) {
  for (size_t i = 0; i < args.size(); i += 2) {
    const Setting* match = nullptr;
    for (const auto& s : Settings()) {
      if (args[i] == s.flag) match = &s;
    }
    if (!match && args[i] != "--config") {
      return Status::InvalidArgument("unknown flag " + args[i] + " (see --help)");
    }
    if (i + 1 >= args.size()) return Status::InvalidArgument(args[i] + " needs a value");
    if (match && !match->apply(c, args[i + 1])) return Bad(args[i], args[i + 1], *match);
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
  c.config_file = ConfigFile(env, args);
  if (!c.config_file.empty()) {
    if (Status s = config_internal::ApplyYamlFile(c.config_file, &c); !s.ok()) return s;
  }
  if (Status s = ApplyEnvironment(env, &c); !s.ok()) return s;
  if (Status s = ApplyFlags(args, &c); !s.ok()) return s;
  if (Status s = Validate(c); !s.ok()) return s;
  return c;
}

std::string ConfigUsage() {
  std::string out =
      "usage: faqbot-server [--config FILE] [flags]\n"
      "Settings come from the YAML file (FAQBOT_CONFIG or --config), then the environment,\n"
      "then flags; deploy/faqbot.example.yaml documents every key.\n"
      "  --config FILE   (environment: FAQBOT_CONFIG)\n";
  for (const auto& s : Settings()) {
    out += "  " + s.flag + " VALUE   (environment: " + s.env + "; file: " + s.key + ")\n";
  }
  out += "  referrals: YAML file only (a list of {name, url, reason})\n";
  return out;
}

}  // namespace faqbot::server
