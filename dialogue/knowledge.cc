// @brief Loads and cross-checks a bundle.
#include "dialogue/knowledge.h"

#include "corpus/corpus_loader.h"
#include "index/bundle.h"
#include "index/spelling_store.h"
#include "index/xapian_search_index.h"

namespace faqbot::dialogue {

Result<std::shared_ptr<const Knowledge>> LoadKnowledge(const std::string& root,
                                                       const KnowledgeOptions& options) {
  auto dir = index::ResolveBundle(root);
  if (!dir.ok()) return dir.status();
  index::BundlePaths paths{*dir};
  auto kb = std::make_shared<Knowledge>();
  kb->bundle_dir = *dir;

  auto search = index::OpenXapianIndex(paths.xapian(), {options.search_handles});
  if (!search.ok()) return search.status();
  kb->index = std::move(search).value();
  kb->version = kb->index->version();

  auto lexicon = index::Lexicon::Load(paths.lexicon());
  if (!lexicon.ok()) return lexicon.status();
  auto speller = index::LoadSpelling(paths.xapian(), paths.protected_words());
  if (!speller.ok()) return speller.status();
  kb->analyzer = std::make_unique<index::Analyzer>(
      std::make_shared<index::Lexicon>(std::move(lexicon).value()),
      std::make_shared<index::SpellCorrector>(std::move(speller).value()));

  auto catalogue = intents::Catalogue::LoadDir(paths.intents());
  if (!catalogue.ok()) return catalogue.status();
  kb->catalogue = std::move(catalogue).value();
  const index::SearchIndex& idx = *kb->index;
  Status valid = kb->catalogue.Validate([&](const std::string& id) { return idx.Find(id); });
  if (!valid.ok()) return valid;

  auto model_text = corpus::ReadFile(paths.model());
  if (!model_text.ok()) return model_text.status();
  auto model = intents::IntentClassifier::Parse(*model_text);
  if (!model.ok()) return model.status();
  kb->classifier = std::move(model).value();
  for (const auto& name : kb->classifier.classes()) {
    if (!kb->catalogue.Find(name)) {
      return Status::InvalidArgument("the intent model knows an intent the catalogue lacks: " +
                                     name);
    }
  }

  auto entities = intents::EntityExtractor::Load(paths.entities(), *kb->analyzer);
  if (!entities.ok()) return entities.status();
  kb->entities = std::move(entities).value();

  auto facts = corpus::LoadSurvivalFacts(paths.facts());
  if (!facts.ok()) return facts.status();
  kb->facts = std::move(facts).value();
  for (const auto& r : kb->facts.rates) {
    if (!idx.Find(r.passage_id)) return Status::InvalidArgument("facts cite " + r.passage_id);
  }
  return std::shared_ptr<const Knowledge>(std::move(kb));
}

}  // namespace faqbot::dialogue
