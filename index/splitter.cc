// @brief Document -> passages, with stable ids.
#include "index/splitter.h"

#include <map>
#include <regex>

#include "common/text.h"

namespace faqbot::index {
namespace {

using corpus::Block;

// "Imaging tests: Doctors use ..." -- a list item that names its subject.
bool IsLabelled(const std::string& item) {
  static const std::regex kLabel(R"(^[A-Z][A-Za-z0-9 ,'()\-]{1,40}: \S)");
  return std::regex_search(item, kLabel);
}

bool ListIsLabelled(const std::vector<Block>& blocks, size_t first) {
  for (size_t i = first; i < blocks.size() && blocks[i].kind == Block::Kind::kListItem &&
                         blocks[i].list == blocks[first].list;
       ++i) {
    if (IsLabelled(blocks[i].text)) return true;
  }
  return false;
}

std::string RenderTable(const Block& table) {
  std::vector<std::string> lines;
  for (const auto& row : table.rows) lines.push_back(text::Join(row, " | "));
  return text::Join(lines, "\n");
}

class Splitter {
 public:
  explicit Splitter(const corpus::Document& doc) : doc_(doc) {}

  std::vector<Passage> Run() {
    const auto& blocks = doc_.blocks;
    for (size_t i = 0; i < blocks.size(); ++i) {
      const Block& b = blocks[i];
      switch (b.kind) {
        case Block::Kind::kHeading:
          EnterHeading(b);
          break;
        case Block::Kind::kParagraph:
          Emit(Passage::Kind::kParagraph, b.text);
          break;
        case Block::Kind::kTable:
          Emit(Passage::Kind::kTable, RenderTable(b));
          break;
        case Block::Kind::kListItem:
          i = List(i) - 1;
          break;
      }
    }
    return std::move(out_);
  }

 private:
  void EnterHeading(const Block& b) {
    while (!path_.empty() && path_.back().first >= b.level) path_.pop_back();
    path_.emplace_back(b.level, b.text);
    std::string slug = text::Slugify(b.text);
    int& seen = slug_uses_[slug];
    section_slug_ = ++seen == 1 ? slug : slug + "-" + std::to_string(seen);
    section_count_ = 0;
  }

  // Emits the list starting at `first`; returns the index after it.
  size_t List(size_t first) {
    const auto& blocks = doc_.blocks;
    size_t end = first;
    while (end < blocks.size() && blocks[end].kind == Block::Kind::kListItem &&
           blocks[end].list == blocks[first].list) {
      ++end;
    }
    if (ListIsLabelled(blocks, first)) {
      for (size_t i = first; i < end; ++i) Emit(Passage::Kind::kListItem, blocks[i].text);
      return end;
    }
    std::vector<std::string> lines;
    for (size_t i = first; i < end; ++i) lines.push_back("- " + blocks[i].text);
    std::string items = text::Join(lines, "\n");
    bool introduced = first > 0 && blocks[first - 1].kind == Block::Kind::kParagraph &&
                      text::EndsWith(blocks[first - 1].text, ":") && !out_.empty();
    if (introduced) {
      out_.back().kind = Passage::Kind::kList;
      out_.back().text += "\n" + items;
    } else {
      Emit(Passage::Kind::kList, items);
    }
    return end;
  }

  void Emit(Passage::Kind kind, const std::string& body) {
    Passage p;
    p.doc_id = doc_.id;
    p.doc_title = doc_.title;
    p.publisher = doc_.publisher;
    p.url = doc_.url;
    p.topic = doc_.topic;
    for (const auto& [level, heading] : path_) p.heading_path.push_back(heading);
    p.kind = kind;
    p.text = body;
    p.order = static_cast<int>(out_.size());
    p.id = doc_.id + "#" + section_slug_ + "-" + std::to_string(++section_count_);
    out_.push_back(std::move(p));
  }

  const corpus::Document& doc_;
  std::vector<std::pair<int, std::string>> path_;
  std::map<std::string, int> slug_uses_;
  std::string section_slug_ = "overview";
  int section_count_ = 0;
  std::vector<Passage> out_;
};

}  // namespace

const char* KindName(Passage::Kind kind) {
  switch (kind) {
    case Passage::Kind::kParagraph:
      return "paragraph";
    case Passage::Kind::kListItem:
      return "list_item";
    case Passage::Kind::kList:
      return "list";
    case Passage::Kind::kTable:
      return "table";
  }
  return "paragraph";
}

Passage::Kind KindFromName(const std::string& name) {
  if (name == "list_item") return Passage::Kind::kListItem;
  if (name == "list") return Passage::Kind::kList;
  if (name == "table") return Passage::Kind::kTable;
  return Passage::Kind::kParagraph;
}

std::vector<Passage> SplitDocument(const corpus::Document& doc) { return Splitter(doc).Run(); }

}  // namespace faqbot::index
