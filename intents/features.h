// The features the intent classifier sees for a message: word stems, pairs of
// adjacent stems, and the kinds of entity mentioned. Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "index/analyzer.h"
#include "intents/entities.h"

namespace faqbot::intents {

std::vector<std::string> ExtractFeatures(const index::Analysis& analysis,
                                         const std::vector<Entity>& entities);

}  // namespace faqbot::intents
