// @brief The rule-based safety stage: concepts, rules and replies together.
#include "safety/rule_safety_stage.h"

#include "safety/replies.h"
#include "safety/rules.h"

namespace faqbot::safety {

RuleSafetyStage::RuleSafetyStage(RegionContacts contacts) : contacts_(std::move(contacts)) {
  if (contacts_.emergency.empty() || contacts_.crisis.empty()) {
    RegionContacts neutral = ParseRegionContacts(BuiltInPresets(), "", "").value();
    if (contacts_.emergency.empty()) contacts_.emergency = neutral.emergency;
    if (contacts_.crisis.empty()) contacts_.crisis = neutral.crisis;
  }
}

Assessment RuleSafetyStage::Assess(std::string_view message) const {
  return Judge(detector_.Detect(message));
}

SafetyResponse RuleSafetyStage::Respond(const Assessment& a) const {
  switch (a.kind) {
    case Assessment::Kind::kEmergency:
      return EmergencyReply(a.rule, contacts_);
    case Assessment::Kind::kCrisis:
      return CrisisReply(contacts_);
    case Assessment::Kind::kPersonalAdvice:
      return PersonalAdviceReply();
    case Assessment::Kind::kInformational:
      return {UrgentHelpLine(a.rule, contacts_), {}};
    case Assessment::Kind::kNone:
      break;
  }
  return {};
}

}  // namespace faqbot::safety
