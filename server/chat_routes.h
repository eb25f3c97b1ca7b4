// The native chat API routes: POST /v1/chat (../shared/API.md) and
// GET /healthz. Handlers parse, call the engine and map the reply.
#pragma once

#include <vector>

#include "dialogue/engine.h"
#include "server/access_log.h"
#include "server/config.h"
#include "server/route.h"

namespace faqbot::server {

// `engine` and `access` must outlive the server the routes are added to.
std::vector<Route> ChatRoutes(const ServerConfig& config, dialogue::Engine* engine,
                              const AccessLog* access);

// True when the request's Content-Type is application/json (parameters allowed).
bool IsJsonRequest(const httplib::Request& req);

}  // namespace faqbot::server
