// @brief Pattern rules for emergencies, crisis and personal advice.
#include "safety/rule_safety_stage.h"

#include "common/text.h"

namespace faqbot::safety {
namespace {

std::regex Re(const char* pattern) { return std::regex(pattern, std::regex::icase); }

}  // namespace

RuleSafetyStage::RuleSafetyStage(RegionContacts contacts) : contacts_(std::move(contacts)) {
  using K = Assessment::Kind;
  rules_ = {
      {K::kCrisis, "self_harm",
       Re(R"(suicid|kill myself|end (my|it) (life|all)|want to die|better off dead|)"
          R"(nobody would miss me|hurt myself|harm myself|overdose)")},
      {K::kEmergency, "mscc",
       Re(R"((can'?t|cannot|unable to) (move|feel|walk).*\b(legs?|arms?|feet)\b|)"
          R"(lost control of my (bladder|bowels?)|legs? (gave|giving|keep giving) way)")},
      {K::kPersonalAdvice, "personal_advice",
       Re(R"(how (much|many) .*(can|should) i take|should i (stop|start|choose|have|take))")},
  };
}

Assessment RuleSafetyStage::Assess(std::string_view message) const {
  std::string text = text::FoldPunctuation(message);
  for (const auto& rule : rules_) {
    if (std::regex_search(text, rule.pattern)) return {rule.kind, rule.id};
  }
  return {};
}

SafetyResponse RuleSafetyStage::Respond(const Assessment& a) const {
  switch (a.kind) {
    case Assessment::Kind::kCrisis:
      return {
          "I'm really sorry you're feeling like this. You deserve support right now: please "
          "contact a crisis line or emergency services.",
          contacts_.crisis};
    case Assessment::Kind::kEmergency:
      return {
          "This could be an emergency. Contact your acute oncology team or emergency "
          "services now, without waiting.",
          {contacts_.emergency}};
    case Assessment::Kind::kPersonalAdvice:
      return {
          "I can't advise on your own treatment or doses: that decision belongs to your care "
          "team (your doctor, oncologist, nurse or pharmacist).",
          {}};
    default:
      return {};
  }
}

}  // namespace faqbot::safety
