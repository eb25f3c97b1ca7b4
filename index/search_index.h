// The search interface the rest of the bot depends on: rank passages for a
// set of stems, look passages up by id. Only index/ knows Xapian is behind it.
// Implementations are thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "index/passage.h"

namespace faqbot::index {

struct SearchQuery {
  std::vector<std::string> stems;  // content stems from the Analyzer
  size_t limit = 5;
  std::vector<std::string> within;  // rank only these passage ids; empty means all
  // How many of the best hits get their coverage worked out; the others
  // carry kNotCovered. Ranking a whole small corpus needs it for a few only.
  size_t covered = static_cast<size_t>(-1);
};

struct SearchHit {
  const Passage* passage = nullptr;
  double score = 0;  // BM25
  // Share of the query's weight (inverse document frequency) that this
  // passage matches; query terms the index has never seen weigh the most.
  double coverage = 0;
  static constexpr double kNotCovered = -1;
};

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) const = 0;
  virtual const Passage* Find(std::string_view passage_id) const = 0;
  virtual const std::vector<Passage>& passages() const = 0;
  // How many passages contain `stem`.
  virtual size_t DocumentFrequency(const std::string& stem) const = 0;
  virtual const std::string& version() const = 0;
};

}  // namespace faqbot::index
