// The safety rules of SAFETY.md sections 1-3 as combinations of concepts:
// from what a message was found to report or ask about to one verdict --
// crisis, emergency (with its rule id), personal advice, an informational
// question about a red-flag topic, or nothing. Pure function; thread-safe.
#pragma once

#include "safety/concepts.h"
#include "safety/safety_stage.h"

namespace faqbot::safety {

// Crisis wins over emergencies, emergencies over personal advice, and that
// over informational questions. Emergency rules are tried in the order
// general_emergency, fracture, mscc, neutropenic_fever, hypercalcaemia.
Assessment Judge(const Findings& findings);

}  // namespace faqbot::safety
