// Server metrics in the Prometheus text format (version 0.0.4): requests by
// route and status, a latency histogram by route, replies by type, intents,
// fallbacks and safety rules, plus families collected at render time (corpus
// version, sessions, reloads). Label values are route names, statuses, reply
// types, intent names and rule ids -- never message text, session ids or keys.
// Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "server/access_log.h"

namespace faqbot::server {

// One sample of a collected family: `labels` is "" or `name="value",...`.
struct MetricSample {
  std::string labels;
  double value = 0;
};

class Metrics {
 public:
  // Upper bounds of the latency histogram's buckets, in seconds, ascending.
  explicit Metrics(std::vector<double> latency_buckets = DefaultLatencyBuckets());

  static std::vector<double> DefaultLatencyBuckets();

  // One served request, as the access log recorded it.
  void ObserveRequest(const std::string& route, int status, double seconds,
                      const AccessRecord& record);

  // A family whose samples are read when the metrics are rendered. Add
  // before serving.
  void AddCollected(std::string name, std::string help, std::string type,
                    std::function<std::vector<MetricSample>()> collect);

  std::string Render() const;

  // `name="value"` with the value escaped for the exposition format.
  static std::string Label(const std::string& name, const std::string& value);

 private:
  struct Histogram {
    std::vector<uint64_t> counts;  // per bucket, not cumulative
    double sum = 0;
    uint64_t count = 0;
  };
  struct Collected {
    std::string name, help, type;
    std::function<std::vector<MetricSample>()> collect;
  };

  void RenderHistograms(std::string* out) const;

  const std::vector<double> buckets_;
  std::vector<Collected> collected_;
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;  // (route, status)
  std::map<std::string, Histogram> latency_;                  // by route
  std::map<std::string, uint64_t> replies_;                   // by type
  std::map<std::string, uint64_t> intents_;                   // by intent name
  std::map<std::string, uint64_t> rules_;                     // by safety rule
  uint64_t fallbacks_ = 0;
};

}  // namespace faqbot::server
