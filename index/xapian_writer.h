// Writes passages into a new Xapian database: stemmed terms (headings weighted
// above body text), stop words left out, a term per passage id and topic,
// spelling data, the synonym table and the corpus version in the metadata.
// Not thread-safe; used by the indexer only.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "index/analyzer.h"
#include "index/passage.h"

namespace faqbot::index {

struct WriteOptions {
  int heading_weight = 3;  // within-document frequency added per heading word
  std::map<std::string, std::string> metadata;
};

Status WriteXapianIndex(const std::string& path, const std::vector<Passage>& passages,
                        const Analyzer& analyzer, const WriteOptions& options);

}  // namespace faqbot::index
