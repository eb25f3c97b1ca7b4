// Estimates how well the catalogue generalises: k-fold cross-validation of
// the intent classifier over the catalogue's own examples (example i is held
// out in fold i % k), scored on the intent and on its aspect. For people
// editing the catalogue; deterministic. Not thread-safe (trains k models).
#pragma once

#include <string>
#include <vector>

#include "index/analyzer.h"
#include "index/search_index.h"
#include "intents/catalogue.h"
#include "intents/classifier.h"
#include "intents/entities.h"

namespace faqbot::intents {

struct CrossValidationReport {
  size_t examples = 0;
  size_t intent_correct = 0;
  size_t aspect_correct = 0;
  struct Miss {
    std::string example, expected, predicted;
    double probability;
  };
  std::vector<Miss> misses;  // wrong aspect
};

CrossValidationReport CrossValidate(const Catalogue& catalogue, const index::Analyzer& analyzer,
                                    const EntityExtractor& entities,
                                    const index::SearchIndex& index, int folds,
                                    const TrainOptions& options = {});

}  // namespace faqbot::intents
