// @brief GET /openapi.json.
#include "server/openapi_routes.h"

#include <httplib.h>

#include <string>

namespace faqbot::server {

std::vector<Route> OpenApiRoutes() {
  auto serve = [](const httplib::Request&, httplib::Response* res) {
    res->set_content(std::string(OpenApiJson()), "application/json");
  };
  return {{"GET", "/openapi.json", "openapi", serve}};
}

}  // namespace faqbot::server
