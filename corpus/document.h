// A curated source document: its provenance (front matter) and its body as a
// flat sequence of Markdown blocks. Plain value types; thread-compatible.
#pragma once

#include <string>
#include <vector>

namespace faqbot::corpus {

struct Block {
  enum class Kind { kHeading, kParagraph, kListItem, kTable };
  Kind kind = Kind::kParagraph;
  int level = 0;                               // heading level (2 for "##"); 0 otherwise
  std::string text;                            // heading, paragraph or list item text
  int list = -1;                               // list items of one list share a number
  std::vector<std::vector<std::string>> rows;  // table: header row first
};

struct Document {
  std::string id;
  std::string title;
  std::string publisher;
  std::string url;
  std::string retrieved;  // ISO date
  std::string raw;        // the capture this was curated from, relative to the corpus folder
  std::string topic;      // e.g. "stage4" or "bone_mets"
  std::vector<std::string> curation;
  std::vector<std::string> restored_headings;
  std::vector<std::string> restored_table_cells;
  std::vector<Block> blocks;
  std::string source;  // the file as read, for versioning
};

}  // namespace faqbot::corpus
