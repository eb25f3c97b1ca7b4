// Everything one bundle gives the bot, loaded together so that a reload swaps
// all of it at once: passages and search, the analyser (lexicon, spelling),
// the intent catalogue and classifier, entities and the survival facts.
// Immutable once loaded; thread-safe to read.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "corpus/facts.h"
#include "index/analyzer.h"
#include "index/search_index.h"
#include "intents/catalogue.h"
#include "intents/classifier.h"
#include "intents/entities.h"

namespace faqbot::dialogue {

struct Knowledge {
  std::string version;
  std::string bundle_dir;
  std::unique_ptr<index::SearchIndex> index;
  std::unique_ptr<index::Analyzer> analyzer;
  intents::Catalogue catalogue;
  intents::IntentClassifier classifier;
  intents::EntityExtractor entities;
  corpus::SurvivalFacts facts;
};

struct KnowledgeOptions {
  size_t search_handles = 8;
};

// Loads the bundle `root` designates (see index::ResolveBundle) and checks
// that its parts agree with each other.
Result<std::shared_ptr<const Knowledge>> LoadKnowledge(const std::string& root,
                                                       const KnowledgeOptions& options = {});

}  // namespace faqbot::dialogue
