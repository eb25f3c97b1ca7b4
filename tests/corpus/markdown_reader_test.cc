#include "corpus/markdown_reader.h"

#include <gtest/gtest.h>

namespace faqbot::corpus {
namespace {

const char kDoc[] = R"(---
id: demo
title: Demo
publisher: Someone
url: https://example.org/demo
retrieved: 2026-01-01
restored_headings: [Restored]
---

Intro paragraph
on two lines.

## Restored

- Label: first item
- second item

| A | B |
| --- | --- |
| x | 1% |
)";

TEST(MarkdownReaderTest, ParsesFrontMatterAndBlocks) {
  auto doc = ParseDocument(kDoc);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->id, "demo");
  EXPECT_EQ(doc->restored_headings, std::vector<std::string>{"Restored"});
  ASSERT_EQ(doc->blocks.size(), 5u);
  EXPECT_EQ(doc->blocks[0].text, "Intro paragraph on two lines.");
  EXPECT_EQ(doc->blocks[1].kind, Block::Kind::kHeading);
  EXPECT_EQ(doc->blocks[1].level, 2);
  EXPECT_EQ(doc->blocks[2].kind, Block::Kind::kListItem);
  EXPECT_EQ(doc->blocks[2].list, doc->blocks[3].list);
  EXPECT_EQ(doc->blocks[4].kind, Block::Kind::kTable);
  ASSERT_EQ(doc->blocks[4].rows.size(), 2u);
  EXPECT_EQ(doc->blocks[4].rows[1][1], "1%");
}

TEST(MarkdownReaderTest, RejectsDocumentsWithoutProvenance) {
  EXPECT_FALSE(ParseDocument("no front matter").ok());
  EXPECT_FALSE(ParseDocument("---\nid: x\n").ok());
  auto missing = ParseDocument("---\nid: x\ntitle: T\n---\nbody\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("publisher"), std::string::npos);
}

TEST(MarkdownReaderTest, RejectsInvalidUtf8) {
  EXPECT_FALSE(ParseDocument("---\nid: \xff\n---\n").ok());
}

}  // namespace
}  // namespace faqbot::corpus
