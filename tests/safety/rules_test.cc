#include "safety/rules.h"

#include <gtest/gtest.h>

namespace faqbot::safety {
namespace {

using Kind = Assessment::Kind;

Findings With(std::initializer_list<std::pair<const char*, Finding>> found) {
  Findings f;
  for (const auto& [id, finding] : found) f.Add(id, finding);
  return f;
}

constexpr Finding kReported{true, true};
constexpr Finding kAsked{false, false};

TEST(RulesTest, NothingFoundIsNothingToDo) {
  Assessment a = Judge(Findings{});
  EXPECT_EQ(a.kind, Kind::kNone);
  EXPECT_TRUE(a.rule.empty());
}

TEST(RulesTest, SpinalCordCompression) {
  EXPECT_EQ(Judge(With({{"numbness", kReported}})).rule, "mscc");
  // Back pain alone is not a red flag; with a nerve symptom it is, even one
  // only asked about ("my back hurts, can that cause numbness?").
  EXPECT_EQ(Judge(With({{"back_pain", kReported}})).kind, Kind::kInformational);
  Assessment both = Judge(With({{"back_pain", kReported}, {"numbness", kAsked}}));
  EXPECT_EQ(both.kind, Kind::kEmergency);
  EXPECT_EQ(both.rule, "mscc");
  EXPECT_EQ(both.concepts, (std::vector<std::string>{"back_pain", "numbness"}));
  EXPECT_EQ(Judge(With({{"mscc_named", kAsked}})).kind, Kind::kInformational);
  EXPECT_EQ(
      Judge(With({{"mscc_named", kReported}, {"suspicion", kReported}, {"person", kReported}}))
          .kind,
      Kind::kEmergency);
}

TEST(RulesTest, HypercalcaemiaNeedsACombinationOrMarkedConfusion) {
  EXPECT_EQ(Judge(With({{"thirst", kReported}})).kind, Kind::kInformational);
  EXPECT_EQ(Judge(With({{"nausea_vomiting", kReported}})).kind, Kind::kNone);
  Assessment two = Judge(With({{"thirst", kReported}, {"drowsiness", kReported}}));
  EXPECT_EQ(two.kind, Kind::kEmergency);
  EXPECT_EQ(two.rule, "hypercalcaemia");
  EXPECT_EQ(Judge(With({{"marked_confusion", kReported}})).rule, "hypercalcaemia");
  EXPECT_EQ(Judge(With({{"thirst", kAsked}, {"drowsiness", kAsked}})).kind, Kind::kInformational);
}

TEST(RulesTest, FeverNeedsTreatmentOrSomeone) {
  EXPECT_EQ(Judge(With({{"fever", kReported}})).kind, Kind::kEmergency);
  EXPECT_EQ(Judge(With({{"fever", {true, false}}})).kind, Kind::kInformational);
  EXPECT_EQ(Judge(With({{"fever", {true, false}}, {"chemo", kReported}})).rule,
            "neutropenic_fever");
  EXPECT_EQ(Judge(With({{"shivering", kReported}})).kind, Kind::kNone);
  EXPECT_EQ(Judge(With({{"shivering", kReported}, {"chemo", kAsked}})).kind, Kind::kEmergency);
  EXPECT_EQ(Judge(With({{"temperature_number", kReported}})).kind, Kind::kNone);
  EXPECT_EQ(Judge(With({{"high_temperature", kReported}})).rule, "neutropenic_fever");
}

TEST(RulesTest, CrisisWinsOverEmergencyAndAdvice) {
  Assessment a =
      Judge(With({{"wish_dead", kReported}, {"chest_pain", kReported}, {"dose_words", kReported}}));
  EXPECT_EQ(a.kind, Kind::kCrisis);
  EXPECT_EQ(a.rule, "self_harm");
  EXPECT_EQ(Judge(With({{"overdose_intent", kReported}})).kind, Kind::kCrisis);
  Assessment accident =
      Judge(With({{"overdose_intent", kReported}, {"accidental_overdose", kReported}}));
  EXPECT_EQ(accident.kind, Kind::kEmergency);
  EXPECT_EQ(accident.rule, "general_emergency");
}

TEST(RulesTest, EmergencyRulesInOrder) {
  EXPECT_EQ(Judge(With({{"collapse", kReported}, {"numbness", kReported}})).rule,
            "general_emergency");
  EXPECT_EQ(Judge(With({{"broken_bone", kReported}, {"numbness", kReported}})).rule, "fracture");
  EXPECT_EQ(Judge(With({{"numbness", kReported}, {"fever", kReported}})).rule, "mscc");
}

TEST(RulesTest, PersonalAdviceNeedsAMedicalSubject) {
  EXPECT_EQ(Judge(With({{"dose_question", kReported}, {"drug", kReported}})).kind,
            Kind::kPersonalAdvice);
  EXPECT_EQ(Judge(With({{"dose_question", kReported}})).kind, Kind::kNone);
  EXPECT_EQ(Judge(With({{"treatment_choice", kReported}})).kind, Kind::kNone);
  EXPECT_EQ(Judge(With({{"own_results", kReported}, {"result_reading", kReported}})).kind,
            Kind::kNone);
  Assessment both =
      Judge(With({{"treatment_choice", kReported}, {"treatment", kReported}, {"fever", kAsked}}));
  EXPECT_EQ(both.kind, Kind::kPersonalAdvice);
  EXPECT_EQ(both.rule, "personal_advice");
  EXPECT_EQ(both.informational_rule, "neutropenic_fever");
}

}  // namespace
}  // namespace faqbot::safety
