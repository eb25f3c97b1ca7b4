// Understanding: from an analysed message and the conversation so far to a
// decision -- which intent (or which passages) answers it, whether two
// readings are too close to call, or whether the corpus cannot answer it.
// Pure function of its inputs; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dialogue/knowledge.h"
#include "dialogue/session_store.h"
#include "index/search_index.h"
#include "intents/catalogue.h"
#include "intents/classifier.h"
#include "intents/entities.h"

namespace faqbot::dialogue {

struct Thresholds {
  double intent = 0.30;         // below this the classifier's best guess is not trusted
  double conversational = 0.5;  // small talk and handoff need at least this
  double conversational_with_unknown = 0.9;  // ... or this with words the bot never saw
  double clarify_ratio = 0.80;               // a runner-up this close to the best asks which one
  double passage_coverage = 0.75;  // retrieval alone needs this share of the query matched
  // A medical intent this likely, in a message of known words that retrieves
  // corpus passages, is in the domain even without a medical keyword.
  double sure = 0.9;
};

struct Understanding {
  enum class Outcome { kIntent, kPassages, kClarify, kFallback };
  enum class Fallback { kNone, kOffTopic, kUncovered, kUnclear };

  Outcome outcome = Outcome::kFallback;
  Fallback fallback = Fallback::kNone;
  const intents::Intent* intent = nullptr;
  double confidence = 0;
  bool follow_up = false;                        // resolved against the previous turn
  std::vector<intents::Prediction> predictions;  // the classifier's top three
  std::vector<intents::Entity> mentions;         // entities named in this message
  std::map<std::string, std::string> slots;      // entity type -> value, context merged in
  std::vector<const intents::Intent*> options;   // for kClarify
  std::vector<index::SearchHit> hits;            // for kPassages
  // Every passage the message's content stems match, best first, when the
  // corpus is small enough to rank whole (`ranked_whole`); composing an
  // answer narrows this instead of searching again.
  std::vector<index::SearchHit> ranking;
  bool ranked_whole = false;
  // What the corpus lacks: the reason for kUncovered, or -- on an answer --
  // something the message also named that the answer cannot speak to.
  std::string uncovered;

  // True when this message names an entity of one of the intent's focus types.
  bool Focused() const;
};

// Does the message name something squarely in the corpus's field: a topic,
// cancer type, treatment, test, drug or medical word?
bool NamesDomain(const std::vector<intents::Entity>& mentions);

Understanding Understand(const Knowledge& kb, const index::Analysis& analysis,
                         const SessionState& session, const Thresholds& thresholds);

}  // namespace faqbot::dialogue
