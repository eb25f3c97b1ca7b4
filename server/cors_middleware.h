// CORS for browser chat widgets: requests from an origin in the allow-list
// (FAQBOT_CORS_ORIGINS; "*" allows any) get Access-Control-Allow-Origin, and
// their preflights (OPTIONS with Access-Control-Request-Method) are answered
// here with 204. Other origins get no CORS headers at all, and their
// preflights 403. Requests without an Origin header pass untouched.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "server/route.h"

namespace faqbot::server {

Middleware CorsMiddleware(std::vector<std::string> allowed_origins);

}  // namespace faqbot::server
