#include "server/channels/xml_escape.h"

#include <gtest/gtest.h>

namespace faqbot::server::channels {
namespace {

TEST(XmlEscapeTest, EscapesMarkupAndDropsForbiddenControls) {
  EXPECT_EQ(XmlEscape(R"(<Message>"Tom & Jerry's"</Message>)"),
            "&lt;Message&gt;&quot;Tom &amp; Jerry&apos;s&quot;&lt;/Message&gt;");
  EXPECT_EQ(XmlEscape("a\tb\nc\rd\x01\x1f"
                      "e"),
            "a\tb\nc\rde");
  EXPECT_EQ(XmlEscape("caf\xC3\xA9"), "caf\xC3\xA9");
}

}  // namespace
}  // namespace faqbot::server::channels
