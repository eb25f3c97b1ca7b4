// @brief The message -> reply pipeline.
#include "dialogue/engine.h"

#include "dialogue/clauses.h"

namespace faqbot::dialogue {
namespace {

using safety::Assessment;

bool Unanswered(const Understanding& u) {
  return u.outcome == Understanding::Outcome::kFallback &&
         (u.fallback == Understanding::Fallback::kUnclear ||
          u.fallback == Understanding::Fallback::kOffTopic);
}

// A clause stands for the message only when it is a confident medical
// reading: it names something squarely in the corpus's field, or the
// classifier is sure. "can you double check" (a test?) is no such clause.
bool StandsAlone(const Understanding& u, const Thresholds& t) {
  bool answer = (u.outcome == Understanding::Outcome::kIntent && u.intent->medical) ||
                u.outcome == Understanding::Outcome::kPassages;
  return answer && (NamesDomain(u.mentions) || u.confidence >= t.sure);
}

// The question inside the chatter: when the whole message is unclear or off
// topic, the clause with the most confident medical reading speaks for it
// ("whats a bone met, oncologist said mum has them in her spine").
void FocusOnAClause(const Knowledge& kb, const std::string& message, const SessionState& state,
                    const Thresholds& thresholds, index::Analysis* analysis, Understanding* u) {
  std::vector<std::string> clauses = SplitClauses(message);
  if (clauses.size() < 2) return;
  double best = -1;
  for (const auto& clause : clauses) {
    index::Analysis a = kb.analyzer->Analyze(clause);
    Understanding read = Understand(kb, a, state, thresholds);
    if (!StandsAlone(read, thresholds) || read.confidence <= best) continue;
    best = read.confidence;
    *analysis = std::move(a);
    *u = std::move(read);
  }
}

}  // namespace

Engine::Engine(EngineOptions options, std::shared_ptr<const safety::SafetyStage> safety,
               std::shared_ptr<SessionStore> sessions)
    : options_(std::move(options)),
      composer_(options_.composer),
      safety_(std::move(safety)),
      sessions_(std::move(sessions)) {}

void Engine::SetKnowledge(std::shared_ptr<const Knowledge> knowledge) {
  knowledge_.store(std::move(knowledge));
}

std::shared_ptr<const Knowledge> Engine::knowledge() const { return knowledge_.load(); }

Reply Engine::Safety(const Assessment& a, ReplyType type) const {
  safety::SafetyResponse said = safety_->Respond(a);
  Reply r;
  r.type = type;
  r.text = said.text;
  r.safety = SafetyInfo{a.rule, said.contacts};
  // What to do in an emergency is medical guidance too (SAFETY.md section 4).
  if (type == ReplyType::kEmergency) r.disclaimer = composer_.options().disclaimer;
  return r;
}

void Engine::AddUrgentHelpLine(const std::string& rule, Reply* reply) const {
  if (rule.empty() || reply->text.empty()) return;
  std::string line = safety_->Respond({Assessment::Kind::kInformational, rule}).text;
  if (!line.empty()) reply->text += "\n\n" + line;
}

Reply Engine::PersonalAdvice(const Knowledge& kb, const Assessment& a, const Understanding& u,
                             const index::Analysis& analysis) const {
  safety::SafetyResponse said = safety_->Respond(a);
  Reply r;
  r.type = ReplyType::kFallback;
  r.text = said.text;
  r.safety = SafetyInfo{a.rule, said.contacts};
  r.disclaimer = composer_.options().disclaimer;
  r.referrals = composer_.options().referrals;
  // The general, sourced information that exists on the subject, if any.
  std::vector<const index::Passage*> passages;
  if (u.outcome == Understanding::Outcome::kIntent &&
      u.intent->kind == intents::IntentKind::kAnswer) {
    passages = composer_.PassagesFor(kb, *u.intent, analysis, u);
  } else if (auto hits = kb.index->Search({analysis.ContentStems(), 2, {}}); hits.ok()) {
    for (const auto& h : *hits) {
      if (h.coverage >= options_.thresholds.passage_coverage) passages.push_back(h.passage);
    }
  }
  if (!passages.empty()) {
    r.type = ReplyType::kAnswer;
    if (u.intent) r.intent = ScoredIntent{u.intent->name, u.confidence};
    r.text += "\n\nThis is the general information my sources give:";
    for (const auto* p : passages) r.text += "\n\n" + p->text;
    composer_.Cite(passages, &r);
  }
  AddUrgentHelpLine(a.informational_rule, &r);
  r.text += "\n\n" + composer_.options().handoff;
  return r;
}

void Engine::Remember(const Understanding& u, SessionState* state) const {
  if (u.outcome == Understanding::Outcome::kIntent && u.intent->medical) {
    state->last_intent = u.intent->name;
  }
  state->clarify_options.clear();
  for (const auto* in : u.options) state->clarify_options.push_back(in->name);
  state->entities = u.slots;
}

Reply Engine::Respond(const std::string& session_id, const std::string& message) {
  std::shared_ptr<const Knowledge> kb = knowledge();
  return Respond(*kb, session_id, message);
}

Reply Engine::Respond(const Knowledge& kb, const std::string& session_id,
                      const std::string& message) {
  SessionState state = sessions_->Get(session_id).value_or(SessionState{});
  ++state.turns;

  Reply reply;
  Assessment assessment = safety_->Assess(message);
  if (assessment.kind == Assessment::Kind::kEmergency) {
    reply = Safety(assessment, ReplyType::kEmergency);
  } else if (assessment.kind == Assessment::Kind::kCrisis) {
    reply = Safety(assessment, ReplyType::kCrisis);
  } else {
    index::Analysis analysis = kb.analyzer->Analyze(message);
    Understanding u = Understand(kb, analysis, state, options_.thresholds);
    if (Unanswered(u)) FocusOnAClause(kb, message, state, options_.thresholds, &analysis, &u);
    bool advice_intent = u.outcome == Understanding::Outcome::kIntent &&
                         u.intent->kind == intents::IntentKind::kPersonalAdvice;
    // The catalogue's personal.advice intent catches requests the rules miss;
    // a red-flag topic the rules saw asked about keeps its urgent-help line.
    if (advice_intent && (assessment.kind == Assessment::Kind::kNone ||
                          assessment.kind == Assessment::Kind::kInformational)) {
      std::string asked =
          assessment.kind == Assessment::Kind::kInformational ? assessment.rule : "";
      assessment = {Assessment::Kind::kPersonalAdvice, "personal_advice", asked, {}};
    }
    if (assessment.kind == Assessment::Kind::kPersonalAdvice) {
      reply = PersonalAdvice(kb, assessment, u, analysis);
    } else {
      reply = composer_.Compose(kb, u, analysis);
      if (assessment.kind == Assessment::Kind::kInformational) {
        AddUrgentHelpLine(assessment.rule, &reply);
      }
    }
    Remember(u, &state);
  }
  sessions_->Put(session_id, std::move(state));
  reply.session_id = session_id;
  reply.corpus_version = kb.version;
  return reply;
}

}  // namespace faqbot::dialogue
