// @brief Reply type names.
#include "dialogue/reply.h"

namespace faqbot::dialogue {

const char* ReplyTypeName(ReplyType type) {
  switch (type) {
    case ReplyType::kAnswer:
      return "answer";
    case ReplyType::kClarify:
      return "clarify";
    case ReplyType::kFallback:
      return "fallback";
    case ReplyType::kEmergency:
      return "emergency";
    case ReplyType::kCrisis:
      return "crisis";
    case ReplyType::kHandoff:
      return "handoff";
    case ReplyType::kSmalltalk:
      return "smalltalk";
  }
  return "fallback";
}

}  // namespace faqbot::dialogue
