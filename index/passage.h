// A passage: the unit the bot retrieves and quotes. Each knows its document,
// heading path and a stable id "<document>#<section-slug>-<n>". Plain value type.
#pragma once

#include <string>
#include <vector>

namespace faqbot::index {

struct Passage {
  enum class Kind { kParagraph, kListItem, kList, kTable };

  std::string id;
  std::string doc_id;
  std::string doc_title;
  std::string publisher;
  std::string url;
  std::string topic;                      // the document's topic, e.g. "bone_mets"
  std::vector<std::string> heading_path;  // outermost first; empty before the first heading
  Kind kind = Kind::kParagraph;
  std::string text;  // quotable text; list passages hold "- item" lines
  int order = 0;     // position within its document

  // The innermost heading, or the document title before the first heading.
  const std::string& section() const {
    return heading_path.empty() ? doc_title : heading_path.back();
  }
};

const char* KindName(Passage::Kind kind);
Passage::Kind KindFromName(const std::string& name);

}  // namespace faqbot::index
