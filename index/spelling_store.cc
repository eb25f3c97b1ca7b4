// @brief Spelling vocabulary from a Xapian database's spelling table.
#include "index/spelling_store.h"

#include <xapian.h>

#include <sstream>

#include "corpus/corpus_loader.h"

namespace faqbot::index {

Result<SpellCorrector> LoadSpelling(const std::string& xapian_path,
                                    const std::string& protected_words_path) {
  SpellCorrector speller;
  try {
    Xapian::Database db(xapian_path);
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
      speller.AddWord(*it, static_cast<int>(it.get_termfreq()));
    }
  } catch (const Xapian::Error& e) {
    return Status::Unavailable("cannot read spelling data: " + e.get_description());
  }
  auto words = corpus::ReadFile(protected_words_path);
  if (!words.ok()) return words.status();
  std::istringstream in(*words);
  std::string w;
  while (std::getline(in, w)) {
    if (!w.empty()) speller.Protect(w);
  }
  speller.Build();
  return speller;
}

}  // namespace faqbot::index
