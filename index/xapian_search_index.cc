// @brief Read-only passage search over Xapian with a pool of database handles.
#include "index/xapian_search_index.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <unordered_map>

#include "index/bm25_ranker.h"
#include "index/passage_codec.h"

namespace faqbot::index {
namespace {

// One database handle and the Enquire that searches it, kept together so a
// search does not build (and copy the handle into) a new Enquire each time.
struct Handle {
  explicit Handle(std::unique_ptr<Xapian::Database> database)
      : db(std::move(database)), enquire(*db) {}
  std::unique_ptr<Xapian::Database> db;
  Xapian::Enquire enquire;
};

class HandlePool {
 public:
  void Add(std::unique_ptr<Xapian::Database> db) {
    free_.push_back(std::make_unique<Handle>(std::move(db)));
  }

  std::unique_ptr<Handle> Acquire() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    auto handle = std::move(free_.back());
    free_.pop_back();
    return handle;
  }

  void Release(std::unique_ptr<Handle> handle) {
    {
      std::lock_guard lock(mu_);
      free_.push_back(std::move(handle));
    }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Handle>> free_;
};

// The stems ("Z" terms) of one passage, sorted: what a hit matched is read
// from here rather than from the database's term list on every search.
using TermSet = std::vector<std::string>;

class XapianSearchIndex : public SearchIndex {
 public:
  XapianSearchIndex(std::vector<Passage> passages, std::vector<Xapian::docid> docids,
                    std::unordered_map<std::string, Xapian::doccount> frequencies,
                    std::string version)
      : passages_(std::move(passages)),
        frequencies_(std::move(frequencies)),
        version_(std::move(version)),
        terms_(passages_.size()) {
    Xapian::docid last = docids.empty() ? 0 : *std::max_element(docids.begin(), docids.end());
    passage_of_docid_.assign(static_cast<size_t>(last) + 1, kNoPassage);
    for (size_t i = 0; i < passages_.size(); ++i) {
      by_id_[passages_[i].id] = i;
      passage_of_docid_[docids[i]] = i;
    }
  }

  ~XapianSearchIndex() override {
    for (auto& t : terms_) delete t.load();
  }

  HandlePool& pool() { return pool_; }

  // Ranks in memory from now on: the corpus is small (see bm25_ranker.h).
  void RankInMemory(Bm25Ranker ranker) {
    ranker_ = std::make_unique<const Bm25Ranker>(std::move(ranker));
  }

  Result<std::vector<SearchHit>> Search(const SearchQuery& query) const override {
    if (ranker_) return SearchInMemory(query);
    auto handle = pool_.Acquire();
    auto result = SearchWith(*handle, query);
    pool_.Release(std::move(handle));
    return result;
  }

  const Passage* Find(std::string_view id) const override {
    auto it = by_id_.find(std::string(id));
    return it == by_id_.end() ? nullptr : &passages_[it->second];
  }

  const std::vector<Passage>& passages() const override { return passages_; }

  size_t DocumentFrequency(const std::string& stem) const override { return Frequency("Z" + stem); }

  const std::string& version() const override { return version_; }

 private:
  size_t Frequency(const std::string& term) const {
    auto it = frequencies_.find(term);
    return it == frequencies_.end() ? 0 : it->second;
  }

  // The passage's terms, read from the database the first time it is a hit.
  // The database is read-only, so every thread reads the same set; the first
  // to publish it wins.
  const TermSet& TermsOf(Xapian::Database& db, Xapian::docid docid, size_t passage) const {
    if (const TermSet* have = terms_[passage].load(std::memory_order_acquire)) return *have;
    auto read = std::make_unique<TermSet>();
    for (auto t = db.termlist_begin(docid); t != db.termlist_end(docid); ++t) {
      if (!(*t).empty() && (*t)[0] == 'Z') read->push_back(*t);
    }
    const TermSet* expected = nullptr;
    if (terms_[passage].compare_exchange_strong(expected, read.get(), std::memory_order_acq_rel)) {
      return *read.release();
    }
    return *expected;
  }

  // The query's terms ("Z" + stem) and each one's share of its weight:
  // unseen words weigh as much as the rarest possible word.
  struct Terms {
    std::vector<std::string> terms;
    std::vector<double> idf;
    double total = 0;
  };
  Terms TermsFor(const SearchQuery& q) const {
    Terms t;
    t.terms.reserve(q.stems.size());
    t.idf.reserve(q.stems.size());
    for (const auto& s : q.stems) {
      std::string term = "Z" + s;
      double df = static_cast<double>(Frequency(term));
      double w = std::log((static_cast<double>(passages_.size()) + 1) / (df > 0 ? df : 0.5));
      t.idf.push_back(w);
      t.total += w;
      t.terms.push_back(std::move(term));
    }
    return t;
  }

  // The share of the query's weight that a passage with terms `has` matches.
  // A stem given twice weighs twice in the total but matches once.
  static double Coverage(const Terms& q, const TermSet& has) {
    double matched = 0;
    for (size_t k = 0; k < q.terms.size(); ++k) {
      auto first = q.terms.begin();
      bool repeat = std::find(first, first + k, q.terms[k]) != first + k;
      if (!repeat && std::binary_search(has.begin(), has.end(), q.terms[k])) matched += q.idf[k];
    }
    return q.total > 0 ? matched / q.total : 0;
  }

  Result<std::vector<SearchHit>> SearchInMemory(const SearchQuery& q) const {
    std::vector<SearchHit> hits;
    if (q.stems.empty()) return hits;
    Terms t = TermsFor(q);
    std::vector<uint32_t> only;
    for (const auto& id : q.within) {
      if (auto it = by_id_.find(id); it != by_id_.end()) {
        only.push_back(static_cast<uint32_t>(it->second));
      }
    }
    if (!q.within.empty() && only.empty()) return hits;
    std::sort(only.begin(), only.end());
    for (const auto& h : ranker_->Rank(t.terms, q.limit, only)) {
      double coverage = hits.size() >= q.covered ? SearchHit::kNotCovered
                                                 : Coverage(t, ranker_->TermsOf(h.document));
      hits.push_back({&passages_[h.document], h.weight, coverage});
    }
    return hits;
  }

  Result<std::vector<SearchHit>> SearchWith(Handle& handle, const SearchQuery& q) const {
    std::vector<SearchHit> hits;
    if (q.stems.empty()) return hits;
    try {
      Terms t = TermsFor(q);
      Xapian::Query query(Xapian::Query::OP_OR, t.terms.begin(), t.terms.end());
      if (!q.within.empty()) {
        // Filter terms carry no weight: the set ranks as in the whole corpus.
        // (A MatchDecider would fetch every candidate document: far slower on
        // a large corpus.)
        std::vector<Xapian::Query> ids;
        for (const auto& id : q.within) ids.emplace_back("Q" + id);
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
      }
      handle.enquire.set_query(query);
      Xapian::MSet mset = handle.enquire.get_mset(0, static_cast<Xapian::doccount>(q.limit));
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        size_t passage = *it < passage_of_docid_.size() ? passage_of_docid_[*it] : kNoPassage;
        if (passage == kNoPassage) continue;
        const Passage* p = &passages_[passage];
        double coverage = hits.size() >= q.covered ? SearchHit::kNotCovered
                                                   : Coverage(t, TermsOf(*handle.db, *it, passage));
        hits.push_back({p, it.get_weight(), coverage});
      }
    } catch (const Xapian::Error& e) {
      return Status::Unavailable("search failed: " + e.get_description());
    }
    return hits;
  }

  std::vector<Passage> passages_;
  std::unordered_map<std::string, size_t> by_id_;
  // The passage of each document id (ids are dense: 1..N as written).
  static constexpr size_t kNoPassage = static_cast<size_t>(-1);
  std::vector<size_t> passage_of_docid_;
  // How many passages hold each "Z" term: the same figures as
  // Database::get_termfreq, read once when the index opens.
  std::unordered_map<std::string, Xapian::doccount> frequencies_;
  std::string version_;
  mutable std::vector<std::atomic<const TermSet*>> terms_;  // by passage; null until read
  mutable HandlePool pool_;
  std::unique_ptr<const Bm25Ranker> ranker_;  // null: Xapian's matcher ranks
};

}  // namespace

Result<std::unique_ptr<SearchIndex>> OpenXapianIndex(const std::string& path,
                                                     const XapianOpenOptions& options) {
  try {
    Xapian::Database db(path);
    std::vector<Passage> passages;
    std::vector<Xapian::docid> docids;
    passages.reserve(db.get_doccount());
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      auto p = DecodePassage(db.get_document(*it).get_data());
      if (!p.ok()) return p.status();
      passages.push_back(std::move(p).value());
      docids.push_back(*it);
    }
    std::string version = db.get_metadata("corpus_version");
    if (version.empty()) return Status::InvalidArgument(path + " has no corpus_version metadata");
    std::unordered_map<std::string, Xapian::doccount> frequencies;
    for (auto t = db.allterms_begin("Z"); t != db.allterms_end("Z"); ++t) {
      frequencies.emplace(*t, t.get_termfreq());
    }
    // Passages are read in document-id order, so passage k is ranker document k.
    std::vector<uint32_t> ids(docids.begin(), docids.end());
    auto index = std::make_unique<XapianSearchIndex>(std::move(passages), std::move(docids),
                                                     std::move(frequencies), version);
    if (db.get_doccount() <= options.in_memory_up_to) {
      index->RankInMemory(Bm25Ranker::Read(db, ids, "Z"));
    } else {
      for (size_t i = 0; i < std::max<size_t>(1, options.handles); ++i) {
        index->pool().Add(std::make_unique<Xapian::Database>(path));
      }
    }
    return std::unique_ptr<SearchIndex>(std::move(index));
  } catch (const Xapian::Error& e) {
    return Status::Unavailable("cannot open index " + path + ": " + e.get_description());
  }
}

}  // namespace faqbot::index
