// @brief Text analysis: tokens -> corrected -> canonical -> stems.
#include "index/analyzer.h"

#include <xapian.h>

#include <algorithm>
#include <unordered_set>

#include "index/tokenizer.h"

namespace faqbot::index {
namespace {

// English function words, plus question words and chat filler that carry no
// topic. Matching on intent keeps them; retrieval drops them.
const std::unordered_set<std::string>& StopWords() {
  static const std::unordered_set<std::string> kWords = {
      "a",          "about",       "above",    "after",      "again",    "against",   "all",
      "am",         "an",          "and",      "any",        "are",      "arent",     "as",
      "at",         "be",          "because",  "been",       "before",   "being",     "below",
      "between",    "both",        "but",      "by",         "can",      "cant",      "could",
      "couldnt",    "did",         "didnt",    "do",         "does",     "doesnt",    "doing",
      "dont",       "down",        "during",   "each",       "few",      "for",       "from",
      "further",    "had",         "hadnt",    "has",        "hasnt",    "have",      "havent",
      "having",     "he",          "hed",      "hell",       "her",      "here",      "heres",
      "hers",       "herself",     "hes",      "him",        "himself",  "his",       "how",
      "hows",       "i",           "id",       "if",         "ill",      "im",        "in",
      "into",       "is",          "isnt",     "it",         "its",      "itself",    "ive",
      "lets",       "me",          "more",     "most",       "mustnt",   "my",        "myself",
      "no",         "nor",         "not",      "of",         "off",      "on",        "once",
      "only",       "or",          "other",    "ought",      "our",      "ours",      "ourselves",
      "out",        "over",        "own",      "same",       "shant",    "she",       "shed",
      "shell",      "shes",        "should",   "shouldnt",   "so",       "some",      "such",
      "than",       "that",        "thats",    "the",        "their",    "theirs",    "them",
      "themselves", "then",        "there",    "theres",     "these",    "they",      "theyd",
      "theyll",     "theyre",      "theyve",   "this",       "those",    "through",   "to",
      "too",        "under",       "until",    "up",         "very",     "was",       "wasnt",
      "we",         "wed",         "well",     "were",       "werent",   "weve",      "what",
      "whats",      "when",        "whens",    "where",      "wheres",   "which",     "while",
      "who",        "whos",        "whom",     "why",        "whys",     "will",      "with",
      "wont",       "would",       "wouldnt",  "you",        "youd",     "youll",     "your",
      "youre",      "yours",       "yourself", "yourselves", "youve",    "tell",      "please",
      "explain",    "know",        "want",     "like",       "get",      "give",      "need",
      "just",       "also",        "really",   "much",       "many",     "may",       "might",
      "must",       "shall",       "thing",    "things",     "anything", "something", "someone",
      "one",        "ok",          "okay",     "hi",         "hello",    "thanks",    "thank",
      "hey",        "u",           "ur",       "im",         "us",       "yes",       "say",
      "said",       "define",      "mean",     "means",      "meaning",  "describe",  "help",
      "info",       "information", "besides",  "except",     "apart",    "else",      "without",
      "within",     "among",       "via",      "per",        "etc",      "anyone",    "everyone",
      "somebody",   "anybody",     "every",    "either",     "neither",  "whether",   "though",
      "although",   "yet",         "still",    "even",       "ever",     "never",     "always",
      "often",      "sometimes",   "usually",  "maybe",      "perhaps",  "sure",      "kind",
      "sort",       "lot",         "lots",     "bit",        "way",      "ways",      "go",
      "goes",       "going",       "gone",     "come",       "comes",    "make",      "makes",
      "made",       "take",        "takes",    "see",        "look",     "let",       "put",
      "try",        "use",         "used",     "using",      "happen",   "happens",   "happened",
      "mine",       "dear",        "hiya",     "meant",      "called",   "regarding", "concerning"};
  return kWords;
}

}  // namespace

std::vector<std::string> Analysis::ContentStems() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < stems.size(); ++i) {
    if (stop[i]) continue;
    if (std::find(out.begin(), out.end(), stems[i]) == out.end()) out.push_back(stems[i]);
  }
  return out;
}

std::string Analysis::Text() const {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

Analyzer::Analyzer(std::shared_ptr<const Lexicon> lexicon,
                   std::shared_ptr<const SpellCorrector> speller)
    : lexicon_(std::move(lexicon)), speller_(std::move(speller)) {}

std::string Analyzer::Stem(const std::string& word) {
  // Xapian::Stem keeps per-object state, so each thread owns one.
  thread_local Xapian::Stem stemmer("english");
  return stemmer(word);
}

bool Analyzer::IsStopWord(const std::string& word) { return StopWords().count(word) > 0; }

Analysis Analyzer::Analyze(std::string_view input, bool correct_spelling) const {
  Analysis a;
  std::vector<std::string> tokens = Tokenize(input);
  if (correct_spelling) {
    for (auto& t : tokens) {
      std::string fixed = speller_->Correct(t);
      if (fixed != t) {
        a.corrections.emplace_back(t, fixed);
        t = std::move(fixed);
      }
    }
  }
  a.words = lexicon_->Canonicalize(tokens);
  a.stems.reserve(a.words.size());
  a.stop.reserve(a.words.size());
  for (const auto& w : a.words) {
    a.stems.push_back(Stem(w));
    a.stop.push_back(IsStopWord(w));
  }
  return a;
}

}  // namespace faqbot::index
