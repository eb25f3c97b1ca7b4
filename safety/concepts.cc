// @brief Finding concepts in a message and telling reports from questions.
#include "safety/concepts.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

namespace faqbot::safety {

namespace {

bool Contains(const std::vector<std::string>& words, const std::string& w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

bool HasAny(const std::vector<std::string>& words, const std::vector<std::string>& wanted) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return Contains(wanted, w); });
}

// Symptom names as a search would type them ("numbness bone metastases").
const std::vector<std::string>& SymptomNouns() {
  static const std::vector<std::string> kWords = {
      "numbness",   "tingling", "weakness",     "incontinence", "paralysis", "confusion",
      "drowsiness", "thirst",   "constipation", "nausea",       "fractures", "seizures"};
  return kWords;
}

// Words that tie a message to a moment, as reports do.
const std::vector<std::string>& TimeWords() {
  static const std::vector<std::string> kWords = {
      "today", "tonight", "now",   "since", "yesterday", "morning", "suddenly",
      "hours", "days",    "weeks", "ago",   "currently", "still",   "again"};
  return kWords;
}

}  // namespace

struct ConceptDetector::ClauseSignals {
  bool framed = false;       // the clause is a question or frames one
  bool topic_query = false;  // names a cancer topic, no one, and no moment
  std::vector<size_t> markers;
  std::vector<size_t> frames;
  std::vector<size_t> hypotheticals;

  // A concept is only asked about when its clause is a question and either a
  // hypothetical opens before it, or nothing before its end says who it
  // happens to, or a question frame comes between that and the concept
  // ("I have bone mets, can they cause numbness?"). A bare symptom name in a
  // topic query is asked about too.
  bool Asked(const Phrase::Match& m, const std::vector<std::string>& words) const {
    if (topic_query && m.end == m.begin + 1 && Contains(SymptomNouns(), words[m.begin])) {
      return true;
    }
    if (!framed) return false;
    for (size_t h : hypotheticals) {
      if (h < m.begin) return true;
    }
    bool any_marker = false;
    size_t last_marker = 0;
    for (size_t pos : markers) {
      if (pos < m.end) {
        any_marker = true;
        last_marker = std::max(last_marker, pos);
      }
    }
    if (!any_marker) return true;
    return std::any_of(frames.begin(), frames.end(),
                       [&](size_t f) { return f > last_marker && f < m.begin; });
  }
};

namespace {

bool IsQuestionWord(const std::string& w) {
  static const std::set<std::string, std::less<>> kWords = {
      "what",  "whats", "how",   "hows",   "why",  "when",    "where",  "which",   "who",   "can",
      "could", "do",    "does",  "is",     "are",  "will",    "would",  "should",  "shall", "may",
      "might", "isnt",  "arent", "doesnt", "tell", "explain", "define", "describe"};
  return kWords.count(w) > 0;
}

bool ParseNumber(const std::string& w, double* value) {
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) return false;
  char* end = nullptr;
  *value = std::strtod(w.c_str(), &end);
  return end && *end == '\0';
}

bool InFeverRange(double v) { return (v >= 38 && v <= 45) || (v >= 100.4 && v <= 113); }

// A body temperature of 38 C / 100.4 F or more: a number in range, said of a
// temperature or fever ("high_temperature"), or only with a unit
// ("temperature_number", which the rules accept with treatment or fever
// context). Weather, cooking and heating are not body temperatures.
void FindTemperatures(const Clause& clause,
                      std::vector<std::pair<std::string, Phrase::Match>>* out) {
  static const std::vector<std::string> kTemperature = {"temperature", "fever", "feverish",
                                                        "febrile"};
  static const std::vector<std::string> kUnits = {"c",          "celsius", "centigrade", "f",
                                                  "fahrenheit", "degrees", "degree"};
  const auto& words = clause.words;
  // Most clauses hold no number in range: settle that before the word lists.
  bool any_in_range = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    double v = 0;
    return ParseNumber(w, &v) && InFeverRange(v);
  });
  if (!any_in_range || HasAny(words, NotBodyTemperature())) return;
  bool said_of_temperature = HasAny(words, kTemperature);
  for (size_t i = 0; i < words.size(); ++i) {
    double v = 0;
    if (!ParseNumber(words[i], &v) || !InFeverRange(v)) continue;
    bool unit = i + 1 < words.size() && Contains(kUnits, words[i + 1]);
    if (said_of_temperature) {
      out->push_back({"high_temperature", {i, i + 1}});
    } else if (unit) {
      out->push_back({"temperature_number", {i, i + 2}});
    }
  }
}

}  // namespace

void Findings::Add(const std::string& id, Finding f) {
  Finding& have = found_[id];
  have.reported = have.reported || f.reported;
  have.personal = have.personal || f.personal;
}

bool Findings::Has(std::string_view id) const { return found_.find(id) != found_.end(); }

bool Findings::Reported(std::string_view id) const {
  auto it = found_.find(id);
  return it != found_.end() && it->second.reported;
}

bool Findings::Personal(std::string_view id) const {
  auto it = found_.find(id);
  return it != found_.end() && it->second.personal;
}

std::vector<std::string> Findings::Ids() const {
  std::vector<std::string> ids;
  for (const auto& [id, f] : found_) ids.push_back(id);
  return ids;
}

std::vector<ConceptDetector::Compiled> ConceptDetector::Compile() {
  std::vector<Compiled> concepts;
  for (const auto& spec : ConceptSpecs()) {
    Compiled c{spec.id, spec.role, {}, spec.unless};
    for (const auto& p : spec.phrases) c.phrases.emplace_back(p, SafetyWordSets());
    concepts.push_back(std::move(c));
  }
  return concepts;
}

std::vector<const Phrase*> ConceptDetector::AllPhrases(std::vector<uint32_t>* owner) const {
  std::vector<const Phrase*> phrases;
  for (uint32_t c = 0; c < concepts_.size(); ++c) {
    for (const auto& p : concepts_[c].phrases) {
      phrases.push_back(&p);
      owner->push_back(c);
    }
  }
  phrases.push_back(&cancer_words_);
  owner->push_back(static_cast<uint32_t>(concepts_.size()));
  return phrases;
}

ConceptDetector::ConceptDetector()
    : concepts_(Compile()),
      cancer_words_("{cancer}", SafetyWordSets()),
      index_(AllPhrases(&owner_)) {}

ConceptDetector::ClauseSignals ConceptDetector::Signals(const Clause& clause,
                                                        const Hits& hits) const {
  ClauseSignals s;
  bool cancer_topic = false;
  for (const auto& hit : hits) {
    uint32_t owner = owner_[hit.phrase];
    if (owner == concepts_.size()) {
      cancer_topic = true;
      continue;
    }
    Role role = concepts_[owner].role;
    bool question = role == Role::kQuestion;
    std::vector<size_t>* into = role == Role::kMarker              ? &s.markers
                                : role == Role::kFrame || question ? &s.frames
                                : role == Role::kHypothetical      ? &s.hypotheticals
                                                                   : nullptr;
    if (!into) continue;
    into->push_back(hit.match.begin);
    s.framed = s.framed || question;
  }
  bool opens_question = !clause.words.empty() && IsQuestionWord(clause.words[0]);
  if (opens_question) s.frames.push_back(0);
  s.framed = s.framed || clause.question || opens_question || !s.hypotheticals.empty();
  s.topic_query = s.markers.empty() && cancer_topic && !HasAny(clause.words, TimeWords());
  return s;
}

void ConceptDetector::DetectIn(const Clause& clause, Findings* findings) const {
  Hits hits = index_.FindAll(clause.words);
  ClauseSignals signals = Signals(clause, hits);
  bool named = !signals.markers.empty();
  // "person": the message says who something is happening to.
  if (named) findings->Add("person", {true, true});
  auto add = [&](const std::string& id, const Phrase::Match& m) {
    bool reported = !signals.Asked(m, clause.words);
    findings->Add(id, {reported, reported && named});
  };
  for (const auto& hit : hits) {
    uint32_t owner = owner_[hit.phrase];
    if (owner == concepts_.size()) continue;
    const Compiled& c = concepts_[owner];
    if (c.role != Role::kConcept || HasAny(clause.words, c.unless)) continue;
    add(c.id, hit.match);
  }
  std::vector<std::pair<std::string, Phrase::Match>> temperatures;
  FindTemperatures(clause, &temperatures);
  for (const auto& [id, m] : temperatures) add(id, m);
}

Findings ConceptDetector::Detect(std::string_view message) const {
  Findings findings;
  for (const Clause& clause : ReadClauses(message)) DetectIn(clause, &findings);
  return findings;
}

}  // namespace faqbot::safety
