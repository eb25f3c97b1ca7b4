#include "safety/replies.h"

#include <gtest/gtest.h>

namespace faqbot::safety {
namespace {

RegionContacts Region(const std::string& name) { return LoadRegionContacts(name).value(); }

bool Has(const std::string& text, const std::string& phrase) {
  return text.find(phrase) != std::string::npos;
}

TEST(RepliesTest, EachEmergencySaysWhatToDoNowWithTheRegionsNumber) {
  RegionContacts uk = Region("UK");
  struct Want {
    const char* rule;
    std::vector<const char*> phrases;
  };
  for (const Want& w : {
           Want{"mscc", {"spinal cord compression", "acute oncology team", "999", "lie flat"}},
           Want{"hypercalcaemia", {"calcium", "dangerous", "medical help now", "999"}},
           Want{"fracture", {"broken bone", "Do not move the limb", "999"}},
           Want{"neutropenic_fever", {"38°C", "100.4°F", "chemotherapy", "24-hour", "999"}},
           Want{"general_emergency", {"Call 999 now"}},
       }) {
    SafetyResponse r = EmergencyReply(w.rule, uk);
    for (const char* p : w.phrases) EXPECT_TRUE(Has(r.text, p)) << w.rule << ": " << p;
    ASSERT_FALSE(r.contacts.empty()) << w.rule;
    EXPECT_EQ(r.contacts[0].phone, "999") << w.rule;
    EXPECT_EQ(r.text.find('{'), std::string::npos) << "unfilled placeholder: " << r.text;
  }
}

TEST(RepliesTest, WithoutACountryRepliesSayYourLocalEmergencyNumber) {
  SafetyResponse r = EmergencyReply("mscc", Region(""));
  EXPECT_TRUE(Has(r.text, "call your local emergency number now")) << r.text;
  EXPECT_TRUE(Has(EmergencyReply("general_emergency", Region("US")).text, "Call 911 now"));
}

TEST(RepliesTest, AnOncologyLineComesFirstWhereTheDeploymentHasOne) {
  RegionContacts c = Region("UK");
  c.oncology.push_back({"Acute oncology line", "0100 000 0000", "", "", ""});
  SafetyResponse mscc = EmergencyReply("mscc", c);
  EXPECT_TRUE(Has(mscc.text, "Contact 0100 000 0000 or call 999 now")) << mscc.text;
  ASSERT_EQ(mscc.contacts.size(), 3u);
  EXPECT_EQ(mscc.contacts[0].name, "Acute oncology line");
  SafetyResponse fracture = EmergencyReply("fracture", c);
  EXPECT_EQ(fracture.contacts[0].phone, "999");
}

TEST(RepliesTest, CrisisIsWarmShortAndNamesTheCrisisLineAndEmergencyNumber) {
  SafetyResponse r = CrisisReply(Region("UK"));
  EXPECT_TRUE(Has(r.text, "deserve support right now"));
  EXPECT_TRUE(Has(r.text, "Samaritans on 116 123"));
  EXPECT_TRUE(Has(r.text, "call 999"));
  EXPECT_LT(r.text.size(), 500u);
  ASSERT_EQ(r.contacts.size(), 2u) << "the crisis line and the emergency number, not NHS 111";
  EXPECT_EQ(r.contacts[0].name, "Samaritans");
  EXPECT_EQ(r.contacts[1].phone, "999");
  EXPECT_TRUE(Has(CrisisReply(Region("US")).text, "988"));
  EXPECT_TRUE(Has(CrisisReply(Region("")).text, "a crisis or suicide prevention line"));
}

TEST(RepliesTest, PersonalAdviceNamesTheCareTeamAndNoDose) {
  SafetyResponse r = PersonalAdviceReply();
  for (const char* who : {"care team", "doctor", "oncologist", "nurse", "pharmacist"}) {
    EXPECT_TRUE(Has(r.text, who)) << who;
  }
  EXPECT_EQ(r.text.find_first_of("0123456789"), std::string::npos);
}

TEST(RepliesTest, UrgentHelpLinesAreOneLinePerRule) {
  RegionContacts us = Region("US");
  for (const char* rule :
       {"mscc", "hypercalcaemia", "fracture", "neutropenic_fever", "general_emergency"}) {
    std::string line = UrgentHelpLine(rule, us);
    EXPECT_TRUE(Has(line, "When to get urgent help")) << rule;
    EXPECT_TRUE(Has(line, "911")) << rule;
    EXPECT_EQ(line.find('\n'), std::string::npos) << rule;
  }
  EXPECT_TRUE(UrgentHelpLine("personal_advice", us).empty());
}

TEST(RepliesTest, SpokenPrefersSayThenPhoneThenName) {
  EXPECT_EQ(Spoken({"Samaritans", "116 123", "", "", "Samaritans on 116 123"}),
            "Samaritans on 116 123");
  EXPECT_EQ(Spoken({"Emergency services", "999", "", "", ""}), "999");
  EXPECT_EQ(Spoken({"A helpline", "", "", "", ""}), "A helpline");
}

}  // namespace
}  // namespace faqbot::safety
