// Stores a passage in a Xapian document's data and reads it back.
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "common/status.h"
#include "index/passage.h"

namespace faqbot::index {

std::string EncodePassage(const Passage& p);
Result<Passage> DecodePassage(const std::string& data);

}  // namespace faqbot::index
