// The safety stage: runs on every message before any understanding and
// decides whether it describes an emergency (SAFETY.md section 1), a crisis
// (section 2) or asks for personal medical advice (section 3). Its verdict
// wins over intents and conversation context. Implementations are thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "safety/contact.h"

namespace faqbot::safety {

struct Assessment {
  enum class Kind {
    kNone,            // nothing for the safety stage
    kEmergency,       // a red flag: reply type "emergency"
    kCrisis,          // self-harm or suicide: reply type "crisis"
    kPersonalAdvice,  // dose, personal treatment choice, own results
    kInformational,   // asks about a red-flag topic ("what is spinal cord compression?")
  };
  Kind kind = Kind::kNone;
  std::string rule;  // SAFETY.md rule id, e.g. "mscc", "self_harm", "personal_advice"
  // For kPersonalAdvice: a red-flag topic the message also asks about, whose
  // urgent-help line the reply should carry ("should I stop chemo if I get a
  // fever?"). Empty otherwise.
  std::string informational_rule = {};
  // What the verdict rests on, for explaining it ("numbness", "back_pain").
  std::vector<std::string> concepts = {};
};

// What to say for an assessment, with the deployment region's contacts.
struct SafetyResponse {
  std::string text;
  std::vector<Contact> contacts;
};

class SafetyStage {
 public:
  virtual ~SafetyStage() = default;
  virtual Assessment Assess(std::string_view message) const = 0;
  // For kEmergency, kCrisis and kPersonalAdvice: the reply text and contacts.
  // For kInformational: one line on when to seek urgent help.
  virtual SafetyResponse Respond(const Assessment& assessment) const = 0;
};

}  // namespace faqbot::safety
