// @brief CORS allow-list and preflight handling.
#include "server/cors_middleware.h"

#include <httplib.h>

#include <algorithm>

#include "server/api_error.h"

namespace faqbot::server {
namespace {

std::string WithoutTrailingSlash(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

Middleware CorsMiddleware(std::vector<std::string> allowed_origins) {
  for (auto& o : allowed_origins) o = WithoutTrailingSlash(o);
  return [allowed = std::move(allowed_origins)](const httplib::Request& req, httplib::Response* res,
                                                const Route*) {
    if (!req.has_header("Origin")) return false;
    std::string origin = req.get_header_value("Origin");
    bool any = std::find(allowed.begin(), allowed.end(), "*") != allowed.end();
    bool ok = any || std::find(allowed.begin(), allowed.end(), origin) != allowed.end();
    bool preflight = req.method == "OPTIONS" && req.has_header("Access-Control-Request-Method");
    if (!ok) {
      if (!preflight) return false;
      WriteError({403, "origin_not_allowed", "origin " + origin + " is not allowed"}, res);
      return true;
    }
    res->set_header("Access-Control-Allow-Origin", any ? "*" : origin);
    res->set_header("Vary", "Origin");
    if (!preflight) return false;
    std::string headers = req.get_header_value("Access-Control-Request-Headers");
    res->status = 204;
    res->set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res->set_header("Access-Control-Allow-Headers",
                    headers.empty() ? "Authorization, Content-Type" : headers);
    res->set_header("Access-Control-Max-Age", "600");
    return true;
  };
}

}  // namespace faqbot::server
