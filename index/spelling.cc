// @brief Symmetric-delete spelling correction with a protected-word guard.
#include "index/spelling.h"

#include <algorithm>
#include <cctype>

#include "common/text.h"

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

// All strings reachable from `word` by deleting up to `depth` characters,
// deleting at `from` or later. Each set of deleted positions comes once
// (deeper deletions only go rightwards), and of a run of equal letters only
// the first is deleted, since deleting any other leaves the same string.
void Deletes(const std::string& word, int depth, size_t from, std::vector<std::string>* out) {
  if (depth == 0 || word.size() <= 1) return;
  for (size_t i = from; i < word.size(); ++i) {
    if (i > from && word[i] == word[i - 1]) continue;
    std::string d = word;
    d.erase(i, 1);
    Deletes(d, depth - 1, i, out);
    out->push_back(std::move(d));
  }
}

}  // namespace

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
    Deletes(word, kMaxIndexedDistance, 0, &ds);
    std::sort(ds.begin(), ds.end());
    ds.erase(std::unique(ds.begin(), ds.end()), ds.end());
    for (const auto& d : ds) deletes_[d].push_back(word);
  }
}

std::string SpellCorrector::BestCandidate(const std::string& word) const {
  const int max_d = MaxDistanceFor(word);
  // A few probes may repeat ("abab" less its first two or last two letters):
  // looking them up twice costs less than sorting them all to find out.
  std::vector<std::string> probes = {word};
  Deletes(word, max_d, 0, &probes);
  std::string best;
  int best_d = max_d + 1, best_f = -1;
  for (const auto& probe : probes) {
    auto it = deletes_.find(probe);
    if (it == deletes_.end()) continue;
    for (const auto& cand : it->second) {
      if (std::abs(static_cast<int>(cand.size()) - static_cast<int>(word.size())) > max_d) continue;
      int d = static_cast<int>(text::EditDistance(word, cand));
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
