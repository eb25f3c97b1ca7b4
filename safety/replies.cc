// @brief Reply wording per safety rule. The advice is SAFETY.md's (section 1
// table, section 2, section 3); the sentences are the project's.
#include "safety/replies.h"

#include <map>

namespace faqbot::safety {
namespace {

struct RuleText {
  std::string emergency;  // what to do now
  std::string urgent;     // the informational one-liner
  bool oncology = false;  // the oncology line is the first place to call
};

// Placeholders: {emergency}, {team} (the oncology line or "your acute
// oncology team"), {helpline} (the oncology line or "your 24-hour
// chemotherapy or oncology helpline").
const std::map<std::string, RuleText>& Texts() {
  static const std::map<std::string, RuleText> kTexts = {
      {"mscc",
       {"What you describe can be a sign of spinal cord compression, which is an emergency. "
        "Contact {team} or call {emergency} now, without waiting to see if it gets better. If "
        "the back pain is severe, lie flat until a doctor has assessed you.",
        "When to get urgent help: new or worse back or neck pain with numbness, tingling or "
        "weakness in the arms or legs, difficulty walking, or loss of bladder or bowel control "
        "can be spinal cord compression, an emergency. Contact {team} or call {emergency} "
        "straight away.",
        true}},
      {"hypercalcaemia",
       {"What you describe can be a sign of a high calcium level in the blood "
        "(hypercalcaemia), which can be dangerous. Get medical help now: contact {team} or "
        "call {emergency}.",
        "When to get urgent help: extreme thirst, passing a lot of urine, confusion, "
        "drowsiness, feeling or being sick, or constipation in someone with cancer can mean a "
        "high calcium level, which can be dangerous. Get medical help the same day: contact "
        "{team} or call {emergency}.",
        true}},
      {"fracture",
       {"This could be a broken bone (fracture), which needs emergency care. Do not move the "
        "limb more than you need to, and call {emergency} or go to an emergency department "
        "now.",
        "When to get urgent help: a bone that suddenly breaks or gives way, or sudden severe "
        "bone pain with being unable to move or bear weight, needs emergency care: call "
        "{emergency}.",
        false}},
      {"neutropenic_fever",
       {"A temperature of 38°C (100.4°F) or more, shivering, or feeling suddenly unwell "
        "during or after chemotherapy can be a sign of a serious infection, which is an "
        "emergency. Call {helpline} now, or call {emergency}.",
        "When to get urgent help: a temperature of 38°C (100.4°F) or more, shivering, or "
        "feeling suddenly unwell during or after chemotherapy needs a call to {helpline} or "
        "{emergency} straight away.",
        true}},
      {"general_emergency",
       {"This sounds like a medical emergency. Call {emergency} now.",
        "When to get urgent help: for chest pain, difficulty breathing, heavy bleeding, "
        "collapse or a seizure, call {emergency} straight away.",
        false}},
  };
  return kTexts;
}

void Replace(std::string* s, const std::string& from, const std::string& to) {
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

std::string Fill(std::string text, const RegionContacts& c) {
  bool oncology = !c.oncology.empty();
  Replace(&text, "{emergency}", Spoken(c.emergency.front()));
  Replace(&text, "{team}", oncology ? Spoken(c.oncology.front()) : "your acute oncology team");
  Replace(&text, "{helpline}",
          oncology ? Spoken(c.oncology.front()) : "your 24-hour chemotherapy or oncology helpline");
  return text;
}

std::vector<Contact> Concat(const std::vector<Contact>& a, const std::vector<Contact>& b) {
  std::vector<Contact> out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

}  // namespace

std::string Spoken(const Contact& c) {
  if (!c.say.empty()) return c.say;
  return c.phone.empty() ? c.name : c.phone;
}

SafetyResponse EmergencyReply(const std::string& rule, const RegionContacts& contacts) {
  auto it = Texts().find(rule);
  const RuleText& t = it == Texts().end() ? Texts().at("general_emergency") : it->second;
  return {Fill(t.emergency, contacts),
          t.oncology ? Concat(contacts.oncology, contacts.emergency) : contacts.emergency};
}

SafetyResponse CrisisReply(const RegionContacts& contacts) {
  std::string text =
      "I'm really sorry you're feeling like this. You deserve support right now, and you don't "
      "have to go through this alone. Please reach out to " +
      Spoken(contacts.crisis.front()) +
      " now: they are there to listen. If you might act on these thoughts or are in danger, "
      "call {emergency}. If you are worried about someone else, they can help you too.";
  // Only the first emergency contact: a line for "not an emergency" has no
  // place in a crisis reply.
  return {Fill(text, contacts), Concat(contacts.crisis, {contacts.emergency.front()})};
}

SafetyResponse PersonalAdviceReply() {
  return {
      "I can't advise on your own doses, treatment choices or results: that decision "
      "belongs to your care team (your doctor, oncologist, specialist nurse or "
      "pharmacist), who know your situation.",
      {}};
}

std::string UrgentHelpLine(const std::string& rule, const RegionContacts& contacts) {
  auto it = Texts().find(rule);
  return it == Texts().end() ? std::string() : Fill(it->second.urgent, contacts);
}

}  // namespace faqbot::safety
