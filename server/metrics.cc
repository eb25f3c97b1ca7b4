// @brief Counters and a latency histogram, rendered as Prometheus text.
#include "server/metrics.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace faqbot::server {
namespace {

std::string Number(double v) {
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[32];
  for (int precision = 6; precision < 17; ++precision) {  // the shortest exact form
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) return buf;
  }
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

void Header(const std::string& name, const std::string& help, const std::string& type,
            std::string* out) {
  *out += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

void Sample(const std::string& name, const std::string& labels, double value, std::string* out) {
  *out += name;
  if (!labels.empty()) *out += "{" + labels + "}";
  *out += " " + Number(value) + "\n";
}

void Family(const std::string& name, const std::string& help, const std::string& label,
            const std::map<std::string, uint64_t>& counts, std::string* out) {
  Header(name, help, "counter", out);
  for (const auto& [value, n] : counts) {
    Sample(name, Metrics::Label(label, value), static_cast<double>(n), out);
  }
}

}  // namespace

Metrics::Metrics(std::vector<double> latency_buckets) : buckets_(std::move(latency_buckets)) {}

std::vector<double> Metrics::DefaultLatencyBuckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
}

std::string Metrics::Label(const std::string& name, const std::string& value) {
  std::string out = name + "=\"";
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out + "\"";
}

void Metrics::ObserveRequest(const std::string& route, int status, double seconds,
                             const AccessRecord& record) {
  std::lock_guard lock(mu_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  if (h.counts.empty()) h.counts.assign(buckets_.size() + 1, 0);
  size_t i = 0;
  while (i < buckets_.size() && seconds > buckets_[i]) ++i;
  ++h.counts[i];
  h.sum += seconds;
  ++h.count;
  if (record.reply_type.empty()) return;
  ++replies_[record.reply_type];
  if (record.reply_type == "fallback") ++fallbacks_;
  if (!record.intent.empty()) ++intents_[record.intent];
  if (!record.rule.empty()) ++rules_[record.rule];
}

void Metrics::AddCollected(std::string name, std::string help, std::string type,
                           std::function<std::vector<MetricSample>()> collect) {
  collected_.push_back({std::move(name), std::move(help), std::move(type), std::move(collect)});
}

void Metrics::RenderHistograms(std::string* out) const {
  const std::string name = "faqbot_http_request_duration_seconds";
  Header(name, "Time from reading a request to writing its reply, by route.", "histogram", out);
  for (const auto& [route, h] : latency_) {
    std::string route_label = Label("route", route);
    uint64_t cumulative = 0;
    for (size_t i = 0; i <= buckets_.size(); ++i) {
      cumulative += h.counts[i];
      double le = i < buckets_.size() ? buckets_[i] : INFINITY;
      Sample(name + "_bucket", route_label + "," + Label("le", Number(le)),
             static_cast<double>(cumulative), out);
    }
    Sample(name + "_sum", route_label, h.sum, out);
    Sample(name + "_count", route_label, static_cast<double>(h.count), out);
  }
}

std::string Metrics::Render() const {
  std::string out;
  {
    std::lock_guard lock(mu_);
    Header("faqbot_http_requests_total", "HTTP requests served, by route and status.", "counter",
           &out);
    for (const auto& [key, n] : requests_) {
      Sample("faqbot_http_requests_total",
             Label("route", key.first) + "," + Label("status", std::to_string(key.second)),
             static_cast<double>(n), &out);
    }
    RenderHistograms(&out);
    Family("faqbot_replies_total", "Chat replies, by reply type.", "type", replies_, &out);
    Family("faqbot_intents_total", "Chat replies, by the intent understood.", "intent", intents_,
           &out);
    Header("faqbot_fallbacks_total", "Replies saying the sources do not cover the question.",
           "counter", &out);
    Sample("faqbot_fallbacks_total", "", static_cast<double>(fallbacks_), &out);
    Family("faqbot_safety_rules_total", "Replies shaped by a safety rule, by rule id.", "rule",
           rules_, &out);
  }
  for (const auto& c : collected_) {
    Header(c.name, c.help, c.type, &out);
    for (const auto& s : c.collect()) Sample(c.name, s.labels, s.value, &out);
  }
  return out;
}

}  // namespace faqbot::server
