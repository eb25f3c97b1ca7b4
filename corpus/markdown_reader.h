// Parses a curated document: YAML front matter between "---" lines, then a
// Markdown subset (ATX headings, paragraphs, "- " lists, pipe tables).
// Pure function; thread-safe.
#pragma once

#include <string_view>

#include "common/status.h"
#include "corpus/document.h"

namespace faqbot::corpus {

Result<Document> ParseDocument(std::string_view markdown);

}  // namespace faqbot::corpus
