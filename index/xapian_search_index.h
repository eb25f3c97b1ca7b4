// SearchIndex over a Xapian database opened read-only. A small database is
// read into memory once and ranked there the way Xapian ranks it (see
// bm25_ranker.h); a larger one is searched by Xapian's matcher on disk.
// Xapian::Database is not safe to share between threads, so for those a
// fixed pool of handles is opened up front and each search borrows one.
// Thread-safe.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "index/search_index.h"

namespace faqbot::index {

struct XapianOpenOptions {
  size_t handles = 8;  // concurrent searches on disk; more wait for a free handle
  // A database of at most this many passages is ranked in memory; larger ones
  // are searched on disk.
  size_t in_memory_up_to = 10000;
};

Result<std::unique_ptr<SearchIndex>> OpenXapianIndex(const std::string& path,
                                                     const XapianOpenOptions& options = {});

}  // namespace faqbot::index
