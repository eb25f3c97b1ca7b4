// @brief Read-only passage search over Xapian with a pool of database handles.
#include "index/xapian_search_index.h"

#include <xapian.h>

#include <cmath>
#include <condition_variable>
#include <mutex>
#include <unordered_map>

#include "index/passage_codec.h"

namespace faqbot::index {
namespace {

class HandlePool {
 public:
  void Add(std::unique_ptr<Xapian::Database> db) { free_.push_back(std::move(db)); }

  std::unique_ptr<Xapian::Database> Acquire() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    auto db = std::move(free_.back());
    free_.pop_back();
    return db;
  }

  void Release(std::unique_ptr<Xapian::Database> db) {
    {
      std::lock_guard lock(mu_);
      free_.push_back(std::move(db));
    }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Xapian::Database>> free_;
};

class XapianSearchIndex : public SearchIndex {
 public:
  XapianSearchIndex(std::vector<Passage> passages, std::vector<Xapian::docid> docids,
                    std::string version)
      : passages_(std::move(passages)), version_(std::move(version)) {
    for (size_t i = 0; i < passages_.size(); ++i) {
      by_id_[passages_[i].id] = i;
      by_docid_[docids[i]] = i;
    }
  }

  HandlePool& pool() { return pool_; }

  Result<std::vector<SearchHit>> Search(const SearchQuery& query) const override {
    auto db = pool_.Acquire();
    auto result = SearchWith(*db, query);
    pool_.Release(std::move(db));
    return result;
  }

  const Passage* Find(std::string_view id) const override {
    auto it = by_id_.find(std::string(id));
    return it == by_id_.end() ? nullptr : &passages_[it->second];
  }

  const std::vector<Passage>& passages() const override { return passages_; }

  size_t DocumentFrequency(const std::string& stem) const override {
    auto db = pool_.Acquire();
    size_t df = 0;
    try {
      df = db->get_termfreq("Z" + stem);
    } catch (const Xapian::Error&) {
      df = 0;
    }
    pool_.Release(std::move(db));
    return df;
  }

  const std::string& version() const override { return version_; }

 private:
  Result<std::vector<SearchHit>> SearchWith(Xapian::Database& db, const SearchQuery& q) const {
    std::vector<SearchHit> hits;
    if (q.stems.empty()) return hits;
    try {
      std::vector<Xapian::Query> terms;
      std::unordered_map<std::string, double> idf;
      double total = 0;
      for (const auto& s : q.stems) {
        std::string term = "Z" + s;
        double df = static_cast<double>(db.get_termfreq(term));
        // Unseen words weigh as much as the rarest possible word.
        double w = std::log((static_cast<double>(passages_.size()) + 1) / (df > 0 ? df : 0.5));
        idf[term] = w;
        total += w;
        terms.emplace_back(term);
      }
      Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
      if (!q.within.empty()) {
        std::vector<Xapian::Query> ids;
        for (const auto& id : q.within) ids.emplace_back("Q" + id);
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
      }
      Xapian::Enquire enquire(db);
      enquire.set_query(query);
      Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(q.limit));
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        auto found = by_docid_.find(*it);
        if (found == by_docid_.end()) continue;
        const Passage* p = &passages_[found->second];
        double matched = 0;
        for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it);
             ++t) {
          matched += idf[*t];
        }
        hits.push_back({p, it.get_weight(), total > 0 ? matched / total : 0});
      }
    } catch (const Xapian::Error& e) {
      return Status::Unavailable("search failed: " + e.get_description());
    }
    return hits;
  }

  std::vector<Passage> passages_;
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<Xapian::docid, size_t> by_docid_;
  std::string version_;
  mutable HandlePool pool_;
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
    auto index =
        std::make_unique<XapianSearchIndex>(std::move(passages), std::move(docids), version);
    for (size_t i = 0; i < std::max<size_t>(1, options.handles); ++i) {
      index->pool().Add(std::make_unique<Xapian::Database>(path));
    }
    return std::unique_ptr<SearchIndex>(std::move(index));
  } catch (const Xapian::Error& e) {
    return Status::Unavailable("cannot open index " + path + ": " + e.get_description());
  }
}

}  // namespace faqbot::index
