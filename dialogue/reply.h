// The one reply model every channel renders: what the bot says, why, and on
// what authority (sources, disclaimer, referrals, safety rule). Plain value
// types; the JSON form lives in server/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "safety/contact.h"

namespace faqbot::dialogue {

enum class ReplyType { kAnswer, kClarify, kFallback, kEmergency, kCrisis, kHandoff, kSmalltalk };

const char* ReplyTypeName(ReplyType type);

struct Source {
  std::string title;
  std::string publisher;
  std::string url;
  std::string section;
  std::string passage_id;
  std::string quote;
};

struct Referral {
  std::string name;
  std::string url;
  std::string reason;  // "support", "information", ...
};

struct SafetyInfo {
  std::string rule;  // SAFETY.md rule id: "mscc", "self_harm", "personal_advice", ...
  std::vector<safety::Contact> contacts;
};

struct ScoredIntent {
  std::string name;
  double confidence = 0;
};

struct Reply {
  std::string session_id;
  ReplyType type = ReplyType::kFallback;
  std::string text;
  std::optional<ScoredIntent> intent;
  std::vector<ScoredIntent> alternatives;
  std::vector<Source> sources;
  std::string disclaimer;
  std::vector<Referral> referrals;
  std::vector<std::string> suggestions;
  std::optional<SafetyInfo> safety;
  std::string corpus_version;
};

}  // namespace faqbot::dialogue
