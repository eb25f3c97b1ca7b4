// Ranks a corpus small enough to hold in memory exactly as Xapian's matcher
// ranks it for an OR of terms: each matching passage weighs the sum of
// Xapian::BM25Weight's parts (its default parameters) over the terms it holds,
// best first, equal weights in document-id order. The postings, document
// lengths and statistics are read out of the Xapian database once; a search
// then costs a pass over the postings of its few terms, without the query
// tree, weight objects, statistics maps and MSet that Xapian sets up per
// search -- which on a corpus of a few hundred passages cost several times
// more than the scoring itself. Weights can differ from Xapian's in the last
// bit (the terms are summed in query order, not Xapian's tree order);
// tests/index/bm25_ranker_test.cc checks rankings and weights against
// Enquire::get_mset. Immutable after Read; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace Xapian {
class Database;
}  // namespace Xapian

namespace faqbot::index {

class Bm25Ranker {
 public:
  // Reads every term starting with `prefix` of the documents `docids` (in
  // ascending order); document k of the ranking is docids[k]. Throws
  // Xapian::Error as the database does.
  static Bm25Ranker Read(const Xapian::Database& db, const std::vector<uint32_t>& docids,
                         const std::string& prefix);

  struct Hit {
    uint32_t document = 0;  // the position in Read's `docids`
    double weight = 0;
  };
  // The `limit` best documents holding at least one of `terms` (prefixed, in
  // query order; a term given twice counts twice, as in Xapian), best first.
  // With `only` non-empty, only the documents it lists (sorted) are ranked;
  // the weights stay those of the whole corpus.
  std::vector<Hit> Rank(const std::vector<std::string>& terms, size_t limit,
                        const std::vector<uint32_t>& only) const;

  // The terms of document `document`, sorted.
  const std::vector<std::string>& TermsOf(uint32_t document) const { return terms_[document]; }

 private:
  struct Posting {
    uint32_t document = 0;
    uint32_t wdf = 0;
  };
  struct Term {
    double weight = 0;  // BM25Weight's termweight: from the term's frequency
    std::vector<Posting> postings;
  };

  std::unordered_map<std::string, Term> by_term_;
  std::vector<double> length_part_;  // by document: k1 (normalised length b + 1 - b)
  std::vector<std::vector<std::string>> terms_;
};

}  // namespace faqbot::index
