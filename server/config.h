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
};

// Applies environment variables (from `env`) and flags (argv[1..]) over the
// defaults, then validates. An InvalidArgument status names the problem.
Result<ServerConfig> LoadConfig(const std::map<std::string, std::string>& env,
                                const std::vector<std::string>& args);

// The process environment as a map.
std::map<std::string, std::string> ProcessEnvironment();

std::string ConfigUsage();

}  // namespace faqbot::server
