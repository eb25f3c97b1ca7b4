// SearchIndex over a Xapian database opened read-only. Xapian::Database is not
// safe to share between threads, so a fixed pool of handles is opened up
// front and each search borrows one; a small database is copied into memory
// for each. Thread-safe.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "index/search_index.h"

namespace faqbot::index {

struct XapianOpenOptions {
  size_t handles = 8;  // concurrent searches; more wait for a free handle
  // A database of at most this many passages is copied into memory for each
  // handle, so that searching it never reads from disk; larger ones are
  // searched on disk.
  size_t in_memory_up_to = 10000;
};

Result<std::unique_ptr<SearchIndex>> OpenXapianIndex(const std::string& path,
                                                     const XapianOpenOptions& options = {});

}  // namespace faqbot::index
