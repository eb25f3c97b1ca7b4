// The rule-based safety stage: red flags, crisis and personal-advice requests
// recognised by patterns over the normalised message. The contacts come from
// the deployment's region. Immutable after construction; thread-safe.
#pragma once

#include <regex>
#include <string>
#include <vector>

#include "safety/safety_stage.h"

namespace faqbot::safety {

struct RegionContacts {
  Contact emergency{"Emergency services", "", "", "your local emergency number"};
  std::vector<Contact> crisis{{"A crisis line", "", "", "your local crisis line"}};
};

class RuleSafetyStage : public SafetyStage {
 public:
  explicit RuleSafetyStage(RegionContacts contacts);

  Assessment Assess(std::string_view message) const override;
  SafetyResponse Respond(const Assessment& assessment) const override;

 private:
  struct Rule {
    Assessment::Kind kind;
    std::string id;
    std::regex pattern;
  };
  RegionContacts contacts_;
  std::vector<Rule> rules_;
};

}  // namespace faqbot::safety
