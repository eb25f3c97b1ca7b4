// Splits a curated document into passages at section, paragraph and list
// boundaries. Lists of labelled items ("Biopsy: ...") give a passage per item;
// lists of short unlabelled items stay whole, joined to the paragraph that
// introduces them. Pure function; thread-safe.
#pragma once

#include <vector>

#include "corpus/document.h"
#include "index/passage.h"

namespace faqbot::index {

std::vector<Passage> SplitDocument(const corpus::Document& doc);

}  // namespace faqbot::index
