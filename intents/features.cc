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

// Pronouns, auxiliaries and modal verbs: in pairs and at the start they shape
// a question ("should I", "is it"); alone they are noise.
bool IsFunctionWord(const std::string& word) {
  static const std::unordered_set<std::string> kWords = {
      "i",     "me",    "my",     "mine",   "we",    "our",   "us",    "you",   "your",
      "he",    "him",   "his",    "she",    "her",   "they",  "them",  "their", "is",
      "are",   "am",    "was",    "were",   "be",    "do",    "does",  "did",   "can",
      "could", "will",  "would",  "should", "shall", "may",   "might", "must",  "what",
      "how",   "why",   "who",    "where",  "when",  "which", "whats", "hows",  "im",
      "ive",   "id",    "ill",    "its",    "not",   "no",    "dont",  "cant",  "wont",
      "isnt",  "arent", "doesnt", "didnt",  "there", "here",  "all",   "any",   "some",
      "other", "more",  "most",   "much",   "many",  "very",  "so",    "too",   "just"};
  return kWords.count(word) > 0;
}

bool IsQuestionWord(const std::string& stem) {
  static const std::unordered_set<std::string> kWords = {"what",  "how",  "why",   "who",
                                                         "where", "when", "which", "whi"};
  return kWords.count(stem) > 0;
}

// A message opening with one of these asks a yes/no question ("will he die
// from it?", "is it curable?") rather than telling something ("he died").
bool IsAuxiliary(const std::string& stem) {
  static const std::unordered_set<std::string> kWords = {
      "will", "would", "can",    "could", "is",  "are",   "am",  "do",
      "doe",  "did",   "should", "shall", "may", "might", "has", "have"};
  return kWords.count(stem) > 0;
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

std::vector<index::SearchHit> PickForFeatures(const std::vector<index::SearchHit>& ranked) {
  constexpr double kMinCoverage = 0.3;
  std::vector<index::SearchHit> out;
  for (size_t i = 0; i < ranked.size() && i < kFeaturePassages; ++i) {
    if (ranked[i].coverage >= kMinCoverage) out.push_back(ranked[i]);
  }
  return out;
}

std::vector<index::SearchHit> RetrieveForFeatures(const index::SearchIndex& index,
                                                  const index::Analysis& analysis) {
  auto hits = index.Search({analysis.ContentStems(), kFeaturePassages, {}});
  return hits.ok() ? PickForFeatures(*hits) : std::vector<index::SearchHit>{};
}

std::vector<std::string> ExtractFeatures(const index::Analysis& a,
                                         const std::vector<Entity>& entities,
                                         const std::vector<index::SearchHit>& retrieved) {
  std::vector<std::string> placeholder(a.words.size());
  for (const auto& e : entities) {
    if (!IsMasked(e.type)) continue;
    for (size_t k = e.begin; k < e.end; ++k) placeholder[k] = "@" + e.type;
  }
  std::vector<std::string> kept;
  std::vector<bool> function_word;
  for (size_t i = 0; i < a.words.size(); ++i) {
    if (!placeholder[i].empty()) {
      if (kept.empty() || kept.back() != placeholder[i]) {
        kept.push_back(placeholder[i]);
        function_word.push_back(false);
      }
    } else if (!IsFiller(a.words[i])) {
      kept.push_back(a.stems[i]);
      function_word.push_back(IsFunctionWord(a.words[i]));
    }
  }
  std::vector<std::string> f;
  f.reserve(kept.size() * 2 + entities.size() + 1);
  // Function words ("is", "my", "can") alone mean little; in pairs ("what
  // causes", "should I") and at the start of a question they carry intent.
  for (size_t i = 0; i < kept.size(); ++i) {
    if (!function_word[i]) f.push_back("u:" + kept[i]);
  }
  for (size_t i = 0; i + 1 < kept.size(); ++i) f.push_back("b:" + kept[i] + "_" + kept[i + 1]);
  if (!kept.empty() && IsQuestionWord(kept.front())) f.push_back("first:" + kept.front());
  if (!kept.empty() && IsAuxiliary(kept.front())) f.push_back("first:aux");
  for (const auto& e : entities) f.push_back("e:" + e.type);
  for (const auto& h : retrieved) f.push_back("p:" + h.passage->id);
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

}  // namespace faqbot::intents
