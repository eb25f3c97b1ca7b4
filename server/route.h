// What a server module contributes: routes (one table, registered in one
// place) and middleware that runs before the matched handler. Plain types.
#pragma once

#include <functional>
#include <string>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace faqbot::server {

using Handler = std::function<void(const httplib::Request&, httplib::Response*)>;

struct Route {
  std::string method;   // "GET", "POST", "PUT", "DELETE", "OPTIONS"
  std::string pattern;  // cpp-httplib path pattern (a regular expression)
  std::string name;     // stable name for logs, metrics and the OpenAPI check
  Handler handler;
};

// Runs before routing, in the order added. `route` is the route the request
// matches (nullptr when none does). Returns true when it has answered the
// request itself -- an error such as 401 or 429, or a CORS preflight -- and
// the handler must not run.
using Middleware =
    std::function<bool(const httplib::Request& req, httplib::Response* res, const Route* route)>;

// Called once per request after the response is written, with the matched
// route's name ("unmatched" when none) and the time taken.
using Observer = std::function<void(const httplib::Request& req, const httplib::Response& res,
                                    const std::string& route, double seconds)>;

}  // namespace faqbot::server
