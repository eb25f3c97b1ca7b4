#include "server/channels/form.h"

#include <gtest/gtest.h>

namespace faqbot::server::channels {
namespace {

TEST(FormTest, DecodesNamesAndValuesInOrderWithDuplicates) {
  auto form = ParseForm("Body=It%27s+amazing&From=%2B14158675309&Digits=1&Digits=2&flag&&x=");
  ASSERT_TRUE(form.ok());
  ASSERT_EQ(form->size(), 6u);
  EXPECT_EQ((*form)[0].name, "Body");
  EXPECT_EQ((*form)[0].value, "It's amazing");
  EXPECT_EQ((*form)[1].value, "+14158675309");
  EXPECT_EQ((*form)[2].value, "1");
  EXPECT_EQ((*form)[3].value, "2");
  EXPECT_EQ((*form)[4].name, "flag");
  EXPECT_EQ((*form)[4].value, "");
  EXPECT_EQ(*FormValue(*form, "Digits"), "1");
  ASSERT_NE(FormValue(*form, "x"), nullptr) << "the empty piece is skipped, not the rest";
  EXPECT_EQ(*FormValue(*form, "x"), "");
  EXPECT_EQ(FormValue(*form, "y"), nullptr);
}

TEST(FormTest, EmptyBodyIsAnEmptyForm) {
  auto form = ParseForm("");
  ASSERT_TRUE(form.ok());
  EXPECT_TRUE(form->empty());
}

TEST(FormTest, RefusesBadEscapes) {
  for (const char* bad : {"a=%", "a=%4", "a=%zz", "%g1=b", "a=b&c=%2"}) {
    EXPECT_FALSE(ParseForm(bad).ok()) << bad;
  }
  EXPECT_EQ(*PercentDecode("%e2%9C%93"), "\xE2\x9C\x93");
}

TEST(FormTest, RecognisesTheContentType) {
  EXPECT_TRUE(IsFormContentType("application/x-www-form-urlencoded"));
  EXPECT_TRUE(IsFormContentType("Application/X-WWW-Form-Urlencoded; charset=utf-8"));
  EXPECT_FALSE(IsFormContentType("application/json"));
  EXPECT_FALSE(IsFormContentType("application/x-www-form-urlencodedX"));
  EXPECT_FALSE(IsFormContentType(""));
}

}  // namespace
}  // namespace faqbot::server::channels
