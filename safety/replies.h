// The words of every safety reply: what to do now for each SAFETY.md rule,
// the crisis reply, the personal-advice reply and the one-line urgent-help
// note added to informational answers, filled in with the region's contacts.
// `contacts` must hold an emergency and a crisis contact (LoadRegionContacts
// guarantees both). Pure functions; thread-safe.
#pragma once

#include <string>

#include "safety/region_contacts.h"
#include "safety/safety_stage.h"

namespace faqbot::safety {

SafetyResponse EmergencyReply(const std::string& rule, const RegionContacts& contacts);
SafetyResponse CrisisReply(const RegionContacts& contacts);
SafetyResponse PersonalAdviceReply();
// One line on when to seek urgent help about the rule's topic.
std::string UrgentHelpLine(const std::string& rule, const RegionContacts& contacts);

// How reply text names a contact: its `say`, else its phone, else its name.
std::string Spoken(const Contact& contact);

}  // namespace faqbot::safety
