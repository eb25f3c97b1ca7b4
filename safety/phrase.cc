// @brief Parsing and matching of the safety rules' phrase notation.
#include "safety/phrase.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>

#include "common/text.h"

namespace faqbot::safety {
namespace {

[[noreturn]] void Malformed(std::string_view notation, std::string_view why) {
  std::fprintf(stderr, "safety phrase \"%.*s\": %.*s\n", static_cast<int>(notation.size()),
               notation.data(), static_cast<int>(why.size()), why.data());
  std::abort();
}

}  // namespace

bool Phrase::Step::Accepts(std::string_view word) const {
  if (std::find(exact.begin(), exact.end(), word) != exact.end()) return true;
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return text::StartsWith(word, p); });
}

Phrase::Phrase(std::string_view notation, const WordSets& sets) : notation_(notation) {
  for (const std::string& item : text::Split(notation, ' ')) {
    if (item.empty()) continue;
    Step step;
    std::string_view body = item;
    if (item == "$") {
      step.kind = Step::Kind::kEnd;
      steps_.push_back(std::move(step));
      continue;
    }
    if (item[0] == '~') {
      step.kind = Step::Kind::kGap;
      step.gap = static_cast<size_t>(std::atoi(item.c_str() + 1));
      if (step.gap == 0) Malformed(notation, "a gap needs a positive size");
      steps_.push_back(std::move(step));
      continue;
    }
    if (item[0] == '!' || item[0] == '<') {
      step.kind = item[0] == '!' ? Step::Kind::kNot : Step::Kind::kNotBefore;
      body.remove_prefix(1);
    }
    for (const std::string& alt : text::Split(body, '|')) {
      if (alt.size() > 2 && alt.front() == '{' && alt.back() == '}') {
        auto set = sets.find(std::string_view(alt).substr(1, alt.size() - 2));
        if (set == sets.end()) Malformed(notation, "unknown word set " + alt);
        for (const auto& w : set->second) {
          if (text::EndsWith(w, "*")) {
            step.prefixes.push_back(w.substr(0, w.size() - 1));
          } else {
            step.exact.push_back(w);
          }
        }
      } else if (alt.size() > 1 && alt.back() == '*') {
        step.prefixes.push_back(alt.substr(0, alt.size() - 1));
      } else if (!alt.empty()) {
        step.exact.push_back(alt);
      } else {
        Malformed(notation, "empty alternative");
      }
    }
    steps_.push_back(std::move(step));
  }
  if (steps_.empty()) Malformed(notation, "no steps");
}

size_t Phrase::MatchFrom(const std::vector<std::string>& words, size_t i, size_t s) const {
  if (s == steps_.size()) return i;
  const Step& step = steps_[s];
  switch (step.kind) {
    case Step::Kind::kWords:
      return i < words.size() && step.Accepts(words[i]) ? MatchFrom(words, i + 1, s + 1) : kNone;
    case Step::Kind::kGap:
      for (size_t skip = 0; skip <= step.gap && i + skip <= words.size(); ++skip) {
        if (size_t end = MatchFrom(words, i + skip, s + 1); end != kNone) return end;
      }
      return kNone;
    case Step::Kind::kNot:
      if (i == words.size()) return MatchFrom(words, i, s + 1);
      return step.Accepts(words[i]) ? kNone : MatchFrom(words, i + 1, s + 1);
    case Step::Kind::kNotBefore:
      for (size_t back = 1; back <= 2 && back <= i; ++back) {
        if (step.Accepts(words[i - back])) return kNone;
      }
      return MatchFrom(words, i, s + 1);
    case Step::Kind::kEnd:
      return i == words.size() ? MatchFrom(words, i, s + 1) : kNone;
  }
  return kNone;
}

std::vector<Phrase::Match> Phrase::FindAll(const std::vector<std::string>& words) const {
  std::vector<Match> found;
  for (size_t i = 0; i < words.size(); ++i) {
    if (size_t end = MatchFrom(words, i, 0); end != kNone) found.push_back({i, end});
  }
  return found;
}

PhraseIndex::Atom PhraseIndex::Intern(Ids* ids, const std::string& s) {
  auto [it, added] = ids->try_emplace(s, atom_count_);
  if (added) ++atom_count_;
  return it->second;
}

PhraseIndex::PhraseIndex(const std::vector<const Phrase*>& phrases) {
  for (const Phrase* phrase : phrases) {
    std::vector<Step> steps;
    for (const Phrase::Step& from : phrase->steps_) {
      Step step{from.kind, from.gap, {}};
      for (const auto& w : from.exact) step.atoms.push_back(Intern(&exact_, w));
      for (const auto& p : from.prefixes) {
        step.atoms.push_back(Intern(&prefixes_, p));
        if (prefix_length_.size() <= p.size()) prefix_length_.resize(p.size() + 1);
        prefix_length_[p.size()] = true;
      }
      std::sort(step.atoms.begin(), step.atoms.end());
      step.atoms.erase(std::unique(step.atoms.begin(), step.atoms.end()), step.atoms.end());
      steps.push_back(std::move(step));
    }
    phrases_.push_back(std::move(steps));
  }
  starting_with_.resize(atom_count_);
  for (uint32_t p = 0; p < phrases_.size(); ++p) {
    const Step& first = phrases_[p].front();
    if (first.kind != Phrase::Step::Kind::kWords) {
      starting_anywhere_.push_back(p);
      continue;
    }
    for (Atom atom : first.atoms) starting_with_[atom].push_back(p);
  }
}

bool PhraseIndex::Atoms::Accepts(const Step& step, size_t word) const {
  for (uint32_t k = begin[word]; k < begin[word + 1]; ++k) {
    if (std::binary_search(step.atoms.begin(), step.atoms.end(), atoms[k])) return true;
  }
  return false;
}

PhraseIndex::Atoms PhraseIndex::Read(const std::vector<std::string>& words) const {
  Atoms a;
  a.begin.reserve(words.size() + 1);
  for (const std::string& w : words) {
    a.begin.push_back(static_cast<uint32_t>(a.atoms.size()));
    if (auto it = exact_.find(w); it != exact_.end()) a.atoms.push_back(it->second);
    // Only the lengths some prefix has are looked up, shortest first.
    for (size_t n = 1; n <= std::min(w.size(), prefix_length_.size() - 1); ++n) {
      if (!prefix_length_[n]) continue;
      auto it = prefixes_.find(std::string_view(w).substr(0, n));
      if (it != prefixes_.end()) a.atoms.push_back(it->second);
    }
  }
  a.begin.push_back(static_cast<uint32_t>(a.atoms.size()));
  return a;
}

size_t PhraseIndex::MatchFrom(const std::vector<Step>& steps, const Atoms& a, size_t i,
                              size_t s) const {
  if (s == steps.size()) return i;
  const Step& step = steps[s];
  const size_t words = a.begin.size() - 1;
  switch (step.kind) {
    case Phrase::Step::Kind::kWords:
      return i < words && a.Accepts(step, i) ? MatchFrom(steps, a, i + 1, s + 1) : kNone;
    case Phrase::Step::Kind::kGap:
      for (size_t skip = 0; skip <= step.gap && i + skip <= words; ++skip) {
        if (size_t end = MatchFrom(steps, a, i + skip, s + 1); end != kNone) return end;
      }
      return kNone;
    case Phrase::Step::Kind::kNot:
      if (i == words) return MatchFrom(steps, a, i, s + 1);
      return a.Accepts(step, i) ? kNone : MatchFrom(steps, a, i + 1, s + 1);
    case Phrase::Step::Kind::kNotBefore:
      for (size_t back = 1; back <= 2 && back <= i; ++back) {
        if (a.Accepts(step, i - back)) return kNone;
      }
      return MatchFrom(steps, a, i, s + 1);
    case Phrase::Step::Kind::kEnd:
      return i == words ? MatchFrom(steps, a, i, s + 1) : kNone;
  }
  return kNone;
}

std::vector<PhraseIndex::Hit> PhraseIndex::FindAll(const std::vector<std::string>& words) const {
  std::vector<Hit> hits;
  Atoms a = Read(words);
  std::vector<uint32_t> candidates;
  auto try_at = [&](uint32_t p, size_t i) {
    if (size_t end = MatchFrom(phrases_[p], a, i, 0); end != kNone) hits.push_back({p, {i, end}});
  };
  for (size_t i = 0; i < words.size(); ++i) {
    candidates.clear();
    for (uint32_t k = a.begin[i]; k < a.begin[i + 1]; ++k) {
      const auto& starting = starting_with_[a.atoms[k]];
      candidates.insert(candidates.end(), starting.begin(), starting.end());
    }
    // A word can be both an exact word and a prefix of one first step.
    if (a.begin[i + 1] - a.begin[i] > 1) {
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }
    for (uint32_t p : candidates) try_at(p, i);
    for (uint32_t p : starting_anywhere_) try_at(p, i);
  }
  return hits;
}

}  // namespace faqbot::safety
