// Operations endpoints and hooks: GET /readyz, GET /metrics and
// POST /admin/reload; the rate-limit middleware (429 rate_limited with
// Retry-After); and the observer that feeds the metrics. Handlers are
// thread-safe; the collaborators must outlive the server.
#pragma once

#include <string>
#include <vector>

#include "dialogue/engine.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"
#include "server/reloader.h"
#include "server/route.h"

namespace faqbot::server {

struct OpsDeps {
  dialogue::Engine* engine = nullptr;
  Reloader* reloader = nullptr;
  Metrics* metrics = nullptr;
  const dialogue::SessionStore* sessions = nullptr;  // optional, for a gauge
  const RateLimiter* limiter = nullptr;              // optional, for a gauge
  std::string admin_key;                             // empty: POST /admin/reload is refused
};

std::vector<Route> OpsRoutes(const OpsDeps& deps);

// Adds the families read at render time to deps.metrics: the corpus version
// (faqbot_corpus_info), readiness, reloads, sessions and rate-limited clients.
void RegisterServingMetrics(const OpsDeps& deps);

// Limits every route except health, readiness and metrics (and CORS
// preflights). A client is its API key when the request carries
// "Authorization: Bearer <one of api_keys>", else its address.
Middleware RateLimitMiddleware(RateLimiter* limiter, std::vector<std::string> api_keys);

// Counts each served request into `metrics`.
Observer MetricsObserver(Metrics* metrics);

// The token of an "Authorization: Bearer <token>" header, or "".
std::string BearerToken(const httplib::Request& req);

}  // namespace faqbot::server
