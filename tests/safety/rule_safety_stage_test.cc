#include "safety/rule_safety_stage.h"

#include <gtest/gtest.h>

#include <sstream>

#include "common/text.h"
#include "tests/support/test_support.h"

namespace faqbot::safety {
namespace {

using Kind = Assessment::Kind;

struct Case {
  std::string expect;  // emergency, crisis, advice, lookalike, none
  std::string rule;    // "-" when none is expected
  std::string message;
  int line = 0;
};

std::vector<Case> LoadCases() {
  std::istringstream in(
      faqbot::testing::ReadAll(faqbot::testing::SourceDir() + "/tests/safety/safety_cases.tsv"));
  std::vector<Case> cases;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    auto cols = text::Split(line, '\t');
    EXPECT_EQ(cols.size(), 3u) << "safety_cases.tsv:" << n;
    if (cols.size() == 3) cases.push_back({cols[0], cols[1], cols[2], n});
  }
  return cases;
}

const char* KindName(Kind k) {
  switch (k) {
    case Kind::kNone:
      return "none";
    case Kind::kEmergency:
      return "emergency";
    case Kind::kCrisis:
      return "crisis";
    case Kind::kPersonalAdvice:
      return "advice";
    case Kind::kInformational:
      return "informational";
  }
  return "?";
}

// Counts one category's cases and lists every one that went wrong.
struct Tally {
  int total = 0;
  int hits = 0;
  std::vector<std::string> misses;

  void Add(bool hit, const Case& c, const Assessment& got) {
    ++total;
    if (hit) {
      ++hits;
      return;
    }
    misses.push_back("  line " + std::to_string(c.line) + ": \"" + c.message + "\" expected " +
                     c.expect + " " + c.rule + ", got " + KindName(got.kind) + " " + got.rule +
                     " [" + text::Join(got.concepts, ",") + "]");
  }
  double Rate() const { return total ? static_cast<double>(hits) / total : 0; }
  std::string Misses() const { return text::Join(misses, "\n"); }
};

class RuleSafetyStageTest : public ::testing::Test {
 protected:
  RuleSafetyStageTest() : stage_(LoadRegionContacts("UK").value()) {}
  RuleSafetyStage stage_;
};

// The bar: every emergency and crisis caught, no more than 2% false
// alarms on look-alikes, over at least 150 messages.
TEST_F(RuleSafetyStageTest, TableOfMessages) {
  std::vector<Case> cases = LoadCases();
  ASSERT_GE(cases.size(), 150u);
  Tally emergency, emergency_rule, crisis, advice, lookalike_calm, lookalike_line, none;
  for (const Case& c : cases) {
    Assessment a = stage_.Assess(c.message);
    if (c.expect == "emergency") {
      emergency.Add(a.kind == Kind::kEmergency, c, a);
      emergency_rule.Add(a.kind == Kind::kEmergency && a.rule == c.rule, c, a);
    } else if (c.expect == "crisis") {
      crisis.Add(a.kind == Kind::kCrisis && a.rule == "self_harm", c, a);
    } else if (c.expect == "advice") {
      advice.Add(a.kind == Kind::kPersonalAdvice && a.rule == "personal_advice", c, a);
    } else if (c.expect == "lookalike") {
      lookalike_calm.Add(a.kind != Kind::kEmergency && a.kind != Kind::kCrisis, c, a);
      bool line = c.rule == "-" ? a.kind == Kind::kNone || a.kind == Kind::kInformational
                                : a.kind == Kind::kInformational && a.rule == c.rule;
      lookalike_line.Add(line, c, a);
    } else {
      ASSERT_EQ(c.expect, "none") << "line " << c.line;
      none.Add(a.kind == Kind::kNone, c, a);
    }
  }
  ASSERT_GT(emergency.total, 80);
  ASSERT_GT(crisis.total, 20);
  ASSERT_GT(lookalike_calm.total, 50);
  EXPECT_EQ(emergency.Rate(), 1.0)
      << "emergency recall " << emergency.hits << "/" << emergency.total << "; missed:\n"
      << emergency.Misses();
  EXPECT_EQ(crisis.Rate(), 1.0) << "crisis recall " << crisis.hits << "/" << crisis.total
                                << "; missed:\n"
                                << crisis.Misses();
  int alarms = lookalike_calm.total - lookalike_calm.hits;
  double false_alarms = 1.0 - lookalike_calm.Rate();
  EXPECT_LE(false_alarms, 0.02) << "false alarms on look-alikes " << alarms << "/"
                                << lookalike_calm.total << ":\n"
                                << lookalike_calm.Misses();
  EXPECT_TRUE(emergency_rule.misses.empty()) << "wrong rule:\n" << emergency_rule.Misses();
  EXPECT_TRUE(advice.misses.empty()) << "personal advice missed:\n" << advice.Misses();
  EXPECT_TRUE(lookalike_line.misses.empty()) << "look-alikes without their urgent-help line:\n"
                                             << lookalike_line.Misses();
  EXPECT_TRUE(none.misses.empty()) << "ordinary messages flagged:\n" << none.Misses();
  std::printf(
      "safety table: %zu messages; emergency recall %d/%d, crisis recall %d/%d, "
      "false alarms on look-alikes %d/%d (%.1f%%), advice %d/%d, ordinary %d/%d\n",
      cases.size(), emergency.hits, emergency.total, crisis.hits, crisis.total, alarms,
      lookalike_calm.total, 100 * false_alarms, advice.hits, advice.total, none.hits, none.total);
}

TEST_F(RuleSafetyStageTest, VerdictsExplainThemselves) {
  Assessment a = stage_.Assess("my back is agony and my legs went numb");
  ASSERT_EQ(a.kind, Kind::kEmergency);
  EXPECT_EQ(a.rule, "mscc");
  EXPECT_NE(std::find(a.concepts.begin(), a.concepts.end(), "numbness"), a.concepts.end());
}

TEST_F(RuleSafetyStageTest, RespondUsesTheRegionsContacts) {
  SafetyResponse emergency = stage_.Respond(stage_.Assess("he has collapsed"));
  EXPECT_NE(emergency.text.find("999"), std::string::npos);
  ASSERT_FALSE(emergency.contacts.empty());
  EXPECT_EQ(emergency.contacts[0].phone, "999");
  SafetyResponse crisis = stage_.Respond(stage_.Assess("how many pills would kill me"));
  EXPECT_NE(crisis.text.find("Samaritans"), std::string::npos);
  EXPECT_EQ(crisis.text.find("pills"), std::string::npos) << "never answers the literal question";
  SafetyResponse line = stage_.Respond(stage_.Assess("what is hypercalcaemia?"));
  EXPECT_NE(line.text.find("calcium"), std::string::npos);
  EXPECT_TRUE(line.contacts.empty());
  EXPECT_TRUE(stage_.Respond(stage_.Assess("what is chordoma")).text.empty());
}

TEST(RuleSafetyStageContactsTest, EmptyContactsFallBackToTheNeutralDefault) {
  RuleSafetyStage stage(RegionContacts{});
  ASSERT_FALSE(stage.contacts().emergency.empty());
  ASSERT_FALSE(stage.contacts().crisis.empty());
  SafetyResponse r = stage.Respond({Kind::kEmergency, "fracture"});
  EXPECT_NE(r.text.find("your local emergency number"), std::string::npos) << r.text;
}

}  // namespace
}  // namespace faqbot::safety
