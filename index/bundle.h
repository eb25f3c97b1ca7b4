// The on-disk layout of a built index ("bundle") and its atomic publication.
// A bundle is one directory holding everything the server loads for one
// corpus version: the Xapian database, the trained intent model and the
// hand-edited sources they were built from. The indexer builds a bundle in a
// staging directory beside the live one, then repoints `<root>/current` with a
// rename, so a reader sees the old bundle or the new one, never a mixture.
// Functions are safe to call from several processes.
#pragma once

#include <string>

#include "common/status.h"

namespace faqbot::index {

struct BundlePaths {
  std::string dir;
  std::string xapian() const { return dir + "/xapian"; }
  std::string intents() const { return dir + "/intents"; }  // catalogue YAML files
  std::string lexicon() const { return dir + "/lexicon.yaml"; }
  std::string entities() const { return dir + "/entities.yaml"; }
  std::string facts() const { return dir + "/survival.yaml"; }
  std::string model() const { return dir + "/intent_model.tsv"; }
  std::string protected_words() const { return dir + "/protected_words.txt"; }
  std::string manifest() const { return dir + "/MANIFEST"; }
  // Every passage as one JSON object a line: for people and tools to read.
  std::string passages() const { return dir + "/passages.jsonl"; }
};

// A new, empty staging directory under `root` (created if needed).
Result<std::string> CreateStagingDir(const std::string& root);

// Renames `staging` to `<root>/v-<version>` and points `<root>/current` at it
// atomically. Keeps the `keep` most recent versions and removes older ones.
Status PublishBundle(const std::string& root, const std::string& staging,
                     const std::string& version, int keep = 3);

// The bundle directory that `root` designates: `<root>/current` when it
// exists, else `root` itself when it holds a bundle.
Result<std::string> ResolveBundle(const std::string& root);

}  // namespace faqbot::index
