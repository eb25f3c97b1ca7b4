// @brief Reads the curated documents of a corpus folder.
#include "corpus/corpus_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "corpus/markdown_reader.h"

namespace faqbot::corpus {

namespace fs = std::filesystem;

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<std::vector<Document>> LoadCorpus(const std::string& corpus_dir) {
  fs::path dir = fs::path(corpus_dir) / "documents";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir.string() + " is not a directory");

  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  std::vector<Document> docs;
  std::set<std::string> ids;
  for (const auto& file : files) {
    auto content = ReadFile(file.string());
    if (!content.ok()) return content.status();
    auto doc = ParseDocument(*content);
    if (!doc.ok()) {
      return Status::InvalidArgument(file.string() + ": " + doc.status().message());
    }
    if (!ids.insert(doc->id).second) {
      return Status::InvalidArgument(file.string() + ": duplicate document id " + doc->id);
    }
    docs.push_back(std::move(doc).value());
  }
  if (docs.empty()) return Status::NotFound("no documents in " + dir.string());
  return docs;
}

}  // namespace faqbot::corpus
