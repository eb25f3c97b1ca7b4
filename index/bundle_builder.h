// Builds a bundle from the hand-edited sources: splits the corpus into
// passages, checks the catalogue and facts against them, writes the Xapian
// index with spelling and synonym data, trains the intent classifier, and
// publishes the result atomically beside the previous bundle.
// Not thread-safe; one build at a time per output root.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace faqbot::index {

struct BuildOptions {
  std::string corpus_dir;          // holds documents/ and facts/survival.yaml
  std::string intents_dir;         // holds catalogue/, lexicon.yaml and entities.yaml
  std::string dictionary;          // English word list guarding typo correction; optional
  std::string out_root;            // bundles live here; <out_root>/current is the live one
  int keep = 3;                    // bundles to keep, the live one included
  int cross_validation_folds = 0;  // > 1: also estimate how well the catalogue generalises
};

struct BuildReport {
  std::string version;
  std::string bundle_dir;
  size_t documents = 0;
  size_t passages = 0;
  size_t intents = 0;
  size_t examples = 0;
  size_t vocabulary = 0;
  size_t protected_words = 0;
  // With cross_validation_folds > 1: held-out accuracy on the catalogue's own
  // examples, by intent and by aspect, and the examples whose aspect was missed.
  size_t cv_examples = 0, cv_intent_correct = 0, cv_aspect_correct = 0;
  std::vector<std::string> cv_misses;
};

Result<BuildReport> BuildBundle(const BuildOptions& options);

}  // namespace faqbot::index
