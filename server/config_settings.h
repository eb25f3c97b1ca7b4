// The table of configuration settings behind LoadConfig: each setting's YAML
// key, environment variable and flag, and how a text value is applied. One
// table serves the file, the environment and the flags, so all three accept
// the same values. Internal to server/config*.cc. Immutable; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "server/config.h"

namespace faqbot::server::config_internal {

struct Setting {
  std::string key;      // YAML key: the flag without "--", dashes as underscores
  std::string env;      // environment variable
  std::string flag;     // command-line flag
  bool list = false;    // comma-separated in env and flags, a sequence in YAML
  std::string expects;  // what a valid value looks like, for error messages
  std::function<bool(ServerConfig*, const std::string&)> apply;
};

const std::vector<Setting>& Settings();
const Setting* FindByKey(const std::string& key);

// Applies the YAML file at `path` over `config`: every key must be a known
// setting (or `referrals`), every value valid for it.
Status ApplyYamlFile(const std::string& path, ServerConfig* config);

}  // namespace faqbot::server::config_internal
