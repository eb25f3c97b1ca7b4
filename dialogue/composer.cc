// @brief Reply composition from intents, facts and passages.
#include "dialogue/composer.h"

#include <algorithm>
#include <cctype>

#include "common/text.h"

namespace faqbot::dialogue {
namespace {

using intents::Intent;
using intents::IntentKind;

std::string Capitalized(std::string s) {
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string JoinPassages(const std::vector<const index::Passage*>& passages) {
  std::vector<std::string> parts;
  for (const auto* p : passages) parts.push_back(p->text);
  return text::Join(parts, "\n\n");
}

// The canonical words of what the message names that the answer narrows on,
// beyond its own stems: a drug's class ("denosumab" -> "bone modifying
// agent"), a symptom's name ("anaemic" -> "anemia").
std::vector<std::string> FocusStems(const Knowledge& kb, const Understanding& u, const Intent& in) {
  std::vector<std::string> stems;
  const auto& focus = in.answer.focus;
  for (const auto& e : u.mentions) {
    if (e.type != "drug" && std::find(focus.begin(), focus.end(), e.type) == focus.end()) continue;
    std::string words = e.value;
    std::replace(words.begin(), words.end(), '_', ' ');
    for (const auto& s : kb.analyzer->Analyze(words, false).ContentStems()) stems.push_back(s);
  }
  return stems;
}

// The best of the intent's passages for the message, best first: narrowed
// from the message's whole ranking when it has one and the answer adds no
// stems of its own, else searched for.
std::vector<index::SearchHit> RankWithin(const Knowledge& kb, const index::Analysis& analysis,
                                         const Understanding& u, const Intent& in) {
  const std::vector<std::string>& within = in.answer.passages;
  std::vector<std::string> extra = FocusStems(kb, u, in);
  if (u.ranked_whole && extra.empty()) {
    std::vector<index::SearchHit> hits;
    for (const auto& h : u.ranking) {
      if (hits.size() == within.size()) break;
      if (std::find(within.begin(), within.end(), h.passage->id) != within.end()) {
        hits.push_back(h);
      }
    }
    return hits;
  }
  std::vector<std::string> stems = analysis.ContentStems();
  stems.insert(stems.end(), extra.begin(), extra.end());
  auto hits = kb.index->Search({std::move(stems), within.size(), within});
  return hits.ok() ? std::move(hits).value() : std::vector<index::SearchHit>{};
}

// "My sources don't mention denosumab by name" when they don't.
std::string DrugLeadIn(const Understanding& u, const std::vector<const index::Passage*>& quoted) {
  for (const auto& e : u.mentions) {
    if (e.type != "drug") continue;
    bool named = std::any_of(quoted.begin(), quoted.end(), [&](const index::Passage* p) {
      return text::ToLowerAscii(p->text).find(e.text) != std::string::npos;
    });
    if (!named) {
      return "My sources don't mention " + e.text +
             " by name; this is what they say about the kind of medicine it is:";
    }
  }
  return "";
}

std::vector<ScoredIntent> Alternatives(const Understanding& u, const std::string& chosen) {
  std::vector<ScoredIntent> out;
  for (const auto& p : u.predictions) {
    if (p.intent != chosen) out.push_back({p.intent, p.probability});
  }
  return out;
}

}  // namespace

void Composer::Cite(const std::vector<const index::Passage*>& passages, Reply* r) const {
  for (const auto* p : passages) {
    bool seen = std::any_of(r->sources.begin(), r->sources.end(),
                            [&](const Source& s) { return s.passage_id == p->id; });
    if (!seen) {
      r->sources.push_back({p->doc_title, p->publisher, p->url, p->section(), p->id, p->text});
    }
  }
  r->disclaimer = options_.disclaimer;
  r->referrals = options_.referrals;
}

std::vector<std::string> Composer::Suggestions(const Knowledge& kb, const Intent& in) const {
  std::vector<std::string> out;
  for (const auto& name : in.suggestions) {
    if (const Intent* s = kb.catalogue.Find(name); s && !s->question.empty()) {
      out.push_back(s->question);
    }
  }
  return out;
}

std::vector<const index::Passage*> Composer::PassagesFor(const Knowledge& kb, const Intent& in,
                                                         const index::Analysis& analysis,
                                                         const Understanding& u) const {
  std::vector<const index::Passage*> out;
  bool best = u.Focused() || in.answer.select == intents::AnswerSpec::Select::kBest;
  if (best) {
    auto hits = RankWithin(kb, analysis, u, in);
    if (!hits.empty()) {
      double top = hits.front().score;
      for (const auto& h : hits) {
        if (out.size() >= in.answer.max || h.score < 0.5 * top) break;
        out.push_back(h.passage);
      }
      std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
        return a->doc_id != b->doc_id ? a->doc_id > b->doc_id : a->order < b->order;
      });
      return out;
    }
  }
  for (const auto& id : in.answer.passages) {
    if (best && out.size() >= in.answer.max) break;
    if (const auto* p = kb.index->Find(id)) out.push_back(p);
  }
  return out;
}

Reply Composer::Compose(const Knowledge& kb, const Understanding& u,
                        const index::Analysis& analysis) const {
  switch (u.outcome) {
    case Understanding::Outcome::kIntent: {
      Reply r = FromIntent(kb, u, analysis);
      if (r.type == ReplyType::kAnswer && !u.uncovered.empty()) {
        r.text = "My sources don't cover " + Capitalized(u.uncovered) +
                 "; this is what they say about the rest of your question.\n\n" + r.text;
      }
      return r;
    }
    case Understanding::Outcome::kClarify:
      return Clarify(kb, u);
    case Understanding::Outcome::kPassages:
      return FromHits(kb, u);
    case Understanding::Outcome::kFallback:
      break;
  }
  return Fallback(kb, u);
}

Reply Composer::FromIntent(const Knowledge& kb, const Understanding& u,
                           const index::Analysis& analysis) const {
  const Intent& in = *u.intent;
  if (in.kind == IntentKind::kSurvival) return Survival(kb, u);
  Reply r;
  r.intent = ScoredIntent{in.name, u.confidence};
  r.alternatives = Alternatives(u, in.name);
  r.suggestions = Suggestions(kb, in);
  switch (in.kind) {
    case IntentKind::kSmalltalk:
      r.type = ReplyType::kSmalltalk;
      r.text = in.responses.front();
      return r;
    case IntentKind::kHandoff:
      r.type = ReplyType::kHandoff;
      r.text = in.responses.front() + " " + options_.handoff;
      return r;
    case IntentKind::kUnsupported:
      r.type = ReplyType::kFallback;
      r.text = in.responses.front();
      r.referrals = options_.referrals;
      return r;
    case IntentKind::kPersonalStatement:
      r.type = ReplyType::kSmalltalk;
      r.text = in.responses.front();
      return r;
    default:
      break;
  }
  auto passages = PassagesFor(kb, in, analysis, u);
  if (passages.empty()) return Fallback(kb, u);
  r.type = ReplyType::kAnswer;
  std::string lead_in = DrugLeadIn(u, passages);
  if (lead_in.empty()) lead_in = in.lead_in;
  r.text = (lead_in.empty() ? "" : lead_in + "\n\n") + JoinPassages(passages);
  Cite(passages, &r);
  return r;
}

Reply Composer::Survival(const Knowledge& kb, const Understanding& u) const {
  auto slot = [&](const char* type) {
    auto it = u.slots.find(type);
    return it == u.slots.end() ? std::string() : it->second;
  };
  std::string type = slot("cancer_type");
  std::string extent = slot("extent");
  std::vector<const corpus::SurvivalRate*> rates;
  if (extent == "spread") {
    rates = kb.facts.Find(type, "regional");
    auto distant = kb.facts.Find(type, "distant");
    rates.insert(rates.end(), distant.begin(), distant.end());
  } else {
    rates = kb.facts.Find(type, extent);
  }
  Reply r;
  r.type = ReplyType::kAnswer;
  r.intent = ScoredIntent{u.intent->name, u.confidence};
  r.alternatives = Alternatives(u, u.intent->name);
  r.suggestions = Suggestions(kb, *u.intent);
  std::vector<std::string> lines;
  if (!u.intent->lead_in.empty()) lines.push_back(u.intent->lead_in);
  std::string current;
  std::vector<const index::Passage*> cited;
  for (const auto* rate : rates) {
    if (rate->cancer_type != current) {
      current = rate->cancer_type;
      lines.push_back((lines.empty() ? "" : "\n") + Capitalized(current) + ":");
    }
    lines.push_back("- " + Capitalized(rate->extent) + ": " + rate->quote);
    if (const auto* p = kb.index->Find(rate->passage_id)) cited.push_back(p);
  }
  lines.push_back("\n" + kb.facts.caveat_quote);
  if (const auto* p = kb.index->Find(kb.facts.caveat_passage_id)) cited.push_back(p);
  r.text = text::Join(lines, "\n");
  Cite(cited, &r);
  // The source quotes the sentence stating each figure, not its whole paragraph.
  for (auto& s : r.sources) {
    for (const auto* rate : rates) {
      if (rate->passage_id == s.passage_id) s.quote = rate->quote;
    }
    if (s.passage_id == kb.facts.caveat_passage_id) s.quote = kb.facts.caveat_quote;
  }
  return r;
}

Reply Composer::Clarify(const Knowledge& kb, const Understanding& u) const {
  Reply r;
  r.type = ReplyType::kClarify;
  std::vector<std::string> lines = {"I can answer that in more than one way. Which did you mean?"};
  for (const auto* in : u.options) {
    lines.push_back("- " + in->question);
    r.suggestions.push_back(in->question);
  }
  r.text = text::Join(lines, "\n");
  for (const auto& p : u.predictions) r.alternatives.push_back({p.intent, p.probability});
  return r;
}

Reply Composer::FromHits(const Knowledge& kb, const Understanding& u) const {
  std::vector<const index::Passage*> passages;
  double best = u.hits.front().score;
  for (const auto& h : u.hits) {
    if (passages.size() >= 2 || h.score < 0.7 * best) break;
    passages.push_back(h.passage);
  }
  Reply r;
  r.type = ReplyType::kAnswer;
  r.text = "This is what my sources say that comes closest to your question:\n\n" +
           JoinPassages(passages);
  Cite(passages, &r);
  for (const auto& p : u.predictions) r.alternatives.push_back({p.intent, p.probability});
  return r;
}

Reply Composer::Fallback(const Knowledge& kb, const Understanding& u) const {
  Reply r;
  r.type = ReplyType::kFallback;
  // What the bot can do instead: the out-of-scope intent's suggestions.
  for (const auto& in : kb.catalogue.intents()) {
    if (in.kind == IntentKind::kOutOfScope) r.suggestions = Suggestions(kb, in);
  }
  switch (u.fallback) {
    case Understanding::Fallback::kUncovered:
      r.text = "My sources don't cover " + Capitalized(u.uncovered) +
               ". They cover stage 4 bone cancer (osteosarcoma, chondrosarcoma and chordoma) and "
               "bone metastases. Your care team, or the organisations below, can help with "
               "anything else.";
      r.referrals = options_.referrals;
      break;
    case Understanding::Fallback::kOffTopic:
      r.text =
          "Sorry, I can only answer questions about stage 4 bone cancer and bone metastases, "
          "so I can't help with that.";
      break;
    default:
      r.text =
          "I'm not sure I understood, and I don't want to guess. Could you put it another "
          "way? I can answer questions about what stage 4 bone cancer and bone metastases "
          "are, their symptoms, tests, treatments, survival figures and support.";
      r.referrals = options_.referrals;
      break;
  }
  for (const auto& p : u.predictions) r.alternatives.push_back({p.intent, p.probability});
  return r;
}

}  // namespace faqbot::dialogue
