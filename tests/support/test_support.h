// Test helpers: temporary directories, and one bundle built per test binary
// from the repository's own corpus/ and intents/. Not thread-safe; call from
// test bodies and fixtures only.
#pragma once

#include <memory>
#include <string>

#include "dialogue/knowledge.h"

namespace faqbot::testing {

std::string SourceDir();

// A fresh directory, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The root of a bundle built from the repository (once per process).
const std::string& SharedBundleRoot();
std::shared_ptr<const dialogue::Knowledge> SharedKnowledge();

std::string ReadAll(const std::string& path);
void WriteAll(const std::string& path, const std::string& content);

}  // namespace faqbot::testing
