// @brief Strict Prometheus text-format checks for tests.
#include "tests/server/exposition.h"

#include <cmath>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

namespace faqbot::testing {
namespace {

const std::regex kHelp(R"(# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \S.*)");
const std::regex kType(R"(# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|untyped))");
const std::regex kSample(
    R"(([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")"
    R"((?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")*\})? (\S+))");

bool ParseValue(const std::string& s, double* v) {
  if (s == "+Inf") return *v = INFINITY, true;
  if (s == "-Inf") return *v = -INFINITY, true;
  if (s == "NaN") return *v = NAN, true;
  char* end = nullptr;
  *v = std::strtod(s.c_str(), &end);
  return end && *end == '\0' && !s.empty();
}

// The family a sample belongs to: histogram series drop their suffix.
std::string FamilyOf(const std::string& name, const std::map<std::string, std::string>& types) {
  for (const char* suffix : {"_bucket", "_sum", "_count"}) {
    std::string s(suffix);
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      std::string base = name.substr(0, name.size() - s.size());
      auto it = types.find(base);
      if (it != types.end() && it->second == "histogram") return base;
    }
  }
  return name;
}

// Buckets of each histogram series rise to +Inf, which equals _count.
Status CheckHistograms(const std::vector<std::pair<std::string, double>>& samples,
                       const std::map<std::string, double>& all) {
  std::map<std::string, double> last;  // series without le -> last bucket value
  const std::regex le_label(R"((,?)le="([^"]*)\")");
  for (const auto& [key, value] : samples) {
    if (key.find("_bucket{") == std::string::npos) continue;
    std::smatch m;
    if (!std::regex_search(key, m, le_label)) return Status::InvalidArgument("no le: " + key);
    std::string series = std::regex_replace(key, le_label, "");
    series = std::regex_replace(series, std::regex(R"(\{,)"), "{");
    if (last.count(series) && value < last[series]) {
      return Status::InvalidArgument("buckets fall: " + key);
    }
    last[series] = value;
    if (m[2] == "+Inf") {
      std::string count = std::regex_replace(series, std::regex("_bucket"), "_count");
      count = std::regex_replace(count, std::regex(R"(\{\})"), "");
      auto it = all.find(count);
      if (it == all.end() || it->second != value) {
        return Status::InvalidArgument("+Inf bucket differs from " + count);
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::map<std::string, double>> ParseExposition(const std::string& text) {
  if (text.empty() || text.back() != '\n') return Status::InvalidArgument("must end in newline");
  std::map<std::string, std::string> types;
  std::set<std::string> sampled;
  std::map<std::string, double> out;
  std::vector<std::pair<std::string, double>> ordered;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, kHelp)) continue;
    if (std::regex_match(line, m, kType)) {
      if (types.count(m[1]) || sampled.count(m[1])) {
        return Status::InvalidArgument("TYPE repeated or after samples: " + line);
      }
      types[m[1]] = m[2];
      continue;
    }
    if (!std::regex_match(line, m, kSample)) return Status::InvalidArgument("bad line: " + line);
    std::string family = FamilyOf(m[1], types);
    if (!types.count(family)) return Status::InvalidArgument("no TYPE before: " + line);
    sampled.insert(family);
    double v = 0;
    if (!ParseValue(m[3], &v)) return Status::InvalidArgument("bad value: " + line);
    std::string key = m[1].str() + m[2].str();
    if (!out.emplace(key, v).second) return Status::InvalidArgument("repeated series: " + key);
    ordered.emplace_back(key, v);
  }
  if (Status s = CheckHistograms(ordered, out); !s.ok()) return s;
  return out;
}

}  // namespace faqbot::testing
