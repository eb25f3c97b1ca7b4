// Server configuration: one plain struct with documented defaults, read from
// the environment and then command-line flags (later sources win), and
// validated once at start. Plain value type.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace faqbot::server {

struct ServerConfig {
  std::string host = "127.0.0.1";       // HOST / --host
  int port = 8080;                      // PORT / --port; 0 picks a free port
  std::string index_dir = "var/index";  // FAQBOT_INDEX / --index
  size_t max_message_chars = 2000;      // FAQBOT_MAX_MESSAGE_CHARS
  size_t max_body_bytes = 64 * 1024;    // FAQBOT_MAX_BODY_BYTES
  size_t worker_threads = 64;           // FAQBOT_WORKER_THREADS
  size_t session_capacity = 10000;      // FAQBOT_SESSION_CAPACITY
  int session_ttl_seconds = 1800;       // FAQBOT_SESSION_TTL_SECONDS
  std::string log_level = "info";       // FAQBOT_LOG_LEVEL: trace|debug|info|warn|error|off
  std::string log_hash_key;  // FAQBOT_LOG_HASH_KEY: keys session hashes in logs; empty: random

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

// Applies environment variables (from `env`) and flags (argv[1..]) over the
// defaults, then validates. An InvalidArgument status names the problem.
Result<ServerConfig> LoadConfig(const std::map<std::string, std::string>& env,
                                const std::vector<std::string>& args);

// The process environment as a map.
std::map<std::string, std::string> ProcessEnvironment();

std::string ConfigUsage();

}  // namespace faqbot::server
