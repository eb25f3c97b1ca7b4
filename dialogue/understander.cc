// @brief Intent choice, context carry-over, confidence and fallback decisions.
#include "dialogue/understander.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "intents/features.h"

namespace faqbot::dialogue {
namespace {

using intents::Entity;
using intents::Intent;
using intents::IntentKind;

bool Conversational(const Intent& in) {
  return in.kind == IntentKind::kSmalltalk || in.kind == IntentKind::kHandoff;
}

bool Mentions(const std::vector<Entity>& mentions, const std::string& type) {
  return std::any_of(mentions.begin(), mentions.end(),
                     [&](const Entity& e) { return e.type == type; });
}

bool NamesFocus(const Intent& in, const std::vector<Entity>& mentions) {
  return std::any_of(in.answer.focus.begin(), in.answer.focus.end(),
                     [&](const std::string& type) { return Mentions(mentions, type); });
}

// Entities that put a message squarely in the corpus's field.
bool IsStrong(const Entity& e) {
  static const std::set<std::string> kStrong = {"topic",          "cancer_type", "uncovered_type",
                                                "primary_cancer", "treatment",   "test",
                                                "drug",           "medical"};
  return kStrong.count(e.type) > 0;
}

// Entities that hint at health but also occur in everyday requests.
bool IsWeak(const Entity& e) {
  return e.type.rfind("health", 0) == 0 || e.type == "symptom" || e.type == "body_site" ||
         e.type == "extent";
}

// Content words the bot has never seen: not in the corpus, the catalogue or
// the lexicon. Off-topic requests are full of them ("flight", "sourdough").
size_t UnknownWords(const Knowledge& kb, const index::Analysis& a) {
  size_t unknown = 0;
  for (size_t i = 0; i < a.words.size(); ++i) {
    const std::string& w = a.words[i];
    // Letters ("the M in TNM") and numbers say nothing about the topic.
    if (a.stop[i] || w.size() <= 2 || std::isdigit(static_cast<unsigned char>(w[0]))) continue;
    if (!kb.analyzer->speller().Knows(w)) ++unknown;
  }
  return unknown;
}

bool MentionsBone(const index::Analysis& a, const std::vector<Entity>& mentions) {
  for (const auto& e : mentions) {
    if (e.type == "topic" || e.type == "cancer_type" || e.type == "body_site") return true;
  }
  return std::find(a.stems.begin(), a.stems.end(), "bone") != a.stems.end();
}

// A condition or cancer the corpus does not cover, named without anything
// it does cover.
const Entity* UncoveredMention(const index::Analysis& a, const std::vector<Entity>& mentions) {
  if (Mentions(mentions, "cancer_type")) return nullptr;
  for (const auto& e : mentions) {
    if (e.type == "uncovered_type") return &e;
  }
  if (MentionsBone(a, mentions)) return nullptr;
  for (const auto& e : mentions) {
    if (e.type == "other_condition" || e.type == "primary_cancer") return &e;
  }
  return nullptr;
}

// Does the message talk about something the corpus is about? A specific
// medical word is enough; a general health word is enough only when the
// rest of the message holds no word the bot has never seen.
bool InDomain(const Knowledge& kb, const index::Analysis& a, const std::vector<Entity>& mentions) {
  if (NamesDomain(mentions)) return true;
  return std::any_of(mentions.begin(), mentions.end(), IsWeak) && UnknownWords(kb, a) == 0;
}

bool HasMedicalContext(const SessionState& session) {
  return !session.last_intent.empty() || session.entities.count("cancer_type") ||
         session.entities.count("topic");
}

// Small talk and handoff carry no content of their own; a message that also
// asks for something the bot has never heard of ("speak in german", "help me
// pay my bill") is not small talk, unless the classifier is very sure.
bool AcceptConversational(const Knowledge& kb, const index::Analysis& a, double p,
                          const Thresholds& t) {
  if (p < t.conversational) return false;
  size_t unknown = UnknownWords(kb, a);
  return unknown == 0 || (unknown == 1 && p >= t.conversational_with_unknown);
}

// A message that only names a topic ("bone metastasis?", "define chordoma")
// asks what it is.
const Intent* DefinitionFor(const Knowledge& kb, const index::Analysis& a,
                            const std::vector<Entity>& mentions, const std::string& topic) {
  std::vector<bool> covered(a.words.size(), false);
  bool any = false;
  for (const auto& e : mentions) {
    if (e.type != "topic" && e.type != "cancer_type" && e.type != "uncovered_type") continue;
    any = e.type != "uncovered_type" || any;
    for (size_t k = e.begin; k < e.end; ++k) covered[k] = true;
  }
  if (!any) return nullptr;
  for (size_t i = 0; i < a.words.size(); ++i) {
    bool generic = a.words[i] == "bone" || a.words[i] == "bones" || a.words[i] == "cancer";
    if (!a.stop[i] && !covered[i] && !generic) return nullptr;
  }
  std::string aspect = Mentions(mentions, "cancer_type") ? "types" : "definition";
  for (const auto& in : kb.catalogue.intents()) {
    if (in.aspect == aspect && (aspect == "types" || in.topic == topic)) return &in;
  }
  return nullptr;
}

// "and for chordoma?", "what about the pain?", "what if it has spread?"
bool LooksLikeFollowUp(const index::Analysis& a, const std::vector<Entity>& mentions) {
  if (a.words.empty() || mentions.empty()) return false;
  const std::string& first = a.words[0];
  bool opener = first == "and" || first == "also" || first == "same" || first == "for" ||
                (a.words.size() > 1 && (first == "what" || first == "how") &&
                 (a.words[1] == "about" || a.words[1] == "if" || a.words[1] == "of"));
  return opener || a.ContentStems().size() <= 2;
}

// The topic this turn is about: named in the message, implied by a cancer
// type, or carried over from the conversation.
std::string EffectiveTopic(const std::vector<Entity>& mentions,
                           const std::map<std::string, std::string>& slots) {
  std::set<std::string> named;
  for (const auto& e : mentions) {
    if (e.type == "topic") named.insert(e.value);
  }
  if (named.size() == 1) return *named.begin();
  if (named.size() > 1) return "";
  if (Mentions(mentions, "cancer_type")) return "stage4";
  if (Mentions(mentions, "primary_cancer")) return "bone_mets";
  auto it = slots.find("topic");
  return it == slots.end() ? "" : it->second;
}

std::map<std::string, double> AspectProbabilities(const Knowledge& kb,
                                                  const std::vector<intents::Prediction>& preds) {
  std::map<std::string, double> out;
  for (const auto& p : preds) {
    const Intent* in = kb.catalogue.Find(p.intent);
    out[in && !in->aspect.empty() ? in->aspect : p.intent] += p.probability;
  }
  return out;
}

std::string AspectOf(const Intent& in) { return in.aspect.empty() ? in.name : in.aspect; }

// Puts the readings of the most likely aspect first: "what is meant by
// secondary bone cancer" is a definition question even when the likeliest
// single intent is not a definition intent, because the two definition
// intents together outweigh it.
void OrderByAspect(const Knowledge& kb, std::vector<intents::Prediction>* preds) {
  auto aspects = AspectProbabilities(kb, *preds);
  std::vector<std::pair<double, intents::Prediction>> keyed;
  keyed.reserve(preds->size());
  for (auto& p : *preds) {
    const Intent* in = kb.catalogue.Find(p.intent);
    keyed.emplace_back(aspects[in ? AspectOf(*in) : p.intent], std::move(p));
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; i < keyed.size(); ++i) (*preds)[i] = std::move(keyed[i].second);
}

// Two readings that quote some of the same passages are not worth a question.
bool ShareAnswers(const Intent& a, const Intent& b) {
  for (const auto& p : a.answer.passages) {
    if (std::find(b.answer.passages.begin(), b.answer.passages.end(), p) !=
        b.answer.passages.end()) {
      return true;
    }
  }
  return false;
}

// Moves `u.intent` to the sibling for the conversation's topic, or -- when no
// topic is known -- to the topic-neutral sibling or a clarification.
void ResolveTopic(const Knowledge& kb, const std::string& topic, Understanding* u) {
  const Intent* in = u->intent;
  if (in->aspect.empty()) return;
  if (!topic.empty()) {
    if (const Intent* sib = kb.catalogue.Sibling(*in, topic)) u->intent = sib;
    return;
  }
  if (in->topic.empty()) return;
  const Intent* neutral = nullptr;
  std::vector<const Intent*> specific;
  for (const auto& other : kb.catalogue.intents()) {
    if (other.aspect != in->aspect) continue;
    if (other.topic.empty()) {
      neutral = &other;
    } else {
      specific.push_back(&other);
    }
  }
  if (u->Focused() && neutral) {
    u->intent = neutral;
  } else if (!u->Focused() && specific.size() > 1) {
    u->outcome = Understanding::Outcome::kClarify;
    u->options = specific;
  }
}

const Intent* Best(const Knowledge& kb, const Understanding& u) {
  return u.predictions.empty() ? nullptr : kb.catalogue.Find(u.predictions[0].intent);
}

// Sets the best reading aside and shares its probability among the rest.
const Intent* DropBest(const Knowledge& kb, Understanding* u) {
  double rest = 1.0 - u->predictions.front().probability;
  u->predictions.erase(u->predictions.begin());
  for (auto& pred : u->predictions) pred.probability /= rest;
  OrderByAspect(kb, &u->predictions);
  return Best(kb, *u);
}

bool Applies(const Intent& in, const index::Analysis& a) {
  if (in.requires_words.empty()) return true;
  std::string text = " " + a.Text() + " ";
  return std::any_of(in.requires_words.begin(), in.requires_words.end(), [&](const std::string& w) {
    return text.find(" " + w + " ") != std::string::npos;
  });
}

// A corpus of at most this many passages is ranked whole for each message:
// one search then serves the classifier's features and the answer's choice
// of passages. Larger corpora search twice, each time for the top few.
constexpr size_t kRankWholeUpTo = 256;

// The passages the classifier's features name; keeps the whole ranking in
// `u` when the corpus is small.
std::vector<index::SearchHit> Retrieve(const Knowledge& kb, const index::Analysis& a,
                                       Understanding* u) {
  size_t size = kb.index->passages().size();
  if (size > kRankWholeUpTo) return intents::RetrieveForFeatures(*kb.index, a);
  auto ranked = kb.index->Search({a.ContentStems(), size, {}, intents::kFeaturePassages});
  if (!ranked.ok()) return {};
  u->ranking = std::move(ranked).value();
  u->ranked_whole = true;
  return intents::PickForFeatures(u->ranking);
}

}  // namespace

bool NamesDomain(const std::vector<Entity>& mentions) {
  return std::any_of(mentions.begin(), mentions.end(), IsStrong);
}

bool Understanding::Focused() const { return intent && NamesFocus(*intent, mentions); }

Understanding Understand(const Knowledge& kb, const index::Analysis& a, const SessionState& session,
                         const Thresholds& t) {
  Understanding u;
  u.mentions = kb.entities.Extract(a);
  u.slots = session.entities;
  if (Mentions(u.mentions, "cancer_type")) u.slots.erase("uncovered_type");
  for (const auto& e : u.mentions) u.slots[e.type] = e.value;
  std::string topic = EffectiveTopic(u.mentions, session.entities);
  if (!topic.empty()) u.slots["topic"] = topic;

  std::vector<index::SearchHit> retrieved = Retrieve(kb, a, &u);
  u.predictions = kb.classifier.Predict(intents::ExtractFeatures(a, u.mentions, retrieved), 4);
  OrderByAspect(kb, &u.predictions);
  const Intent* top = Best(kb, u);
  // "my mum died" and "will my mum die" share their stems; an intent that
  // needs a word as written gives way to the next reading without it.
  if (top && !Applies(*top, a)) top = DropBest(kb, &u);
  if (!top) return u;

  // "what if it's only regional?" after survival figures names what the last
  // answer narrows on, however little else it says.
  const Intent* last = kb.catalogue.Find(session.last_intent);
  bool follow_up = last && LooksLikeFollowUp(a, u.mentions) && NamesFocus(*last, u.mentions);
  if (top->kind == IntentKind::kOutOfScope && !follow_up) {
    if (!NamesDomain(u.mentions)) {
      u.fallback = Understanding::Fallback::kOffTopic;
      return u;
    }
    // "tell me about immunotherapy" reads like "tell me a joke", but names a
    // treatment: the best reading that is not out of scope stands.
    top = DropBest(kb, &u);
    if (!top) return u;
  }
  auto aspects = AspectProbabilities(kb, u.predictions);
  double p = aspects[AspectOf(*top)];
  if (u.predictions.size() > 3) u.predictions.resize(3);
  if (Conversational(*top)) {
    // The words an intent requires are evidence of their own: "my grandad
    // passed away in the summer" is a loss, whatever else it says.
    double q = u.predictions[0].probability;
    bool required = !top->requires_words.empty() && q >= t.conversational;
    if (required || AcceptConversational(kb, a, q, t)) {
      u.outcome = Understanding::Outcome::kIntent;
      u.intent = top;
      u.confidence = q;
      return u;
    }
    // Not small talk after all. Without a medical word it is off topic;
    // with one, it is judged on that without its leading reading.
    if (!NamesDomain(u.mentions)) {
      u.fallback = Understanding::Fallback::kOffTopic;
      return u;
    }
    p = 0;
  }

  if (follow_up) {
    u.intent = last;
    u.follow_up = true;
    u.confidence = std::max(p, t.intent);
  } else {
    if (const Entity* lacking = UncoveredMention(a, u.mentions)) {
      u.fallback = Understanding::Fallback::kUncovered;
      u.uncovered = lacking->type == "uncovered_type" ? lacking->value : lacking->text;
      return u;
    }
    // A medical reading is enough without a medical word when the classifier
    // is sure of it, or when the conversation is already about the disease
    // ("what are my chances?" after "I have chondrosarcoma").
    bool known_words = UnknownWords(kb, a) == 0;
    bool sure = p >= t.sure && top->medical && !retrieved.empty() && known_words;
    bool in_context =
        HasMedicalContext(session) && top->medical && p >= t.intent && UnknownWords(kb, a) <= 1;
    if (!sure && !in_context && !InDomain(kb, a, u.mentions)) {
      u.fallback = Understanding::Fallback::kOffTopic;
      return u;
    }
    if (p < t.intent) {
      if (const Intent* def = DefinitionFor(kb, a, u.mentions, topic)) {
        u.outcome = Understanding::Outcome::kIntent;
        u.intent = def;
        u.confidence = p;
        return u;
      }
      if (!retrieved.empty() && retrieved.front().coverage >= t.passage_coverage) {
        u.outcome = Understanding::Outcome::kPassages;
        u.hits = std::move(retrieved);
        u.confidence = u.hits.front().coverage;
        return u;
      }
      u.fallback = Understanding::Fallback::kUnclear;
      return u;
    }
    for (size_t i = 1; i < u.predictions.size(); ++i) {
      const Intent* other = kb.catalogue.Find(u.predictions[i].intent);
      if (other && !Conversational(*other) && other->kind != IntentKind::kPersonalStatement &&
          top->kind != IntentKind::kPersonalStatement && AspectOf(*other) != AspectOf(*top) &&
          !ShareAnswers(*top, *other) && aspects[AspectOf(*other)] >= t.clarify_ratio * p) {
        u.outcome = Understanding::Outcome::kClarify;
        u.options = {top, other};
        return u;
      }
    }
    if (top->kind == IntentKind::kPersonalStatement && !NamesDomain(u.mentions)) {
      u.fallback = Understanding::Fallback::kUnclear;
      return u;
    }
    u.intent = top;
    u.confidence = p;
  }
  for (const auto& e : u.mentions) {
    if (e.type == "uncovered_type") u.uncovered = e.value;
  }
  u.outcome = Understanding::Outcome::kIntent;
  ResolveTopic(kb, topic, &u);
  return u;
}

}  // namespace faqbot::dialogue
