// @brief Xapian's BM25 ranking from postings held in memory.
#include "index/bm25_ranker.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>

namespace faqbot::index {
namespace {

// Xapian::BM25Weight's defaults. With k2 = 0 the part that depends on the
// query's length is zero, and with wqf = 1 (each term given once; a term
// given twice is two terms) the k3 factor is exactly 1.
constexpr double kK1 = 1;
constexpr double kB = 0.5;
constexpr double kMinNormLength = 0.5;

}  // namespace

Bm25Ranker Bm25Ranker::Read(const Xapian::Database& db, const std::vector<uint32_t>& docids,
                            const std::string& prefix) {
  Bm25Ranker r;
  std::unordered_map<Xapian::docid, uint32_t> document_of;
  for (uint32_t k = 0; k < docids.size(); ++k) document_of[docids[k]] = k;
  // The arithmetic of BM25Weight::init and get_sumpart, in the same order,
  // so that each term's part comes out bit for bit the same.
  double average = db.get_avlength();
  double len_factor = average != 0 ? 1 / average : 0;
  r.length_part_.resize(docids.size());
  r.terms_.resize(docids.size());
  for (uint32_t k = 0; k < docids.size(); ++k) {
    Xapian::termcount length = db.get_doclength(docids[k]);
    double normlen = std::max(length * len_factor, kMinNormLength);
    r.length_part_[k] = kK1 * (normlen * kB + (1 - kB));
  }
  Xapian::doccount collection = db.get_doccount();
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    Term& term = r.by_term_[*t];
    Xapian::doccount frequency = t.get_termfreq();
    double tw = (collection - frequency + 0.5) / (frequency + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    term.weight = std::log(tw) * (kK1 + 1);
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      auto it = document_of.find(*p);
      if (it == document_of.end()) continue;
      term.postings.push_back({it->second, p.get_wdf()});
      r.terms_[it->second].push_back(*t);  // allterms come in sorted order
    }
  }
  return r;
}

std::vector<Bm25Ranker::Hit> Bm25Ranker::Rank(const std::vector<std::string>& terms, size_t limit,
                                              const std::vector<uint32_t>& only) const {
  // Weights add up in one array per thread, as long as the corpus; the
  // documents reached are listed, so only they are read back and reset.
  thread_local std::vector<double> weight;
  thread_local std::vector<uint8_t> reached;
  thread_local std::vector<uint32_t> documents;
  if (weight.size() < length_part_.size()) {
    weight.assign(length_part_.size(), 0);
    reached.assign(length_part_.size(), 0);
  }
  documents.clear();
  for (const std::string& name : terms) {
    auto it = by_term_.find(name);
    if (it == by_term_.end()) continue;
    const Term& term = it->second;
    for (const Posting& p : term.postings) {
      double wdf = p.wdf;
      if (!reached[p.document]) {
        reached[p.document] = 1;
        documents.push_back(p.document);
      }
      weight[p.document] += term.weight * (wdf / (length_part_[p.document] + wdf));
    }
  }
  std::vector<Hit> hits;
  hits.reserve(documents.size());
  for (uint32_t d : documents) {
    if (only.empty() || std::binary_search(only.begin(), only.end(), d)) {
      hits.push_back({d, weight[d]});
    }
    weight[d] = 0;
    reached[d] = 0;
  }
  auto better = [](const Hit& a, const Hit& b) {
    return a.weight > b.weight || (a.weight == b.weight && a.document < b.document);
  };
  size_t n = std::min(limit, hits.size());
  std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(n), hits.end(),
                    better);
  hits.resize(n);
  return hits;
}

}  // namespace faqbot::index
