// @brief Bundle staging, atomic publication and resolution.
#include "index/bundle.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace faqbot::index {

namespace fs = std::filesystem;

Result<std::string> CreateStagingDir(const std::string& root) {
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return Status::Unavailable("cannot create " + root + ": " + ec.message());
  auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  fs::path dir =
      fs::path(root) / (".staging-" + std::to_string(::getpid()) + "-" + std::to_string(stamp));
  if (!fs::create_directory(dir, ec) || ec) {
    return Status::Unavailable("cannot create " + dir.string() + ": " + ec.message());
  }
  return dir.string();
}

namespace {

void RemoveOldVersions(const fs::path& root, const fs::path& live, int keep) {
  std::error_code ec;
  std::vector<fs::directory_entry> versions;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    if (e.is_directory() && e.path().filename().string().rfind("v-", 0) == 0) versions.push_back(e);
  }
  std::sort(versions.begin(), versions.end(),
            [](const auto& a, const auto& b) { return a.last_write_time() > b.last_write_time(); });
  int kept = 0;
  for (const auto& v : versions) {
    if (v.path().filename() == live.filename() || ++kept <= keep - 1) continue;
    fs::remove_all(v.path(), ec);
  }
}

}  // namespace

Status PublishBundle(const std::string& root_str, const std::string& staging,
                     const std::string& version, int keep) {
  fs::path root(root_str);
  std::string name = "v-" + version;
  fs::path target = root / name;
  std::error_code ec;
  if (fs::exists(target, ec)) {
    // The same content was built before: the new build replaces it.
    fs::path old = root / (".old-" + name + "-" + std::to_string(::getpid()));
    fs::rename(target, old, ec);
    if (ec)
      return Status::Unavailable("cannot move aside " + target.string() + ": " + ec.message());
    fs::rename(staging, target, ec);
    fs::remove_all(old);
  } else {
    fs::rename(staging, target, ec);
  }
  if (ec) return Status::Unavailable("cannot publish " + target.string() + ": " + ec.message());
  fs::file_time_type now = fs::file_time_type::clock::now();
  fs::last_write_time(target, now, ec);

  fs::path tmp_link = root / (".current-" + std::to_string(::getpid()));
  fs::remove(tmp_link, ec);
  fs::create_directory_symlink(name, tmp_link, ec);
  if (ec) return Status::Unavailable("cannot create link: " + ec.message());
  if (std::rename(tmp_link.c_str(), (root / "current").c_str()) != 0) {
    return Status::Unavailable("cannot repoint " + (root / "current").string());
  }
  RemoveOldVersions(root, target, keep);
  return Status::Ok();
}

Result<std::string> ResolveBundle(const std::string& root) {
  std::error_code ec;
  fs::path current = fs::path(root) / "current";
  if (fs::exists(current, ec)) {
    fs::path resolved = fs::canonical(current, ec);
    if (ec) return Status::Unavailable("cannot resolve " + current.string() + ": " + ec.message());
    return resolved.string();
  }
  if (fs::exists(fs::path(root) / "MANIFEST", ec)) return fs::canonical(root, ec).string();
  return Status::NotFound("no index at " + root + " (run the indexer first)");
}

}  // namespace faqbot::index
