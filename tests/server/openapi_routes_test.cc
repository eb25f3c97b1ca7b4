// GET /openapi.json describes exactly the routes the server registers: every
// route is an operation (operationId = route name, same method and path) and
// every operation is a route.
#include "server/openapi_routes.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>

#include <regex>
#include <set>

#include "server/ops_routes.h"
#include "tests/server/channels/channel_server.h"
#include "tests/support/test_support.h"

namespace faqbot::server {
namespace {

using nlohmann::json;
using testing::ChannelServer;

// OpenAPI path templates are route patterns with each "{name}" a segment.
std::string PatternOf(const std::string& path) {
  return std::regex_replace(path, std::regex(R"(\{[^}]+\})"), "([^/]+)");
}

// The operations in `spec` as "METHOD pattern name".
std::set<std::string> Operations(const json& spec) {
  std::set<std::string> ops;
  for (const auto& [path, item] : spec["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (method == "parameters") continue;
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(c));
      ops.insert(upper + " " + PatternOf(path) + " " + op.value("operationId", "(none)"));
    }
  }
  return ops;
}

class OpenApiTest : public ::testing::Test {
 protected:
  // The routes main() adds beyond the chat, channel and OpenAPI ones.
  static std::vector<Route> OperationsRoutes(dialogue::Engine* engine, Reloader* reloader,
                                             Metrics* metrics) {
    return OpsRoutes({engine, reloader, metrics, nullptr, nullptr, ""});
  }
};

TEST_F(OpenApiTest, DescribesExactlyTheRegisteredRoutes) {
  Metrics metrics;
  auto log =
      std::make_shared<spdlog::logger>("null", std::make_shared<spdlog::sinks::null_sink_mt>());
  dialogue::Engine engine({}, nullptr, nullptr);
  Reloader reloader(faqbot::testing::SharedBundleRoot(), {}, &engine, log);
  ChannelServer server(testing::TestConfig(), {}, true,
                       OperationsRoutes(&engine, &reloader, &metrics));

  auto res = server.client().Get("/openapi.json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  json spec = json::parse(res->body);
  EXPECT_EQ(res->body, std::string(OpenApiJson()));
  EXPECT_TRUE(spec["openapi"].get<std::string>().rfind("3.", 0) == 0);

  std::set<std::string> routes;
  for (const auto& r : server.http().routes()) {
    routes.insert(r.method + " " + r.pattern + " " + r.name);
  }
  std::set<std::string> described = Operations(spec);
  for (const auto& r : routes) EXPECT_TRUE(described.count(r)) << "not in openapi.json: " << r;
  for (const auto& d : described) EXPECT_TRUE(routes.count(d)) << "not a route: " << d;
  EXPECT_GE(routes.size(), 15u);
}

TEST_F(OpenApiTest, EveryOperationDocumentsItsErrorsAndReferencesResolve) {
  json spec = json::parse(OpenApiJson());
  for (const auto& [path, item] : spec["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (method == "parameters") continue;
      EXPECT_TRUE(op.contains("summary")) << method << " " << path;
      EXPECT_FALSE(op["responses"].empty()) << method << " " << path;
    }
  }
  // Every $ref points into the document.
  std::string text(OpenApiJson());
  std::regex ref(R"re("\$ref": "#/([^"]+)")re");
  for (std::sregex_iterator it(text.begin(), text.end(), ref), end; it != end; ++it) {
    std::string pointer = "/" + (*it)[1].str();
    EXPECT_TRUE(spec.contains(json::json_pointer(pointer))) << pointer;
  }
}

}  // namespace
}  // namespace faqbot::server
