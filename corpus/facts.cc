// @brief Loads and queries the survival-rate table.
#include "corpus/facts.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "corpus/corpus_loader.h"

namespace faqbot::corpus {
namespace {

const std::vector<std::string> kExtents = {"localized", "regional", "distant"};

}  // namespace

std::vector<const SurvivalRate*> SurvivalFacts::Find(const std::string& cancer_type,
                                                     const std::string& extent) const {
  std::vector<const SurvivalRate*> out;
  for (const auto& r : rates) {
    if ((cancer_type.empty() || r.cancer_type == cancer_type) &&
        (extent.empty() || r.extent == extent)) {
      out.push_back(&r);
    }
  }
  return out;
}

std::vector<std::string> SurvivalFacts::CancerTypes() const {
  std::vector<std::string> types;
  for (const auto& r : rates) {
    if (std::find(types.begin(), types.end(), r.cancer_type) == types.end()) {
      types.push_back(r.cancer_type);
    }
  }
  return types;
}

Result<SurvivalFacts> ParseSurvivalFacts(const std::string& yaml) {
  SurvivalFacts facts;
  try {
    YAML::Node root = YAML::Load(yaml)["survival"];
    if (!root) return Status::InvalidArgument("facts file lacks 'survival'");
    facts.caveat_passage_id = root["caveat"]["passage"].as<std::string>();
    facts.caveat_quote = root["caveat"]["quote"].as<std::string>();
    for (const auto& node : root["rates"]) {
      SurvivalRate r;
      r.cancer_type = node["type"].as<std::string>();
      r.extent = node["extent"].as<std::string>();
      r.percent = node["percent"].as<int>();
      r.passage_id = node["passage"].as<std::string>();
      r.quote = node["quote"].as<std::string>();
      if (std::find(kExtents.begin(), kExtents.end(), r.extent) == kExtents.end()) {
        return Status::InvalidArgument("unknown extent '" + r.extent + "'");
      }
      if (r.quote.find(std::to_string(r.percent) + "%") == std::string::npos) {
        return Status::InvalidArgument("quote for " + r.cancer_type + "/" + r.extent +
                                       " does not state " + std::to_string(r.percent) + "%");
      }
      facts.rates.push_back(std::move(r));
    }
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string("facts: ") + e.what());
  }
  if (facts.rates.empty()) return Status::InvalidArgument("facts file has no rates");
  return facts;
}

Result<SurvivalFacts> LoadSurvivalFacts(const std::string& path) {
  auto content = ReadFile(path);
  if (!content.ok()) return content.status();
  auto facts = ParseSurvivalFacts(*content);
  if (!facts.ok()) return Status::InvalidArgument(path + ": " + facts.status().message());
  return facts;
}

}  // namespace faqbot::corpus
