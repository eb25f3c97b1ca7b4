// @brief Softmax regression: training, prediction, explanation, persistence.
#include "intents/classifier.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace faqbot::intents {
namespace {

void Softmax(std::vector<double>* v) {
  double mx = *std::max_element(v->begin(), v->end());
  double sum = 0;
  for (double& x : *v) sum += (x = std::exp(x - mx));
  for (double& x : *v) x /= sum;
}

}  // namespace

IntentClassifier IntentClassifier::Train(const std::vector<TrainingExample>& examples,
                                         const TrainOptions& options) {
  IntentClassifier m;
  std::map<std::string, size_t> class_ids;
  for (const auto& ex : examples) class_ids.emplace(ex.label, 0);
  for (auto& [name, id] : class_ids) {
    id = m.classes_.size();
    m.classes_.push_back(name);
  }
  for (const auto& ex : examples) {
    for (const auto& f : ex.features) {
      if (m.feature_index_.emplace(f, m.feature_names_.size()).second)
        m.feature_names_.push_back(f);
    }
  }
  const size_t C = m.classes_.size();
  m.weights_.assign(m.feature_names_.size() * C, 0.0);
  m.bias_.assign(C, 0.0);

  std::vector<double> p(C);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    double lr = options.learning_rate / (1.0 + 0.05 * epoch);
    for (const auto& ex : examples) {
      if (ex.features.empty()) continue;
      double x = 1.0 / std::sqrt(static_cast<double>(ex.features.size()));
      p = m.Logits(ex.features);
      Softmax(&p);
      size_t y = class_ids[ex.label];
      for (size_t c = 0; c < C; ++c) {
        double g = p[c] - (c == y ? 1.0 : 0.0);
        m.bias_[c] -= lr * g * 0.1;
        for (const auto& f : ex.features) m.weights_[m.feature_index_[f] * C + c] -= lr * g * x;
      }
    }
    double decay = 1.0 - lr * options.l2;
    for (double& w : m.weights_) w *= decay;
  }
  return m;
}

std::vector<double> IntentClassifier::Logits(const std::vector<std::string>& features) const {
  const size_t C = classes_.size();
  std::vector<double> z(bias_);
  // Each feature is looked up once; the known ones' weight rows are added in
  // feature order.
  std::vector<const double*> rows;
  rows.reserve(features.size());
  for (const auto& f : features) {
    auto it = feature_index_.find(f);
    if (it != feature_index_.end()) rows.push_back(&weights_[it->second * C]);
  }
  if (rows.empty()) return z;
  // Unknown features still count towards the length, so a message that is
  // mostly words the catalogue never saw is matched less confidently.
  double x = 1.0 / std::sqrt(static_cast<double>(features.size()));
  for (const double* w : rows) {
    for (size_t c = 0; c < C; ++c) z[c] += w[c] * x;
  }
  return z;
}

std::vector<Prediction> IntentClassifier::Predict(const std::vector<std::string>& features,
                                                  size_t top) const {
  if (classes_.empty()) return {};
  std::vector<double> p = Logits(features);
  Softmax(&p);
  std::vector<size_t> order(p.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Most probable first; equal probabilities keep the catalogue's order.
  size_t n = std::min(top, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                    [&](size_t a, size_t b) { return p[a] > p[b] || (p[a] == p[b] && a < b); });
  std::vector<Prediction> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    out.push_back({classes_[order[i]], p[order[i]]});
  }
  return out;
}

std::vector<std::pair<std::string, double>> IntentClassifier::Explain(
    const std::vector<std::string>& features, const std::string& intent, size_t n) const {
  auto cls = std::find(classes_.begin(), classes_.end(), intent);
  if (cls == classes_.end() || features.empty()) return {};
  size_t c = static_cast<size_t>(cls - classes_.begin());
  double x = 1.0 / std::sqrt(static_cast<double>(features.size()));
  std::vector<std::pair<std::string, double>> out;
  for (const auto& f : features) {
    auto it = feature_index_.find(f);
    if (it != feature_index_.end())
      out.emplace_back(f, weights_[it->second * classes_.size() + c] * x);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.size() > n) out.resize(n);
  return out;
}

std::string IntentClassifier::Serialize() const {
  std::ostringstream out;
  out.precision(9);
  out << "faqbot-intent-model\t1\n";
  out << "classes";
  for (const auto& c : classes_) out << '\t' << c;
  out << "\nbias";
  for (double b : bias_) out << '\t' << b;
  out << '\n';
  const size_t C = classes_.size();
  for (size_t f = 0; f < feature_names_.size(); ++f) {
    out << "f\t" << feature_names_[f];
    for (size_t c = 0; c < C; ++c) out << '\t' << weights_[f * C + c];
    out << '\n';
  }
  return out.str();
}

Result<IntentClassifier> IntentClassifier::Parse(const std::string& data) {
  IntentClassifier m;
  std::istringstream in(data);
  std::string line;
  auto fields = [](const std::string& l) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream ls(l);
    while (std::getline(ls, cur, '\t')) out.push_back(cur);
    return out;
  };
  if (!std::getline(in, line) || line != "faqbot-intent-model\t1") {
    return Status::InvalidArgument("not an intent model (bad header)");
  }
  try {
    while (std::getline(in, line)) {
      auto f = fields(line);
      if (f.empty()) continue;
      if (f[0] == "classes") {
        m.classes_.assign(f.begin() + 1, f.end());
      } else if (f[0] == "bias") {
        for (size_t i = 1; i < f.size(); ++i) m.bias_.push_back(std::stod(f[i]));
      } else if (f[0] == "f" && f.size() == m.classes_.size() + 2) {
        m.feature_index_[f[1]] = m.feature_names_.size();
        m.feature_names_.push_back(f[1]);
        for (size_t i = 2; i < f.size(); ++i) m.weights_.push_back(std::stod(f[i]));
      } else {
        return Status::InvalidArgument("intent model: malformed line");
      }
    }
  } catch (const std::exception&) {
    return Status::InvalidArgument("intent model: bad number");
  }
  if (m.classes_.empty() || m.bias_.size() != m.classes_.size()) {
    return Status::InvalidArgument("intent model: classes and bias disagree");
  }
  return m;
}

}  // namespace faqbot::intents
