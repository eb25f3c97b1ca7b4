// @brief Sources -> a published bundle.
#include "index/bundle_builder.h"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "common/crypto.h"
#include "common/text.h"
#include "corpus/corpus_loader.h"
#include "corpus/facts.h"
#include "index/analyzer.h"
#include "index/bundle.h"
#include "index/passage_codec.h"
#include "index/splitter.h"
#include "index/tokenizer.h"
#include "index/xapian_search_index.h"
#include "index/xapian_writer.h"
#include "intents/catalogue.h"
#include "intents/classifier.h"
#include "intents/cross_validation.h"
#include "intents/entities.h"
#include "intents/features.h"

namespace faqbot::index {
namespace {

namespace fs = std::filesystem;

constexpr char kFormat[] = "faqbot-bundle-1";

struct Sources {
  std::vector<corpus::Document> documents;
  std::vector<Passage> passages;
  std::shared_ptr<Lexicon> lexicon;
  intents::Catalogue catalogue;
  corpus::SurvivalFacts facts;
  std::map<std::string, std::string> files;  // bundle-relative path -> content
};

Status WriteFile(const fs::path& path, const std::string& content) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  if (!out) return Status::Unavailable("cannot write " + path.string());
  return Status::Ok();
}

Status ReadInto(const fs::path& path, const std::string& bundle_name, Sources* s) {
  auto content = corpus::ReadFile(path.string());
  if (!content.ok()) return content.status();
  s->files[bundle_name] = std::move(content).value();
  return Status::Ok();
}

Status CheckFacts(const Sources& s) {
  std::map<std::string, const Passage*> by_id;
  for (const auto& p : s.passages) by_id[p.id] = &p;
  auto quoted = [&](const std::string& id, const std::string& quote) -> Status {
    auto it = by_id.find(id);
    if (it == by_id.end()) return Status::InvalidArgument("facts cite unknown passage " + id);
    if (it->second->text.find(quote) == std::string::npos) {
      return Status::InvalidArgument("passage " + id + " does not say: " + quote);
    }
    return Status::Ok();
  };
  if (Status st = quoted(s.facts.caveat_passage_id, s.facts.caveat_quote); !st.ok()) return st;
  for (const auto& r : s.facts.rates) {
    if (Status st = quoted(r.passage_id, r.quote); !st.ok()) return st;
  }
  return Status::Ok();
}

Status LoadSources(const BuildOptions& o, Sources* s) {
  auto docs = corpus::LoadCorpus(o.corpus_dir);
  if (!docs.ok()) return docs.status();
  s->documents = std::move(docs).value();
  std::set<std::string> ids;
  for (const auto& d : s->documents) {
    s->files["corpus/" + d.id + ".md"] = d.source;
    for (auto& p : SplitDocument(d)) {
      if (!ids.insert(p.id).second) return Status::InvalidArgument("duplicate passage id " + p.id);
      s->passages.push_back(std::move(p));
    }
  }

  fs::path intents(o.intents_dir);
  for (const auto& [src, dst] : std::vector<std::pair<fs::path, std::string>>{
           {intents / "lexicon.yaml", "lexicon.yaml"},
           {intents / "entities.yaml", "entities.yaml"},
           {fs::path(o.corpus_dir) / "facts" / "survival.yaml", "survival.yaml"}}) {
    if (Status st = ReadInto(src, dst, s); !st.ok()) return st;
  }
  std::error_code ec;
  std::vector<std::string> catalogue_files;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(intents / "catalogue", ec)) {
    if (e.path().extension() == ".yaml") paths.push_back(e.path());
  }
  if (ec) return Status::NotFound("cannot read " + (intents / "catalogue").string());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::string name = "intents/" + p.filename().string();
    if (Status st = ReadInto(p, name, s); !st.ok()) return st;
    catalogue_files.push_back(s->files[name]);
  }

  auto lexicon = Lexicon::Parse(s->files["lexicon.yaml"]);
  if (!lexicon.ok()) return lexicon.status();
  s->lexicon = std::make_shared<Lexicon>(std::move(lexicon).value());
  auto catalogue = intents::Catalogue::Parse(catalogue_files);
  if (!catalogue.ok()) return catalogue.status();
  s->catalogue = std::move(catalogue).value();
  if (Status st = s->catalogue.Validate([&](const std::string& id) { return ids.count(id) > 0; });
      !st.ok()) {
    return st;
  }
  auto facts = corpus::ParseSurvivalFacts(s->files["survival.yaml"]);
  if (!facts.ok()) return facts.status();
  s->facts = std::move(facts).value();
  return CheckFacts(*s);
}

// Every word the bot should recognise, with how often the sources use it.
std::map<std::string, int> Vocabulary(const Sources& s, const intents::EntityExtractor& entities) {
  std::map<std::string, int> vocab;
  auto add = [&](const std::string& t) {
    for (const auto& w : Tokenize(t)) ++vocab[w];
  };
  for (const auto& p : s.passages) {
    add(p.text);
    add(text::Join(p.heading_path, " "));
  }
  for (const auto& in : s.catalogue.intents()) {
    // Out-of-scope examples teach the classifier what to refuse; their words
    // must stay unknown so that off-topic requests keep looking off topic.
    if (in.kind == intents::IntentKind::kOutOfScope) continue;
    for (const auto& e : in.examples) add(e);
    add(in.question);
  }
  for (const auto& w : s.lexicon->Words()) ++vocab[w];
  for (const auto& w : entities.words()) ++vocab[w];
  return vocab;
}

// Real English words a typo corrector could mistake for a vocabulary word.
std::vector<std::string> GuardWords(const std::string& dictionary, const SpellCorrector& speller) {
  std::vector<std::string> out;
  if (dictionary.empty()) return out;
  auto content = corpus::ReadFile(dictionary);
  if (!content.ok()) return out;
  std::set<std::string> seen;
  std::istringstream in(*content);
  std::string line;
  while (std::getline(in, line)) {
    auto tokens = Tokenize(line);
    if (tokens.size() != 1 || !seen.insert(tokens[0]).second) continue;
    if (speller.HasCandidate(tokens[0])) out.push_back(tokens[0]);
  }
  return out;
}

intents::IntentClassifier TrainClassifier(const Sources& s, const Analyzer& analyzer,
                                          const intents::EntityExtractor& entities,
                                          const SearchIndex& index, size_t* examples) {
  std::vector<intents::TrainingExample> data;
  for (const auto& in : s.catalogue.intents()) {
    for (const auto& e : in.examples) {
      Analysis a = analyzer.Analyze(e);
      data.push_back(
          {intents::ExtractFeatures(a, entities.Extract(a), intents::RetrieveForFeatures(index, a)),
           in.name});
    }
  }
  *examples = data.size();
  return intents::IntentClassifier::Train(data);
}

void CrossValidateInto(const Sources& s, const Analyzer& analyzer,
                       const intents::EntityExtractor& entities, const SearchIndex& index,
                       int folds, BuildReport* report) {
  auto cv = intents::CrossValidate(s.catalogue, analyzer, entities, index, folds);
  report->cv_examples = cv.examples;
  report->cv_intent_correct = cv.intent_correct;
  report->cv_aspect_correct = cv.aspect_correct;
  for (const auto& m : cv.misses) {
    report->cv_misses.push_back(m.expected + " <- \"" + m.example + "\" -> " + m.predicted + " (" +
                                std::to_string(m.probability).substr(0, 4) + ")");
  }
}

// The analyser for this bundle: the lexicon, and a speller knowing every word
// of the sources and guarded by the dictionary.
Analyzer MakeAnalyzer(const Sources& s, const intents::EntityExtractor& entities,
                      const std::string& dictionary, std::vector<std::string>* guard) {
  auto speller = std::make_shared<SpellCorrector>();
  for (const auto& [w, f] : Vocabulary(s, entities)) speller->AddWord(w, f);
  speller->Build();
  *guard = GuardWords(dictionary, *speller);
  for (const auto& w : *guard) speller->Protect(w);
  return Analyzer(s.lexicon, speller);
}

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

}  // namespace

Result<BuildReport> BuildBundle(const BuildOptions& o) {
  Sources s;
  if (Status st = LoadSources(o, &s); !st.ok()) return st;
  Analyzer plain(s.lexicon, std::make_shared<SpellCorrector>());
  auto entities = intents::EntityExtractor::Parse(s.files["entities.yaml"], plain);
  if (!entities.ok()) return entities.status();
  std::vector<std::string> guard;
  Analyzer analyzer = MakeAnalyzer(s, *entities, o.dictionary, &guard);
  s.files["protected_words.txt"] = text::Join(guard, "\n") + "\n";
  std::string passages;
  for (const auto& p : s.passages) passages += EncodePassage(p) + "\n";
  s.files["passages.jsonl"] = passages;

  // The version names the sources; the index and the model follow from them.
  BuildReport report;
  std::string digest = kFormat;
  for (const auto& [name, content] : s.files) {
    digest += "\n" + name + "\n" + crypto::Sha256Hex(content);
  }
  report.version = crypto::Sha256Hex(digest).substr(0, 12);

  auto staging = CreateStagingDir(o.out_root);
  if (!staging.ok()) return staging.status();
  // A failed build leaves nothing behind; a published one has been renamed away.
  struct RemoveOnExit {
    std::string dir;
    ~RemoveOnExit() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } cleanup{*staging};
  BundlePaths paths{*staging};
  for (const auto& [name, content] : s.files) {
    if (Status st = WriteFile(fs::path(*staging) / name, content); !st.ok()) return st;
  }
  WriteOptions wo;
  wo.metadata = {{"corpus_version", report.version},
                 {"built_at", UtcNow()},
                 {"passage_count", std::to_string(s.passages.size())},
                 {"format", kFormat}};
  if (Status st = WriteXapianIndex(paths.xapian(), s.passages, analyzer, wo); !st.ok()) return st;

  auto index = OpenXapianIndex(paths.xapian(), {1});
  if (!index.ok()) return index.status();
  if (o.cross_validation_folds > 1) {
    CrossValidateInto(s, analyzer, *entities, **index, o.cross_validation_folds, &report);
  }
  auto model = TrainClassifier(s, analyzer, *entities, **index, &report.examples);
  if (Status st = WriteFile(paths.model(), model.Serialize()); !st.ok()) return st;
  std::string manifest = "format " + std::string(kFormat) + "\nversion " + report.version +
                         "\nbuilt_at " + wo.metadata["built_at"] + "\n";
  if (Status st = WriteFile(paths.manifest(), manifest); !st.ok()) return st;
  index->reset();  // closes the database before the directory is renamed
  if (Status st = PublishBundle(o.out_root, *staging, report.version, o.keep); !st.ok()) return st;

  report.bundle_dir = (fs::path(o.out_root) / ("v-" + report.version)).string();
  report.documents = s.documents.size();
  report.passages = s.passages.size();
  report.intents = s.catalogue.intents().size();
  report.vocabulary = analyzer.speller().vocabulary().size();
  report.protected_words = guard.size();
  return report;
}

}  // namespace faqbot::index
