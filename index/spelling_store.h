// Loads a SpellCorrector from a bundle: the vocabulary from the Xapian
// spelling table, the guard list from a word-per-line file.
#pragma once

#include <string>

#include "common/status.h"
#include "index/spelling.h"

namespace faqbot::index {

Result<SpellCorrector> LoadSpelling(const std::string& xapian_path,
                                    const std::string& protected_words_path);

}  // namespace faqbot::index
