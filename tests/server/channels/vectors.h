// The real test vectors in ../shared/eval/external (Twilio and Slack
// signatures, Telegram updates, Rasa REST shapes), read at test time from the
// directory compiled in as FAQBOT_SHARED_DIR. A file that cannot be read
// fails the test. Not thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace faqbot::server::testing {

// ../shared/eval/external
std::string ExternalDir();
nlohmann::json ReadJsonFile(const std::string& path);
std::vector<nlohmann::json> ReadJsonLines(const std::string& path);

}  // namespace faqbot::server::testing
