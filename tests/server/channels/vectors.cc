// @brief Reading the shared test vectors.
#include "tests/server/channels/vectors.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/test_support.h"

namespace faqbot::server::testing {

std::string ExternalDir() { return std::string(FAQBOT_SHARED_DIR) + "/eval/external"; }

nlohmann::json ReadJsonFile(const std::string& path) {
  auto j = nlohmann::json::parse(faqbot::testing::ReadAll(path), nullptr, false);
  EXPECT_FALSE(j.is_discarded() || j.is_null()) << "cannot read " << path;
  return j;
}

std::vector<nlohmann::json> ReadJsonLines(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

}  // namespace faqbot::server::testing
