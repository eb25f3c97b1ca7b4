// The intent classifier: multinomial logistic regression over sparse binary
// features, trained deterministically (fixed example order, no randomness) by
// the indexer from the catalogue's examples and saved in the bundle. It
// returns the top intents with probabilities, and can say which features
// drove a decision. Immutable after training or loading; thread-safe.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"

namespace faqbot::intents {

struct Prediction {
  std::string intent;
  double probability = 0;
};

struct TrainingExample {
  std::vector<std::string> features;
  std::string label;
};

struct TrainOptions {
  int epochs = 80;
  double learning_rate = 0.8;
  double l2 = 1e-4;
};

class IntentClassifier {
 public:
  IntentClassifier() = default;
  static IntentClassifier Train(const std::vector<TrainingExample>& examples,
                                const TrainOptions& options = {});

  // The `top` most probable intents, most probable first.
  std::vector<Prediction> Predict(const std::vector<std::string>& features, size_t top = 3) const;

  // The features that pushed `intent` up the most, with their contribution.
  std::vector<std::pair<std::string, double>> Explain(const std::vector<std::string>& features,
                                                      const std::string& intent,
                                                      size_t n = 5) const;

  std::string Serialize() const;
  static Result<IntentClassifier> Parse(const std::string& data);

  const std::vector<std::string>& classes() const { return classes_; }
  size_t feature_count() const { return feature_index_.size(); }

 private:
  std::vector<double> Logits(const std::vector<std::string>& features) const;

  std::vector<std::string> classes_;
  std::unordered_map<std::string, size_t> feature_index_;
  std::vector<std::string> feature_names_;
  std::vector<double> weights_;  // feature-major: weights_[f * classes + c]
  std::vector<double> bias_;
};

}  // namespace faqbot::intents
