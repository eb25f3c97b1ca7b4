// The intent catalogue: everything the bot can be asked, loaded from the
// hand-edited YAML files in intents/. Each intent has example messages, the
// passages (or facts) that answer it, and follow-up suggestions.
// Immutable after loading; thread-safe to read.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace faqbot::intents {

enum class IntentKind {
  kAnswer,             // quote the listed passages
  kSurvival,           // look figures up in the survival table by entities
  kSmalltalk,          // greeting, thanks, goodbye, who/what are you
  kHandoff,            // the person wants a human
  kUnsupported,        // a kind of question the corpus does not answer
  kPersonalAdvice,     // dosing, choosing or stopping treatment, own results
  kPersonalStatement,  // "I have stage 4 osteosarcoma": remembered, acknowledged
  kOutOfScope,         // everyday requests that have nothing to do with the corpus
};

const char* KindName(IntentKind kind);

struct AnswerSpec {
  enum class Select { kAll, kBest };
  std::vector<std::string> passages;  // candidate passage ids, in reading order
  Select select = Select::kAll;       // all of them, or the best-matching few
  size_t max = 2;                     // how many "best" passages
  // Entity types that narrow the answer: when the message names one ("what
  // is a biopsy"), only the best-matching passages are quoted.
  std::vector<std::string> focus;
};

struct Intent {
  std::string name;  // "bone_mets.symptoms"
  IntentKind kind = IntentKind::kAnswer;
  std::string topic;     // "bone_mets", "stage4" or empty when it spans both
  std::string aspect;    // "symptoms"; intents sharing an aspect are topic siblings
  std::string question;  // how the bot phrases it in suggestions and clarifications
  std::vector<std::string> examples;
  AnswerSpec answer;
  std::string lead_in;                   // optional first line of an answer
  std::vector<std::string> responses;    // text for non-medical kinds
  std::vector<std::string> suggestions;  // names of intents to offer next
  bool medical = true;                   // needs sources, disclaimer, referrals
  // When set, the intent applies only to a message holding one of these words
  // or phrases as written: stems cannot tell "my mum died" from "will my mum
  // die". Finding one is evidence enough to accept the intent.
  std::vector<std::string> requires_words;
};

class Catalogue {
 public:
  Catalogue() = default;
  // Loads every *.yaml file of `dir` in name order.
  static Result<Catalogue> LoadDir(const std::string& dir);
  static Result<Catalogue> Parse(const std::vector<std::string>& yaml_files);

  const Intent* Find(const std::string& name) const;
  // The intent with this aspect for another topic ("stage4.symptoms" for
  // "bone_mets.symptoms" and topic "stage4"), or nullptr.
  const Intent* Sibling(const Intent& intent, const std::string& topic) const;
  const std::vector<Intent>& intents() const { return intents_; }

  // Checks every referenced passage exists and every suggestion names an intent.
  Status Validate(const std::function<bool(const std::string&)>& passage_exists) const;

 private:
  std::vector<Intent> intents_;
  std::map<std::string, size_t> by_name_;
};

}  // namespace faqbot::intents
