// The engine: one message in, one reply out. Runs the pipeline in order --
// safety, then understanding (intents, entities, context), then retrieval and
// composition -- against the currently loaded knowledge, and remembers the
// turn in the session store. Thread-safe; SetKnowledge swaps the bundle
// atomically while requests are in flight.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "dialogue/composer.h"
#include "dialogue/knowledge.h"
#include "dialogue/reply.h"
#include "dialogue/session_store.h"
#include "dialogue/understander.h"
#include "safety/safety_stage.h"

namespace faqbot::dialogue {

struct EngineOptions {
  ComposerOptions composer;
  Thresholds thresholds;
};

class Engine {
 public:
  Engine(EngineOptions options, std::shared_ptr<const safety::SafetyStage> safety,
         std::shared_ptr<SessionStore> sessions);

  void SetKnowledge(std::shared_ptr<const Knowledge> knowledge);
  std::shared_ptr<const Knowledge> knowledge() const;

  // Requires loaded knowledge. `message` is trimmed, valid UTF-8, non-empty.
  Reply Respond(const std::string& session_id, const std::string& message);
  // The same against `kb`, which the caller has loaded (and checked) with
  // knowledge(): one load a request, where each load writes to a counter that
  // every worker thread shares.
  Reply Respond(const Knowledge& kb, const std::string& session_id, const std::string& message);

 private:
  Reply Safety(const safety::Assessment& assessment, ReplyType type) const;
  Reply PersonalAdvice(const Knowledge& kb, const safety::Assessment& assessment,
                       const Understanding& u, const index::Analysis& analysis) const;
  // Appends the safety stage's one line on when to seek urgent help about
  // `rule`'s topic (SAFETY.md section 1); nothing when `rule` is empty.
  void AddUrgentHelpLine(const std::string& rule, Reply* reply) const;
  void Remember(const Understanding& u, SessionState* state) const;

  const EngineOptions options_;
  const Composer composer_;
  std::shared_ptr<const safety::SafetyStage> safety_;
  std::shared_ptr<SessionStore> sessions_;
  // Read by every request, replaced by a reload: no lock for readers to queue on.
  std::atomic<std::shared_ptr<const Knowledge>> knowledge_;
};

}  // namespace faqbot::dialogue
