// @brief Concept combinations behind each safety rule.
#include "safety/rules.h"

#include <algorithm>
#include <initializer_list>

namespace faqbot::safety {
namespace {

using Ids = std::initializer_list<const char*>;

// How a rule applies to a message, and the concepts it rests on.
struct RuleOutcome {
  explicit RuleOutcome(const char* id) : rule(id) {}
  const char* rule;
  bool reported = false;  // an emergency happening now
  bool asked = false;     // a question about the rule's topic
  std::vector<std::string> because;
};

class Checker {
 public:
  explicit Checker(const Findings& f) : f_(f) {}

  bool Has(Ids ids) {
    return Note(ids, [&](const char* id) { return f_.Has(id); });
  }
  bool Reported(Ids ids) {
    return Note(ids, [&](const char* id) { return f_.Reported(id); });
  }
  bool Personal(Ids ids) {
    return Note(ids, [&](const char* id) { return f_.Personal(id); });
  }
  // "I think I have spinal cord compression": a named condition suspected
  // in someone the message is about.
  bool Suspected(const char* named) {
    return f_.Has(named) && f_.Has("suspicion") && f_.Has("person") &&
           Note({named, "suspicion"}, [](const char*) { return true; });
  }
  size_t CountPresent(Ids ids) const {
    return static_cast<size_t>(
        std::count_if(ids.begin(), ids.end(), [&](const char* id) { return f_.Has(id); }));
  }
  std::vector<std::string> TakeBecause() { return std::move(because_); }

 private:
  template <typename Pred>
  bool Note(Ids ids, Pred pred) {
    bool any = false;
    for (const char* id : ids) {
      if (pred(id)) {
        any = true;
        if (std::find(because_.begin(), because_.end(), id) == because_.end()) {
          because_.push_back(id);
        }
      }
    }
    return any;
  }

  const Findings& f_;
  std::vector<std::string> because_;
};

constexpr Ids kNerve = {"numbness",        "limb_weakness", "walking_difficulty",
                        "bladder_control", "bowel_control", "cant_move_limb"};
constexpr Ids kCalcium = {"thirst",          "frequent_urination", "confusion",      "drowsiness",
                          "nausea_vomiting", "constipation",       "muscle_weakness"};
constexpr Ids kGeneral = {"chest_pain", "breathlessness", "heavy_bleeding",     "collapse",
                          "seizure",    "unconscious",    "accidental_overdose"};
constexpr Ids kFeverish = {"fever", "high_temperature", "temperature_number", "shivering",
                           "suddenly_unwell"};

RuleOutcome GeneralEmergency(const Findings& f) {
  Checker c(f);
  RuleOutcome o("general_emergency");
  o.reported = c.Reported(kGeneral);
  o.asked = c.Has(kGeneral);
  o.because = c.TakeBecause();
  return o;
}

RuleOutcome Fracture(const Findings& f) {
  Checker c(f);
  RuleOutcome o("fracture");
  o.reported = c.Reported({"broken_bone", "cant_bear_weight"}) ||
               (c.Reported({"severe_bone_pain"}) && c.Has({"cant_move_limb"})) ||
               (c.Reported({"fall"}) && c.Has({"cant_move_limb", "severe_bone_pain"})) ||
               c.Suspected("fracture_named");
  if (!o.reported) o.asked = c.Has({"broken_bone", "fracture_named", "cant_bear_weight"});
  o.because = c.TakeBecause();
  return o;
}

RuleOutcome SpinalCord(const Findings& f) {
  Checker c(f);
  RuleOutcome o("mscc");
  o.reported = c.Reported(kNerve) || (c.Reported({"back_pain"}) && c.Has(kNerve)) ||
               c.Suspected("mscc_named");
  if (!o.reported) o.asked = c.Has(kNerve) || c.Has({"back_pain", "mscc_named"});
  o.because = c.TakeBecause();
  return o;
}

RuleOutcome NeutropenicFever(const Findings& f) {
  Checker c(f);
  RuleOutcome o("neutropenic_fever");
  o.reported = c.Reported({"high_temperature"}) || (c.Has({"chemo"}) && c.Reported(kFeverish)) ||
               (c.Reported({"fever"}) && (c.Personal({"fever"}) || c.Has({"cancer"}))) ||
               (c.Reported({"temperature_number"}) && c.Has({"fever", "shivering", "cancer"})) ||
               (c.Reported({"shivering"}) && c.Has({"fever", "temperature_number"})) ||
               c.Suspected("infection_named");
  if (!o.reported) {
    o.asked = c.Has({"infection_named", "fever", "high_temperature"}) ||
              (c.Has({"chemo"}) && c.Has({"shivering", "temperature_number"}));
  }
  o.because = c.TakeBecause();
  return o;
}

RuleOutcome Hypercalcaemia(const Findings& f) {
  Checker c(f);
  RuleOutcome o("hypercalcaemia");
  bool combination = c.CountPresent(kCalcium) >= 2;
  o.reported = (combination && c.Reported(kCalcium)) || c.Reported({"marked_confusion"}) ||
               c.Suspected("hypercalcaemia_named");
  if (!o.reported) {
    o.asked = c.Has({"hypercalcaemia_named", "marked_confusion", "thirst", "confusion"}) ||
              (combination && c.Has(kCalcium));
  }
  o.because = c.TakeBecause();
  return o;
}

bool IsCrisis(const Findings& f, std::vector<std::string>* because) {
  Checker c(f);
  bool crisis =
      c.Has({"suicide", "wish_dead", "self_injury"}) ||
      (f.Has("overdose_intent") && !f.Has("accidental_overdose") && c.Has({"overdose_intent"}));
  *because = c.TakeBecause();
  return crisis;
}

bool IsPersonalAdvice(const Findings& f, std::vector<std::string>* because) {
  Checker c(f);
  bool advice =
      (c.Has({"dose_question"}) && c.Has({"drug"})) || c.Has({"dose_words"}) ||
      (c.Has({"change_medication", "treatment_choice"}) && c.Has({"drug", "treatment"})) ||
      (c.Has({"recommend_request"}) && c.Has({"drug", "treatment", "cancer"})) ||
      (c.Has({"own_results"}) && c.Has({"result_reading"}) && c.Has({"medical"}));
  *because = c.TakeBecause();
  return advice;
}

}  // namespace

Assessment Judge(const Findings& f) {
  using Kind = Assessment::Kind;
  std::vector<std::string> because;
  if (IsCrisis(f, &because)) return {Kind::kCrisis, "self_harm", "", because};
  std::vector<RuleOutcome> outcomes = {GeneralEmergency(f), Fracture(f), SpinalCord(f),
                                       NeutropenicFever(f), Hypercalcaemia(f)};
  for (const auto& o : outcomes) {
    if (o.reported) return {Kind::kEmergency, o.rule, "", o.because};
  }
  // Informational lines prefer the most specific topic.
  static const std::vector<const char*> kInformationalOrder = {
      "mscc", "hypercalcaemia", "fracture", "neutropenic_fever", "general_emergency"};
  const RuleOutcome* asked = nullptr;
  for (const char* rule : kInformationalOrder) {
    for (const auto& o : outcomes) {
      if (!asked && o.asked && o.rule == std::string(rule)) asked = &o;
    }
  }
  if (IsPersonalAdvice(f, &because)) {
    return {Kind::kPersonalAdvice, "personal_advice", asked ? asked->rule : "", because};
  }
  if (asked) return {Kind::kInformational, asked->rule, "", asked->because};
  return {};
}

}  // namespace faqbot::safety
