// Measures the index at scale. The real cancer Q&A in
// ../shared/eval/external/medquad_cancer_general.jsonl is split into
// paragraph passages and replicated to about --passages (default 100,000),
// added to the bundled corpus's passages and indexed with the bundle's
// analyser (index::WriteXapianIndex). Prints indexing passages/s, the index
// size on disk, the time to open it, search p50/p99 at that size (the dev
// set's messages, top 5, index::OpenXapianIndex), and the engine's
// message -> reply p50/p99 (wall and thread CPU) on a bundle using that index,
// then the machine. Target: in-process p99 under 5 ms at 100,000 passages.
//
//   make bench, or after `make index`:
//   build-release/bench/scale_bench --index var/index [--medquad FILE] [--passages 100000]
//       [--rounds 10] [--dev FILE] [--work DIR (kept afterwards)]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bench/bench_support.h"
#include "common/text.h"
#include "dialogue/engine.h"
#include "dialogue/knowledge.h"
#include "index/bundle.h"
#include "index/xapian_search_index.h"
#include "index/xapian_writer.h"
#include "safety/rule_safety_stage.h"

namespace {

using namespace faqbot;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Flags {
  std::string index = "var/index";
  std::string medquad =
      std::string(FAQBOT_SOURCE_DIR) + "/../shared/eval/external/medquad_cancer_general.jsonl";
  std::string dev = bench::DefaultDevSet();
  size_t passages = 100000;
  int rounds = 10;
  std::string work;
};

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--index")
      f.index = v;
    else if (k == "--medquad")
      f.medquad = v;
    else if (k == "--dev")
      f.dev = v;
    else if (k == "--passages")
      f.passages = std::stoul(v);
    else if (k == "--rounds")
      f.rounds = std::stoi(v);
    else if (k == "--work")
      f.work = v;
    else {
      std::fprintf(stderr, "scale_bench: unknown flag %s\n", k.c_str());
      std::exit(2);
    }
  }
  return f;
}

// One passage per non-empty line of each answer, headed by its question.
std::vector<index::Passage> MedQuadPassages(const std::string& path, int copy) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "scale_bench: cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::vector<index::Passage> out;
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    if (!j["answer"].is_string()) continue;
    std::string doc = "mq-" + j["qid"].get<std::string>() + "-r" + std::to_string(copy);
    int n = 0;
    for (const auto& para : text::Split(j["answer"].get<std::string>(), '\n')) {
      std::string t = text::Trim(para);
      if (t.empty()) continue;
      index::Passage p;
      p.id = doc + "#" + std::to_string(n);
      p.doc_id = doc;
      p.doc_title = j.value("focus", j["question"].get<std::string>());
      p.publisher = j.value("source", "MedQuAD");
      p.url = j.value("url", "");
      p.topic = "medquad";
      p.heading_path = {j["question"].get<std::string>()};
      p.text = std::move(t);
      p.order = n++;
      out.push_back(std::move(p));
    }
  }
  return out;
}

uintmax_t DiskBytes(const fs::path& dir) {
  uintmax_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// A copy of the bundle at `from` whose Xapian database holds `passages`.
std::string BuildScaleBundle(const dialogue::Knowledge& kb, const std::vector<index::Passage>& ps,
                             const std::string& work) {
  fs::path dir = fs::path(work) / "bundle";
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(kb.bundle_dir)) {
    if (e.path().filename() == "xapian") continue;
    fs::copy(e.path(), dir / e.path().filename(), fs::copy_options::recursive);
  }
  index::WriteOptions o;
  o.metadata = {{"corpus_version", "scale-" + std::to_string(ps.size())},
                {"passage_count", std::to_string(ps.size())}};
  auto start = Clock::now();
  Status s = index::WriteXapianIndex((dir / "xapian").string(), ps, *kb.analyzer, o);
  double secs = Seconds(start);
  if (!s.ok()) {
    std::fprintf(stderr, "scale_bench: %s\n", s.ToString().c_str());
    std::exit(1);
  }
  std::printf("indexing: %zu passages in %.1f s = %.0f passages/s\n", ps.size(), secs,
              static_cast<double>(ps.size()) / secs);
  std::printf("index size on disk: %.1f MiB (Xapian database)\n",
              static_cast<double>(DiskBytes(dir / "xapian")) / (1 << 20));
  return dir.string();
}

void TimeSearches(const std::string& xapian, const index::Analyzer& analyzer,
                  const std::vector<std::vector<std::string>>& conversations, int rounds) {
  auto start = Clock::now();
  auto idx = index::OpenXapianIndex(xapian);
  if (!idx.ok()) std::exit(1);
  std::printf("open (read every passage into memory): %.2f s\n", Seconds(start));
  bench::Timings t;
  for (int r = 0; r < rounds; ++r) {
    for (const auto& conversation : conversations) {
      for (const auto& message : conversation) {
        index::SearchQuery q{analyzer.Analyze(message).ContentStems(), 5, {}};
        bench::TimeCall(&t, [&] {
          if (!(*idx)->Search(q).ok()) std::abort();
        });
      }
    }
  }
  std::printf("search (top 5):\n  %s\n", bench::Summary(t).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags = ParseFlags(argc, argv);
  auto kb = dialogue::LoadKnowledge(flags.index);
  if (!kb.ok()) {
    std::fprintf(stderr, "scale_bench: %s (run make index)\n", kb.status().ToString().c_str());
    return 1;
  }
  std::vector<index::Passage> passages = (*kb)->index->passages();
  size_t per_copy = MedQuadPassages(flags.medquad, 0).size();
  for (int copy = 0; passages.size() < flags.passages; ++copy) {
    for (auto& p : MedQuadPassages(flags.medquad, copy)) passages.push_back(std::move(p));
  }
  std::printf("passages: %zu (%zu bundled + MedQuAD cancer answers, %zu per copy)\n",
              passages.size(), (*kb)->index->passages().size(), per_copy);

  std::string work = flags.work;
  if (work.empty()) {
    std::string tmpl = (fs::temp_directory_path() / "faqbot-scale-XXXXXX").string();
    work = ::mkdtemp(tmpl.data());
  }
  std::string bundle = BuildScaleBundle(**kb, passages, work);
  auto conversations = bench::LoadConversations(flags.dev);
  TimeSearches(bundle + "/xapian", *(*kb)->analyzer, conversations, flags.rounds);

  auto start = Clock::now();
  auto big = dialogue::LoadKnowledge(bundle);
  if (!big.ok()) {
    std::fprintf(stderr, "scale_bench: %s\n", big.status().ToString().c_str());
    return 1;
  }
  std::printf("load the whole bundle (what a reload does): %.2f s\n", Seconds(start));
  dialogue::Engine engine({}, std::make_shared<safety::RuleSafetyStage>(safety::RegionContacts{}),
                          std::make_shared<dialogue::SessionStore>(10000, std::chrono::hours(1)));
  engine.SetKnowledge(*big);
  bench::TimeConversations(&engine, conversations, 1);  // warm-up
  bench::Timings t = bench::TimeConversations(&engine, conversations, flags.rounds);
  std::printf("engine message -> reply at %zu passages:\n  %s\n", passages.size(),
              bench::Summary(t).c_str());
  std::printf("machine: %s\n", bench::MachineLine().c_str());
  std::printf("scheduler noise: %s\n", bench::SchedulerNoiseLine().c_str());
  if (flags.work.empty()) fs::remove_all(work);
  return 0;
}
