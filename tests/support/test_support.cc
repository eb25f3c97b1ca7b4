// @brief Test helpers.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "index/bundle_builder.h"

namespace faqbot::testing {

namespace fs = std::filesystem;

std::string SourceDir() { return FAQBOT_SOURCE_DIR; }

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "faqbot-test-XXXXXX").string();
  char* made = ::mkdtemp(tmpl.data());
  if (!made) std::abort();
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

const std::string& SharedBundleRoot() {
  static TempDir* dir = new TempDir();  // lives for the whole process
  static const std::string root = [] {
    index::BuildOptions o;
    o.corpus_dir = SourceDir() + "/corpus";
    o.intents_dir = SourceDir() + "/intents";
    o.dictionary = "/usr/share/dict/words";
    o.out_root = dir->path() + "/index";
    auto report = index::BuildBundle(o);
    if (!report.ok()) {
      ADD_FAILURE() << "building the test bundle: " << report.status().ToString();
      std::abort();
    }
    return o.out_root;
  }();
  return root;
}

std::shared_ptr<const dialogue::Knowledge> SharedKnowledge() {
  static std::shared_ptr<const dialogue::Knowledge> kb = [] {
    auto loaded = dialogue::LoadKnowledge(SharedBundleRoot());
    if (!loaded.ok()) {
      ADD_FAILURE() << "loading the test bundle: " << loaded.status().ToString();
      std::abort();
    }
    return *loaded;
  }();
  return kb;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteAll(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

}  // namespace faqbot::testing
