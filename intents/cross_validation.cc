// @brief k-fold cross-validation of the intent classifier.
#include "intents/cross_validation.h"

#include "intents/features.h"

namespace faqbot::intents {
namespace {

std::string AspectOf(const Catalogue& c, const std::string& name) {
  const Intent* in = c.Find(name);
  return in && !in->aspect.empty() ? in->aspect : name;
}

}  // namespace

CrossValidationReport CrossValidate(const Catalogue& catalogue, const index::Analyzer& analyzer,
                                    const EntityExtractor& entities,
                                    const index::SearchIndex& index, int folds,
                                    const TrainOptions& options) {
  std::vector<TrainingExample> all;
  std::vector<std::string> text;
  for (const auto& in : catalogue.intents()) {
    for (const auto& e : in.examples) {
      index::Analysis a = analyzer.Analyze(e);
      all.push_back(
          {ExtractFeatures(a, entities.Extract(a), RetrieveForFeatures(index, a)), in.name});
      text.push_back(e);
    }
  }
  CrossValidationReport report;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<TrainingExample> train;
    for (size_t i = 0; i < all.size(); ++i) {
      if (static_cast<int>(i % folds) != fold) train.push_back(all[i]);
    }
    IntentClassifier model = IntentClassifier::Train(train, options);
    for (size_t i = fold; i < all.size(); i += folds) {
      auto p = model.Predict(all[i].features, 1);
      if (p.empty()) continue;
      ++report.examples;
      if (p[0].intent == all[i].label) ++report.intent_correct;
      if (AspectOf(catalogue, p[0].intent) == AspectOf(catalogue, all[i].label)) {
        ++report.aspect_correct;
      } else {
        report.misses.push_back({text[i], all[i].label, p[0].intent, p[0].probability});
      }
    }
  }
  return report;
}

}  // namespace faqbot::intents
