// @brief Message -> classifier features.
#include "intents/features.h"

#include <algorithm>
#include <unordered_set>

namespace faqbot::intents {
namespace {

// Words that say nothing about what is asked. Question words, pronouns and
// modal verbs stay: "why", "should I", "who are you" carry the intent.
bool IsFiller(const std::string& word) {
  static const std::unordered_set<std::string> kFiller = {
      "a",     "an",     "the",    "of",   "to",     "in",    "on",    "at",   "by",   "for",
      "with",  "from",   "into",   "onto", "and",    "or",    "but",   "that", "this", "these",
      "those", "it",     "its",    "be",   "been",   "being", "there", "here", "so",   "just",
      "very",  "really", "please", "um",   "uh",     "ok",    "okay",  "also", "then", "than",
      "some",  "any",    "as",     "if",   "about",  "up",    "out",   "too",  "am",   "was",
      "were",  "has",    "have",   "had",  "having", "get",   "got",   "s",    "t",    "d"};
  return kFiller.count(word) > 0;
}

// Entity types that say what a message is about rather than what it asks.
// Their words become one placeholder, so "survival rate for chordoma" and
// "survival rate for osteosarcoma" look alike, and the topic is left to the
// entities rather than learnt from words.
bool IsMasked(const std::string& type) {
  return type == "topic" || type == "cancer_type" || type == "uncovered_type" ||
         type == "primary_cancer" || type == "other_condition";
}

}  // namespace

std::vector<std::string> ExtractFeatures(const index::Analysis& a,
                                         const std::vector<Entity>& entities) {
  std::vector<std::string> placeholder(a.words.size());
  for (const auto& e : entities) {
    if (!IsMasked(e.type)) continue;
    for (size_t k = e.begin; k < e.end; ++k) placeholder[k] = "@" + e.type;
  }
  std::vector<std::string> kept;
  for (size_t i = 0; i < a.words.size(); ++i) {
    if (!placeholder[i].empty()) {
      if (kept.empty() || kept.back() != placeholder[i]) kept.push_back(placeholder[i]);
    } else if (!IsFiller(a.words[i])) {
      kept.push_back(a.stems[i]);
    }
  }
  std::vector<std::string> f;
  f.reserve(kept.size() * 2 + entities.size() + 1);
  for (const auto& s : kept) f.push_back("u:" + s);
  for (size_t i = 0; i + 1 < kept.size(); ++i) f.push_back("b:" + kept[i] + "_" + kept[i + 1]);
  if (!kept.empty()) f.push_back("first:" + kept.front());
  for (const auto& e : entities) f.push_back("e:" + e.type);
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

}  // namespace faqbot::intents
