// Composes replies: quotes passages and facts with their sources, adds the
// disclaimer and referrals to medical replies, and words clarifications and
// honest fallbacks. Every medical statement it emits is a corpus quote.
// Immutable after construction; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "dialogue/knowledge.h"
#include "dialogue/reply.h"
#include "dialogue/understander.h"
#include "index/analyzer.h"

namespace faqbot::dialogue {

struct ComposerOptions {
  std::string disclaimer =
      "This is general information, not medical advice. Please talk to your healthcare team "
      "about your own situation.";
  std::vector<Referral> referrals = {
      {"American Cancer Society", "https://www.cancer.org", "support"},
      {"Cancer Support Community", "https://www.cancersupportcommunity.org", "support"},
      {"Bone Cancer Research Trust", "https://www.bcrt.org.uk", "information"},
      {"National Cancer Institute", "https://www.cancer.gov", "information"}};
  // How a person reaches a human in this deployment; added to handoff replies.
  std::string handoff =
      "If you are a patient, your hospital's oncology team or specialist nurse is the best "
      "person to talk to.";
};

class Composer {
 public:
  explicit Composer(ComposerOptions options) : options_(std::move(options)) {}

  Reply Compose(const Knowledge& kb, const Understanding& u, const index::Analysis& analysis) const;

  // Sources, disclaimer and referrals for a reply quoting these passages.
  void Cite(const std::vector<const index::Passage*>& passages, Reply* reply) const;
  // The passages an answer intent quotes for this message: all of them, or
  // the best-matching few when the intent asks for that or the message names
  // one of its focus entities.
  std::vector<const index::Passage*> PassagesFor(const Knowledge& kb, const intents::Intent& in,
                                                 const index::Analysis& analysis,
                                                 const Understanding& u) const;
  // Follow-up questions named by an intent.
  std::vector<std::string> Suggestions(const Knowledge& kb, const intents::Intent& in) const;

  const ComposerOptions& options() const { return options_; }

 private:
  Reply FromIntent(const Knowledge& kb, const Understanding& u,
                   const index::Analysis& analysis) const;
  Reply Survival(const Knowledge& kb, const Understanding& u) const;
  Reply Clarify(const Knowledge& kb, const Understanding& u) const;
  Reply FromHits(const Knowledge& kb, const Understanding& u) const;
  Reply Fallback(const Knowledge& kb, const Understanding& u) const;

  ComposerOptions options_;
};

}  // namespace faqbot::dialogue
