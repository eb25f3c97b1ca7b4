// Loads every curated document of a corpus folder (corpus/documents/*.md) in
// file-name order. Stateless; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "corpus/document.h"

namespace faqbot::corpus {

Result<std::vector<Document>> LoadCorpus(const std::string& corpus_dir);

// Reads a whole file; NotFound when it cannot be opened.
Result<std::string> ReadFile(const std::string& path);

}  // namespace faqbot::corpus
