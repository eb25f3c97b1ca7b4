// @brief /readyz, /metrics, /admin/reload, rate limiting and the metrics observer.
#include "server/ops_routes.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "common/crypto.h"
#include "server/api_error.h"

namespace faqbot::server {
namespace {

using nlohmann::json;

void WriteJson(const json& j, httplib::Response* res) {
  res->set_content(j.dump(), "application/json");
}

Handler Ready(dialogue::Engine* engine) {
  return [engine](const httplib::Request&, httplib::Response* res) {
    auto kb = engine->knowledge();
    if (!kb) return WriteError({503, "not_ready", "the index is not loaded yet"}, res);
    WriteJson({{"status", "ready"}, {"corpus_version", kb->version}}, res);
  };
}

Handler Exposition(Metrics* metrics) {
  return [metrics](const httplib::Request&, httplib::Response* res) {
    res->set_content(metrics->Render(), "text/plain; version=0.0.4; charset=utf-8");
  };
}

void WriteOutcome(const ReloadOutcome& out, httplib::Response* res) {
  switch (out.kind) {
    case ReloadOutcome::Kind::kSwapped:
      return WriteJson({{"status", "reloaded"},
                        {"corpus_version", out.version},
                        {"previous_version", out.previous_version},
                        {"seconds", out.seconds}},
                       res);
    case ReloadOutcome::Kind::kBusy:
      return WriteError({409, "reload_in_progress", "a reload is already running; try again"}, res);
    case ReloadOutcome::Kind::kRefused:
      return WriteError({500, "reload_failed",
                         "the new index was refused and " +
                             (out.version.empty() ? std::string("nothing is loaded")
                                                  : "version " + out.version + " keeps serving") +
                             ": " + out.error.message()},
                        res);
  }
}

Handler Reload(Reloader* reloader, std::string admin_key) {
  return [reloader, admin_key](const httplib::Request& req, httplib::Response* res) {
    if (admin_key.empty()) {
      return WriteError(
          {403, "forbidden", "admin endpoints are turned off; set FAQBOT_ADMIN_KEY to use them"},
          res);
    }
    if (!crypto::ConstantTimeEquals(BearerToken(req), admin_key)) {
      return WriteError({403, "forbidden", "send the admin key as Authorization: Bearer"}, res);
    }
    WriteOutcome(reloader->Reload("http"), res);
  };
}

bool Exempt(const Route* route, const httplib::Request& req) {
  if (req.method == "OPTIONS") return true;
  if (!route) return false;
  return route->name == "healthz" || route->name == "readyz" || route->name == "metrics";
}

}  // namespace

std::string BearerToken(const httplib::Request& req) {
  const std::string value = req.get_header_value("Authorization");
  static const std::string kScheme = "Bearer ";
  if (value.size() <= kScheme.size() || value.compare(0, kScheme.size(), kScheme) != 0) return "";
  return value.substr(kScheme.size());
}

std::vector<Route> OpsRoutes(const OpsDeps& deps) {
  return {
      {"GET", "/readyz", "readyz", Ready(deps.engine)},
      {"GET", "/metrics", "metrics", Exposition(deps.metrics)},
      {"POST", "/admin/reload", "admin_reload", Reload(deps.reloader, deps.admin_key)},
  };
}

void RegisterServingMetrics(const OpsDeps& d) {
  auto version = [engine = d.engine] {
    auto kb = engine->knowledge();
    return kb ? std::vector<MetricSample>{{Metrics::Label("version", kb->version), 1}}
              : std::vector<MetricSample>{};
  };
  d.metrics->AddCollected("faqbot_corpus_info", "The corpus version being served.", "gauge",
                          version);
  d.metrics->AddCollected("faqbot_ready", "1 when an index is loaded.", "gauge",
                          [engine = d.engine] {
                            return std::vector<MetricSample>{{"", engine->knowledge() ? 1. : 0.}};
                          });
  d.metrics->AddCollected(
      "faqbot_reloads_total", "Index loads, by result.", "counter", [reloader = d.reloader] {
        return std::vector<MetricSample>{
            {Metrics::Label("result", "swapped"), static_cast<double>(reloader->succeeded())},
            {Metrics::Label("result", "refused"), static_cast<double>(reloader->failed())}};
      });
  if (d.sessions) {
    d.metrics->AddCollected(
        "faqbot_sessions", "Conversations remembered.", "gauge", [s = d.sessions] {
          return std::vector<MetricSample>{{"", static_cast<double>(s->size())}};
        });
  }
  if (d.limiter) {
    d.metrics->AddCollected(
        "faqbot_rate_limit_clients", "Clients the rate limiter tracks.", "gauge", [l = d.limiter] {
          return std::vector<MetricSample>{{"", static_cast<double>(l->tracked_clients())}};
        });
  }
}

Middleware RateLimitMiddleware(RateLimiter* limiter, std::vector<std::string> api_keys) {
  return [limiter, api_keys = std::move(api_keys)](const httplib::Request& req,
                                                   httplib::Response* res, const Route* route) {
    if (!limiter->enabled() || Exempt(route, req)) return false;
    std::string client = "addr:" + req.remote_addr;
    if (std::string token = BearerToken(req); !token.empty()) {
      for (size_t i = 0; i < api_keys.size(); ++i) {
        if (crypto::ConstantTimeEquals(token, api_keys[i])) client = "key:" + std::to_string(i);
      }
    }
    RateLimiter::Decision d = limiter->Take(client);
    if (d.allowed) return false;
    res->set_header("Retry-After", std::to_string(d.retry_after_seconds));
    WriteError({429, "rate_limited",
                "too many requests; retry after " + std::to_string(d.retry_after_seconds) + " s"},
               res);
    return true;
  };
}

Observer MetricsObserver(Metrics* metrics) {
  return [metrics](const httplib::Request&, const httplib::Response& res, const std::string& route,
                   double seconds) {
    metrics->ObserveRequest(route, res.status, seconds, AccessLog::Current());
  };
}

}  // namespace faqbot::server
