// @brief faqbot-index: builds a bundle from corpus/ and intents/ and publishes it.
//
//   faqbot-index --corpus corpus --intents intents --out var/index
//                [--dictionary /usr/share/dict/words] [--keep 3] [--cross-validate 5]
#include <cstdio>
#include <cstring>
#include <string>

#include "index/bundle_builder.h"

namespace {

void Usage() {
  std::fprintf(stderr,
               "usage: faqbot-index --corpus DIR --intents DIR --out DIR\n"
               "                    [--dictionary FILE] [--keep N] [--cross-validate FOLDS]\n");
}

}  // namespace

int main(int argc, char** argv) {
  faqbot::index::BuildOptions o;
  o.dictionary = "/usr/share/dict/words";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        Usage();
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--corpus") {
      o.corpus_dir = value();
    } else if (arg == "--intents") {
      o.intents_dir = value();
    } else if (arg == "--out") {
      o.out_root = value();
    } else if (arg == "--dictionary") {
      o.dictionary = value();
    } else if (arg == "--keep") {
      o.keep = std::stoi(value());
    } else if (arg == "--cross-validate") {
      o.cross_validation_folds = std::stoi(value());
    } else {
      Usage();
      return 2;
    }
  }
  if (o.corpus_dir.empty() || o.intents_dir.empty() || o.out_root.empty()) {
    Usage();
    return 2;
  }
  auto report = faqbot::index::BuildBundle(o);
  if (!report.ok()) {
    std::fprintf(stderr, "faqbot-index: %s\n", report.status().ToString().c_str());
    return 1;
  }
  std::printf(
      "faqbot-index: version %s: %zu documents, %zu passages, %zu intents (%zu examples), "
      "%zu vocabulary words, %zu guarded words -> %s\n",
      report->version.c_str(), report->documents, report->passages, report->intents,
      report->examples, report->vocabulary, report->protected_words, report->bundle_dir.c_str());
  if (report->cv_examples > 0) {
    for (const auto& miss : report->cv_misses) std::printf("  missed: %s\n", miss.c_str());
    std::printf("faqbot-index: cross-validation: intent %.1f%%, aspect %.1f%% of %zu examples\n",
                100.0 * report->cv_intent_correct / report->cv_examples,
                100.0 * report->cv_aspect_correct / report->cv_examples, report->cv_examples);
  }
  return 0;
}
