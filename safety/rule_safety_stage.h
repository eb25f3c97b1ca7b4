// The rule-based safety stage: reads a message as clauses of normalised
// words, finds the concepts of safety/concept_table.cc in it, and judges them
// by the rules of safety/rules.h; replies come from safety/replies.h with the
// deployment region's contacts. Immutable after construction; thread-safe.
#pragma once

#include <string_view>

#include "safety/concepts.h"
#include "safety/region_contacts.h"
#include "safety/safety_stage.h"

namespace faqbot::safety {

class RuleSafetyStage : public SafetyStage {
 public:
  // Contacts without an emergency or crisis entry take the built-in
  // country-neutral default's, so a reply always names somewhere to turn.
  explicit RuleSafetyStage(RegionContacts contacts);

  Assessment Assess(std::string_view message) const override;
  SafetyResponse Respond(const Assessment& assessment) const override;

  const RegionContacts& contacts() const { return contacts_; }

 private:
  RegionContacts contacts_;
  ConceptDetector detector_;
};

}  // namespace faqbot::safety
