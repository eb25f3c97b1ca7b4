// Clauses: a message cut where its writer paused -- at sentence punctuation,
// semicolons, commas and line breaks -- so that the question inside chatter
// ("whats a bone met, oncologist said mum has them in her spine") can be
// understood on its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace faqbot::dialogue {

// The clauses of `message`, trimmed, in order; those without a letter or
// digit are dropped. A full
// stop or comma splits only when followed by a space or the end, so
// "38.5" and "1,600" stay whole.
std::vector<std::string> SplitClauses(std::string_view message);

}  // namespace faqbot::dialogue
