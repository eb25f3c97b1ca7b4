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
  // About 16 bits per key: a probe that is not a key finds its bit clear
  // some 94% of the time, and is answered without touching the table.
  maybe_key_.assign(deletes_.size() / 4 + 1, 0);
  for (const auto& entry : deletes_) {
    size_t bit = std::hash<std::string_view>{}(entry.first) % (maybe_key_.size() * 64);
    maybe_key_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
}

bool SpellCorrector::MaybeKey(std::string_view s) const {
  if (maybe_key_.empty()) return false;
  size_t bit = std::hash<std::string_view>{}(s) % (maybe_key_.size() * 64);
  return (maybe_key_[bit / 64] >> (bit % 64)) & 1;
}

std::string SpellCorrector::BestCandidate(const std::string& word) const {
  const int max_d = MaxDistanceFor(word);
  std::string best;
  int best_d = max_d + 1, best_f = -1;
  // The best is the least candidate by (distance, -frequency, spelling), so
  // the order probes are tried in, or trying one twice, changes nothing.
  auto consider = [&](const std::string& probe) {
    if (!MaybeKey(probe)) return;
    auto it = deletes_.find(probe);
    if (it == deletes_.end()) return;
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
  };
  // The word and every string one or (from 8 letters) two deletions away.
  // Deleting either of two equal neighbours leaves the same string: only the
  // first is tried.
  consider(word);
  std::string one, two;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i > 0 && word[i] == word[i - 1]) continue;
    one.assign(word, 0, i).append(word, i + 1);
    consider(one);
    if (max_d < 2) continue;
    for (size_t j = 0; j < one.size(); ++j) {
      if (j > 0 && one[j] == one[j - 1]) continue;
      two.assign(one, 0, j).append(one, j + 1);
      consider(two);
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
