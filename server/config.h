// Server configuration: one plain struct with documented defaults, read from
// a YAML file, then environment variables, then command-line flags (later
// sources win), and validated once at start. deploy/faqbot.example.yaml
// documents every key. Plain value type.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "dialogue/composer.h"

namespace faqbot::server {

struct ServerConfig {
  std::string config_file;  // FAQBOT_CONFIG / --config: the YAML file read first; optional

  std::string host = "127.0.0.1";       // HOST / --host
  int port = 8080;                      // PORT / --port; 0 picks a free port
  std::string index_dir = "var/index";  // FAQBOT_INDEX / --index
  size_t search_handles = 8;            // FAQBOT_SEARCH_HANDLES: concurrent searches on disk
  size_t max_message_chars = 2000;      // FAQBOT_MAX_MESSAGE_CHARS
  size_t max_body_bytes = 64 * 1024;    // FAQBOT_MAX_BODY_BYTES
  size_t session_capacity = 10000;      // FAQBOT_SESSION_CAPACITY
  int session_ttl_seconds = 1800;       // FAQBOT_SESSION_TTL_SECONDS
  std::string log_level = "info";       // FAQBOT_LOG_LEVEL: trace|debug|info|warn|error|off
  std::string log_hash_key;  // FAQBOT_LOG_HASH_KEY: keys session hashes in logs; empty: random

  // Connections. Open connections wait in one epoll set and hold no thread;
  // worker_threads threads answer the requests that arrive on them, so a few
  // per core serve thousands of keep-alive clients (see README, Connections).
  size_t worker_threads = 8;             // FAQBOT_WORKER_THREADS
  int listen_backlog = 1024;             // FAQBOT_LISTEN_BACKLOG: connections awaiting accept
  int read_timeout_seconds = 5;          // FAQBOT_READ_TIMEOUT_SECONDS: per read of a request
  int write_timeout_seconds = 5;         // FAQBOT_WRITE_TIMEOUT_SECONDS: per write of a reply
  int keep_alive_timeout_seconds = 5;    // FAQBOT_KEEP_ALIVE_TIMEOUT_SECONDS: idle connection
  size_t keep_alive_max_requests = 100;  // FAQBOT_KEEP_ALIVE_MAX_REQUESTS: per connection

  // Per-client rate limit: a token bucket per API key (Authorization: Bearer
  // with one of api_keys), else per client address. Health, readiness and
  // metrics are never limited.
  int rate_limit_per_minute = 0;  // FAQBOT_RATE_LIMIT: requests per minute; 0 turns it off
  int rate_limit_burst = 0;       // FAQBOT_RATE_LIMIT_BURST: bucket size; 0: one minute's worth

  // Operations: POST /admin/reload needs "Authorization: Bearer <admin_key>";
  // empty turns the admin endpoints off.
  std::string admin_key;  // FAQBOT_ADMIN_KEY (at least 16 characters)

  // What medical replies carry: disclaimer (FAQBOT_DISCLAIMER), support
  // referrals (YAML `referrals` only) and how to reach a person
  // (FAQBOT_HANDOFF_TEXT).
  dialogue::ComposerOptions reply;

  // Safety (SAFETY.md section 5): the deployment's region preset, and an
  // optional file of contacts that override the preset's.
  std::string region;         // FAQBOT_REGION: "", "US", "UK", "IN", "EU"; "" assumes no country
  std::string contacts_file;  // FAQBOT_CONTACTS_FILE

  // Channels and who may call them. Empty means "not configured".
  std::vector<std::string> api_keys;      // FAQBOT_API_KEYS (comma-separated); empty: open
  std::vector<std::string> cors_origins;  // FAQBOT_CORS_ORIGINS (comma-separated)
  std::string public_url;                 // FAQBOT_PUBLIC_URL, as the platforms call it
  std::string telegram_secret;            // FAQBOT_TELEGRAM_SECRET
  std::string twilio_auth_token;          // FAQBOT_TWILIO_AUTH_TOKEN
  std::string slack_signing_secret;       // FAQBOT_SLACK_SIGNING_SECRET
  std::string dialogflow_token;           // FAQBOT_DIALOGFLOW_TOKEN
  std::string directline_secret;          // FAQBOT_DIRECTLINE_SECRET
};

// Reads the YAML file named by --config or FAQBOT_CONFIG (if any), then
// applies environment variables (from `env`) and flags (argv[1..]) over it,
// then validates. An InvalidArgument status names the file line, variable or
// flag at fault and what it expects.
Result<ServerConfig> LoadConfig(const std::map<std::string, std::string>& env,
                                const std::vector<std::string>& args);

// The process environment as a map.
std::map<std::string, std::string> ProcessEnvironment();

std::string ConfigUsage();

}  // namespace faqbot::server
