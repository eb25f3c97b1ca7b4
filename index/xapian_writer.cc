// @brief Builds the Xapian database for a set of passages.
#include "index/xapian_writer.h"

#include <xapian.h>

#include "common/text.h"
#include "index/passage_codec.h"

namespace faqbot::index {
namespace {

void AddTerms(const Analysis& a, int wdf, Xapian::Document* doc) {
  for (size_t i = 0; i < a.stems.size(); ++i) {
    if (a.stop[i]) continue;
    doc->add_term("Z" + a.stems[i], static_cast<Xapian::termcount>(wdf));
  }
}

void AddSynonyms(const Lexicon& lexicon, Xapian::WritableDatabase* db) {
  for (const auto& g : lexicon.groups()) {
    std::string canonical = text::Join(g.canonical, " ");
    for (const auto& v : g.variants) {
      if (v.size() == 1 && g.canonical.size() == 1) {
        db->add_synonym("Z" + Analyzer::Stem(v[0]), "Z" + Analyzer::Stem(g.canonical[0]));
      }
      db->add_synonym(text::Join(v, " "), canonical);
    }
  }
}

}  // namespace

Status WriteXapianIndex(const std::string& path, const std::vector<Passage>& passages,
                        const Analyzer& analyzer, const WriteOptions& options) {
  try {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& p : passages) {
      Xapian::Document doc;
      doc.set_data(EncodePassage(p));
      doc.add_boolean_term("Q" + p.id);
      doc.add_boolean_term("T" + p.topic);
      AddTerms(analyzer.Analyze(p.text, false), 1, &doc);
      AddTerms(analyzer.Analyze(text::Join(p.heading_path, " "), false), options.heading_weight,
               &doc);
      db.replace_document("Q" + p.id, doc);
    }
    for (const auto& [word, freq] : analyzer.speller().vocabulary()) {
      db.add_spelling(word, static_cast<Xapian::termcount>(freq));
    }
    AddSynonyms(analyzer.lexicon(), &db);
    for (const auto& [key, value] : options.metadata) db.set_metadata(key, value);
    db.commit();
    db.close();
  } catch (const Xapian::Error& e) {
    return Status::Internal("writing " + path + ": " + e.get_description());
  }
  return Status::Ok();
}

}  // namespace faqbot::index
