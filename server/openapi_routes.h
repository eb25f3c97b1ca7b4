// GET /openapi.json: the OpenAPI 3 description of every route, written in
// server/openapi.json and compiled into the binary, so it is served whatever
// the working directory. Each operation's operationId is its route's name.
// Thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "server/route.h"

namespace faqbot::server {

// The document, exactly as in server/openapi.json.
std::string_view OpenApiJson();

std::vector<Route> OpenApiRoutes();

}  // namespace faqbot::server
