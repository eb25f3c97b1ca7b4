// @brief Parsing and matching of the safety rules' phrase notation.
#include "safety/phrase.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

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

}  // namespace faqbot::safety
