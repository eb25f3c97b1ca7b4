// @brief Symmetric-delete spelling correction with a protected-word guard.
#include "index/spelling.h"

#include <algorithm>
#include <cctype>

namespace faqbot::index {
namespace {

constexpr int kMaxIndexedDistance = 2;

int MaxDistanceFor(const std::string& word) {
  if (word.size() >= 8) return 2;
  if (word.size() >= 4) return 1;
  return 0;
}

bool Correctable(const std::string& word) {
  if (MaxDistanceFor(word) == 0) return false;
  return std::all_of(word.begin(), word.end(),
                     [](unsigned char c) { return std::isalpha(c) && c < 0x80; });
}

// All strings reachable from `word` by deleting up to `depth` characters.
void Deletes(const std::string& word, int depth, std::vector<std::string>* out) {
  if (depth == 0 || word.size() <= 1) return;
  for (size_t i = 0; i < word.size(); ++i) {
    std::string d = word.substr(0, i) + word.substr(i + 1);
    out->push_back(d);
    Deletes(d, depth - 1, out);
  }
}

}  // namespace

int EditDistance(const std::string& a, const std::string& b) {
  // Three rolling rows of the (n + 1) x (m + 1) table: a transposition looks
  // two rows back. Words are short, so the rows usually live on the stack.
  const size_t n = a.size(), m = b.size(), w = m + 1;
  constexpr size_t kOnStack = 3 * 32;
  int stack[kOnStack];
  std::vector<int> heap;
  int* rows = stack;
  if (3 * w > kOnStack) {
    heap.resize(3 * w);
    rows = heap.data();
  }
  auto row = [&](size_t i) { return rows + (i % 3) * w; };
  for (size_t j = 0; j <= m; ++j) row(0)[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    int* d = row(i);
    const int* up = row(i - 1);
    const int* up2 = row(i - 2 + 3);  // row i - 2; unread while i < 2
    d[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[j] = std::min({up[j] + 1, d[j - 1] + 1, up[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[j] = std::min(d[j], up2[j - 2] + 1);
      }
    }
  }
  return row(n)[m];
}

void SpellCorrector::AddWord(const std::string& word, int frequency) {
  if (word.empty()) return;
  freq_[word] += frequency;
}

void SpellCorrector::Protect(const std::string& word) { protected_.insert(word); }

void SpellCorrector::Build() {
  deletes_.clear();
  std::vector<std::string> ds;
  for (const auto& [word, f] : freq_) {
    if (!Correctable(word)) continue;
    ds.clear();
    ds.push_back(word);
    Deletes(word, kMaxIndexedDistance, &ds);
    std::sort(ds.begin(), ds.end());
    ds.erase(std::unique(ds.begin(), ds.end()), ds.end());
    for (const auto& d : ds) deletes_[d].push_back(word);
  }
}

std::string SpellCorrector::BestCandidate(const std::string& word) const {
  const int max_d = MaxDistanceFor(word);
  std::vector<std::string> probes = {word};
  Deletes(word, max_d, &probes);
  // Deleting different letters often leaves the same string; each is looked
  // up once.
  std::sort(probes.begin(), probes.end());
  probes.erase(std::unique(probes.begin(), probes.end()), probes.end());
  std::string best;
  int best_d = max_d + 1, best_f = -1;
  for (const auto& probe : probes) {
    auto it = deletes_.find(probe);
    if (it == deletes_.end()) continue;
    for (const auto& cand : it->second) {
      if (std::abs(static_cast<int>(cand.size()) - static_cast<int>(word.size())) > max_d) continue;
      int d = EditDistance(word, cand);
      if (d > max_d) continue;
      int f = freq_.at(cand);
      if (d < best_d || (d == best_d && (f > best_f || (f == best_f && cand < best)))) {
        best = cand;
        best_d = d;
        best_f = f;
      }
    }
  }
  return best;
}

bool SpellCorrector::HasCandidate(const std::string& word) const {
  return Correctable(word) && !Knows(word) && !BestCandidate(word).empty();
}

std::string SpellCorrector::Correct(const std::string& word) const {
  if (!Correctable(word) || Knows(word) || protected_.count(word)) return word;
  std::string best = BestCandidate(word);
  return best.empty() ? word : best;
}

}  // namespace faqbot::index
