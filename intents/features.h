// The features the intent classifier sees for a message: word stems, pairs of
// adjacent stems, the kinds of entity mentioned, and the corpus passages the
// message retrieves -- so the corpus's own wording helps recognise questions
// the catalogue's examples never phrased. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "index/analyzer.h"
#include "index/search_index.h"
#include "intents/entities.h"

namespace faqbot::intents {

// How many of the best passages for a message are considered for features.
inline constexpr size_t kFeaturePassages = 3;

// The passages that answer enough of the message to say what it is about.
std::vector<index::SearchHit> RetrieveForFeatures(const index::SearchIndex& index,
                                                  const index::Analysis& analysis);

// The same passages, picked from a ranking of the message's content stems
// (best first) that holds at least the top few hits.
std::vector<index::SearchHit> PickForFeatures(const std::vector<index::SearchHit>& ranked);

std::vector<std::string> ExtractFeatures(const index::Analysis& analysis,
                                         const std::vector<Entity>& entities,
                                         const std::vector<index::SearchHit>& retrieved = {});

}  // namespace faqbot::intents
