// The reply model as plain-text blocks, for channels that show text rather
// than structured JSON (Telegram, SMS, Slack, Dialogflow, Direct Line, Rasa):
// the answer, the safety contacts, sources, disclaimer and referrals, plus
// helpers that fit the blocks into a platform's message-size limit without
// ever dropping the safety contacts or the disclaimer. Pure functions;
// thread-safe.
#pragma once

#include <string>
#include <vector>

#include "dialogue/reply.h"

namespace faqbot::server::channels {

struct PlainReply {
  std::string text;        // the reply's own text
  std::string safety;      // "Get help now:\n- Emergency services: 911 ..." or empty
  std::string sources;     // "Sources:\n1. Title - Publisher (section)\n   url" or empty
  std::string disclaimer;  // or empty
  std::string referrals;   // "More support:\n- Name: url" or empty
  // "You could also ask:" lines, for channels without buttons; suggestions
  // already spelled out in `text` (a clarification's options) are left out.
  std::string suggestions;
};

PlainReply RenderPlain(const dialogue::Reply& reply);

// The non-empty blocks in reading order; `with_suggestions` adds the
// suggestions block for channels that cannot show them as buttons.
std::vector<std::string> Blocks(const PlainReply& reply, bool with_suggestions);

// The blocks joined by blank lines, at most `max_chars` code points: when
// too long, the reply text is shortened at a sentence or word boundary (the
// sources hold the full text) and, if that is not enough, the optional blocks
// go; the safety contacts and the disclaimer always stay.
std::string FitPlain(const PlainReply& reply, bool with_suggestions, size_t max_chars);

// Packs blocks into as few messages as possible, each at most `max_chars` code
// points, splitting a block that is too long at paragraph, line or word
// boundaries. Order is kept, so the safety contacts come right after the text.
std::vector<std::string> SplitMessages(const std::vector<std::string>& blocks, size_t max_chars);

// Cuts `text` to at most `max_chars` code points, at the last sentence end or
// else whitespace that fits, and marks the cut with an ellipsis.
std::string Shorten(const std::string& text, size_t max_chars);

}  // namespace faqbot::server::channels
