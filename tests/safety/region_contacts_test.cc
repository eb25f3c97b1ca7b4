#include "safety/region_contacts.h"

#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace faqbot::safety {
namespace {

TEST(RegionContactsTest, TheDefaultAssumesNoCountry) {
  auto c = LoadRegionContacts("");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->region, "");
  ASSERT_FALSE(c->emergency.empty());
  EXPECT_TRUE(c->emergency[0].phone.empty());
  EXPECT_EQ(c->emergency[0].say, "your local emergency number");
  ASSERT_FALSE(c->crisis.empty());
  EXPECT_TRUE(c->crisis[0].phone.empty());
  EXPECT_TRUE(c->oncology.empty());
}

// SAFETY.md section 5.
TEST(RegionContactsTest, PresetsCarryTheirRegionsNumbers) {
  struct Want {
    const char* region;
    const char* emergency;
    const char* crisis;
  };
  for (const Want& w : {Want{"US", "911", "988"}, Want{"UK", "999", "116 123"},
                        Want{"IN", "112", "14416"}, Want{"EU", "112", ""}}) {
    auto c = LoadRegionContacts(w.region);
    ASSERT_TRUE(c.ok()) << w.region << ": " << c.status().ToString();
    EXPECT_EQ(c->region, w.region);
    EXPECT_EQ(c->emergency.at(0).phone, w.emergency) << w.region;
    EXPECT_EQ(c->crisis.at(0).phone, w.crisis) << w.region;
  }
  auto uk = LoadRegionContacts("uk");
  ASSERT_TRUE(uk.ok());
  ASSERT_EQ(uk->emergency.size(), 2u);
  EXPECT_EQ(uk->emergency[1].name, "NHS 111");
  EXPECT_EQ(uk->crisis[0].name, "Samaritans");
}

TEST(RegionContactsTest, EveryNamedRegionLoads) {
  for (const auto& r : RegionNames()) EXPECT_TRUE(LoadRegionContacts(r).ok()) << r;
}

TEST(RegionContactsTest, UnknownRegionsAreRefusedByName) {
  auto c = LoadRegionContacts("Atlantis");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(c.status().message().find("Atlantis"), std::string::npos);
}

TEST(RegionContactsTest, AContactsFileReplacesTheListsItNames) {
  testing::TempDir dir;
  std::string path = dir.path() + "/contacts.yaml";
  testing::WriteAll(path,
                    "oncology:\n"
                    "  - name: St Elsewhere acute oncology line\n"
                    "    phone: \"0100 000 0000\"\n"
                    "crisis:\n"
                    "  - {name: Hospital chaplaincy, phone: \"0100 000 0001\"}\n");
  auto c = LoadRegionContacts("UK", path);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->emergency.at(0).phone, "999") << "lists the file does not name are kept";
  ASSERT_EQ(c->crisis.size(), 1u);
  EXPECT_EQ(c->crisis[0].name, "Hospital chaplaincy");
  ASSERT_EQ(c->oncology.size(), 1u);
  EXPECT_EQ(c->oncology[0].phone, "0100 000 0000");
}

TEST(RegionContactsTest, BadContactsFilesAreRefusedWithTheReason) {
  testing::TempDir dir;
  auto refused = [&](const std::string& yaml, const std::string& reason) {
    std::string path = dir.path() + "/c.yaml";
    testing::WriteAll(path, yaml);
    auto c = LoadRegionContacts("US", path);
    ASSERT_FALSE(c.ok()) << yaml;
    EXPECT_NE(c.status().message().find(reason), std::string::npos) << c.status().message();
  };
  refused("emergancy: []\n", "unknown list 'emergancy'");
  refused("crisis: []\n", "an emergency and a crisis contact are required");
  refused("crisis:\n  - phone: \"1\"\n", "has no name");
  refused("crisis:\n  - {name: x, fax: \"1\"}\n", "unknown contact field 'fax'");
  refused("crisis: [\n", "contacts");
  auto missing = LoadRegionContacts("US", dir.path() + "/nope.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace faqbot::safety
