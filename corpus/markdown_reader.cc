// @brief Front matter and Markdown-subset parser for curated documents.
#include "corpus/markdown_reader.h"

#include <yaml-cpp/yaml.h>

#include "common/text.h"

namespace faqbot::corpus {
namespace {

std::vector<std::string> StringList(const YAML::Node& node) {
  std::vector<std::string> out;
  if (!node) return out;
  for (const auto& item : node) out.push_back(item.as<std::string>());
  return out;
}

Status ReadFrontMatter(const std::string& yaml, Document* doc) {
  try {
    YAML::Node fm = YAML::Load(yaml);
    for (const char* key : {"id", "title", "publisher", "url"}) {
      if (!fm[key] || fm[key].as<std::string>().empty()) {
        return Status::InvalidArgument(std::string("front matter lacks '") + key + "'");
      }
    }
    doc->id = fm["id"].as<std::string>();
    doc->title = fm["title"].as<std::string>();
    doc->publisher = fm["publisher"].as<std::string>();
    doc->url = fm["url"].as<std::string>();
    doc->retrieved = fm["retrieved"] ? fm["retrieved"].as<std::string>() : "";
    doc->raw = fm["raw"] ? fm["raw"].as<std::string>() : "";
    doc->topic = fm["topic"] ? fm["topic"].as<std::string>() : "";
    doc->curation = StringList(fm["curation"]);
    doc->restored_headings = StringList(fm["restored_headings"]);
    doc->restored_table_cells = StringList(fm["restored_table_cells"]);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string("front matter: ") + e.what());
  }
  return Status::Ok();
}

std::vector<std::string> TableCells(std::string_view line) {
  std::string inner = text::Trim(line);
  if (text::StartsWith(inner, "|")) inner.erase(0, 1);
  if (text::EndsWith(inner, "|")) inner.pop_back();
  std::vector<std::string> cells;
  for (const auto& cell : text::Split(inner, '|')) cells.push_back(text::Trim(cell));
  return cells;
}

bool IsTableSeparator(const std::vector<std::string>& cells) {
  for (const auto& c : cells) {
    if (c.find_first_not_of("-: ") != std::string::npos) return false;
  }
  return !cells.empty();
}

// Accumulates body lines into blocks.
class BodyParser {
 public:
  explicit BodyParser(std::vector<Block>* blocks) : blocks_(blocks) {}

  void Line(const std::string& raw_line) {
    std::string line = text::Trim(raw_line);
    if (line.empty()) {
      EndParagraph();
      EndTable();
      in_list_ = false;
      return;
    }
    if (line[0] == '#') return Heading(line);
    if (text::StartsWith(line, "- ")) return ListItem(line.substr(2));
    if (line[0] == '|') return TableRow(line);
    EndTable();
    in_list_ = false;
    if (!paragraph_.empty()) paragraph_ += ' ';
    paragraph_ += line;
  }

  void Finish() {
    EndParagraph();
    EndTable();
  }

 private:
  void Heading(const std::string& line) {
    EndParagraph();
    EndTable();
    in_list_ = false;
    size_t level = line.find_first_not_of('#');
    Block b;
    b.kind = Block::Kind::kHeading;
    b.level = static_cast<int>(level);
    b.text = text::Trim(line.substr(level));
    blocks_->push_back(std::move(b));
  }

  void ListItem(const std::string& item) {
    EndParagraph();
    EndTable();
    if (!in_list_) ++list_count_;
    in_list_ = true;
    Block b;
    b.kind = Block::Kind::kListItem;
    b.text = text::Trim(item);
    b.list = list_count_;
    blocks_->push_back(std::move(b));
  }

  void TableRow(const std::string& line) {
    EndParagraph();
    auto cells = TableCells(line);
    if (IsTableSeparator(cells)) return;
    table_.push_back(std::move(cells));
  }

  void EndParagraph() {
    if (paragraph_.empty()) return;
    Block b;
    b.kind = Block::Kind::kParagraph;
    b.text = std::move(paragraph_);
    blocks_->push_back(std::move(b));
    paragraph_.clear();
  }

  void EndTable() {
    if (table_.empty()) return;
    Block b;
    b.kind = Block::Kind::kTable;
    b.rows = std::move(table_);
    blocks_->push_back(std::move(b));
    table_.clear();
  }

  std::vector<Block>* blocks_;
  std::string paragraph_;
  std::vector<std::vector<std::string>> table_;
  bool in_list_ = false;
  int list_count_ = 0;
};

}  // namespace

Result<Document> ParseDocument(std::string_view markdown) {
  if (!text::IsValidUtf8(markdown)) return Status::InvalidArgument("document is not valid UTF-8");
  auto lines = text::Split(markdown, '\n');
  if (lines.empty() || text::Trim(lines[0]) != "---") {
    return Status::InvalidArgument("document must open with '---' front matter");
  }
  size_t end = 1;
  while (end < lines.size() && text::Trim(lines[end]) != "---") ++end;
  if (end == lines.size()) return Status::InvalidArgument("front matter is not closed by '---'");

  Document doc;
  std::vector<std::string> fm(lines.begin() + 1, lines.begin() + static_cast<long>(end));
  if (Status s = ReadFrontMatter(text::Join(fm, "\n"), &doc); !s.ok()) return s;

  BodyParser body(&doc.blocks);
  for (size_t i = end + 1; i < lines.size(); ++i) body.Line(lines[i]);
  body.Finish();
  doc.source = std::string(markdown);
  return doc;
}

}  // namespace faqbot::corpus
