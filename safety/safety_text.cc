// @brief Clause splitting and word normalisation for the safety rules.
#include "safety/safety_text.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "common/text.h"

namespace faqbot::safety {
namespace {

// Spellings mapped to the one form the rules are written in: UK/US variants,
// contractions, lay forms and misspellings too far from the word for the
// one-edit tolerance below.
const std::map<std::string, std::string, std::less<>>& Variants() {
  static const std::map<std::string, std::string, std::less<>> kVariants = {
      {"cannot", "cant"},
      {"couldnt", "cant"},
      {"cudnt", "cant"},
      {"carnt", "cant"},
      {"cnt", "cant"},
      {"wouldnt", "wont"},
      {"wanna", "want"},
      {"gonna", "going"},
      {"iam", "im"},
      {"paralysed", "paralyzed"},
      {"paralysd", "paralyzed"},
      {"haemorrhage", "hemorrhage"},
      {"haemorrhaging", "hemorrhaging"},
      {"hypercalcaemia", "hypercalcemia"},
      {"hypercalcaemic", "hypercalcemic"},
      {"faecal", "fecal"},
      {"diarrhoea", "diarrhea"},
      {"tumour", "tumor"},
      {"tumours", "tumors"},
      {"temp", "temperature"},
      {"temps", "temperature"},
      {"tempreture", "temperature"},
      {"temparature", "temperature"},
      {"temprature", "temperature"},
      {"tempature", "temperature"},
      {"temperatur", "temperature"},
      {"feaver", "fever"},
      {"fevor", "fever"},
      {"fevar", "fever"},

      {"nunb", "numb"},
      {"numm", "numb"},
      {"numbb", "numb"},
      {"kemo", "chemo"},
      {"keemo", "chemo"},
      {"chemio", "chemo"},
      {"mummy", "mum"},
      {"mommy", "mom"},
      {"mam", "mum"},
      {"seizer", "seizure"},
      {"sezure", "seizure"},
      {"siezure", "seizure"},
      {"confussed", "confused"},
      {"vommiting", "vomiting"},
      {"vomitting", "vomiting"},
      {"puking", "vomiting"},
      {"thristy", "thirsty"},
      {"breth", "breath"},
      {"brething", "breathing"},
      {"suicde", "suicide"},
      {"sucide", "suicide"},
      {"suiside", "suicide"},
      {"sucidal", "suicidal"},
      {"sooicide", "suicide"},
      {"brokn", "broken"},
      {"brocken", "broken"},
      {"borken", "broken"},
      {"strugling", "struggling"},
      {"struggeling", "struggling"},
  };
  return kVariants;
}

// Key words of the rules, matched with one edit of tolerance.
const std::vector<std::string>& FuzzyKeys() {
  static const std::vector<std::string> kKeys = {
      "numbness",      "tingling",    "tingly",      "paralyzed",    "paralysis",   "weakness",
      "confused",      "confusion",   "disoriented", "delirious",    "drowsy",      "drowsiness",
      "vomiting",      "vomited",     "nausea",      "nauseous",     "constipated", "constipation",
      "thirsty",       "temperature", "shivering",   "chemotherapy", "fracture",    "fractured",
      "breathe",       "breathing",   "breathless",  "bleeding",     "collapsed",   "unconscious",
      "unresponsive",  "seizure",     "seizures",    "convulsions",  "incontinent", "incontinence",
      "suicide",       "suicidal",    "overdose",    "bladder",      "urinate",     "urinating",
      "hypercalcemia", "myself",      "himself",     "herself",      "painkillers", "morphine"};
  return kKeys;
}

// Real English words one edit away from a key word that mean something else
// ("blending" is not "bleeding"); tests/safety/safety_text_test.cc checks a
// dictionary against this list.
const std::set<std::string, std::less<>>& NeverCorrected() {
  static const std::set<std::string, std::less<>> kWords = {
      "badder",   "blander",  "bleeping",  "blending",  "breaching", "breeding", "confuser",
      "confuted", "contused", "contusion", "delicious", "dropsy",    "dumbness", "frowsy",
      "gladder",  "jingling", "kingly",    "ladder",    "mingling",  "overdoes", "overdone",
      "ringling", "singling", "singly",    "slivering", "tangling",  "thirty",   "tingeing",
      "tinging",  "tinkling", "wreathe",   "wreathing"};
  return kWords;
}

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Splits a run of letters and digits where letters meet digits: "38c" -> 38 c.
void AddToken(const std::string& token, std::vector<std::string>* words) {
  size_t begin = 0;
  for (size_t i = 1; i <= token.size(); ++i) {
    bool boundary = i == token.size();
    if (!boundary) {
      bool digit = std::isdigit(static_cast<unsigned char>(token[i])) || token[i] == '.';
      bool prev = std::isdigit(static_cast<unsigned char>(token[i - 1])) || token[i - 1] == '.';
      boundary = digit != prev;
    }
    if (boundary) {
      words->push_back(NormalWord(token.substr(begin, i - begin)));
      begin = i;
    }
  }
}

// Word pairs read as one word: "can not" -> "cant", "no one" -> "noone".
void JoinPairs(std::vector<std::string>* words) {
  struct Pair {
    std::string_view first, second, joined;
  };
  static constexpr Pair kPairs[] = {{"can", "not", "cant"},     {"could", "not", "cant"},
                                    {"not", "able", "unable"},  {"no", "one", "noone"},
                                    {"in", "case", "incase"},   {"x", "ray", "xray"},
                                    {"any", "more", "anymore"}, {"no", "longer", "nolonger"}};
  auto& w = *words;
  size_t out = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    const Pair* joined = nullptr;
    for (const Pair& p : kPairs) {
      if (i + 1 < w.size() && w[i] == p.first && w[i + 1] == p.second) joined = &p;
    }
    if (joined) {
      w[out++] = std::string(joined->joined);
      ++i;
    } else {
      if (out != i) w[out] = std::move(w[i]);
      ++out;
    }
  }
  w.resize(out);
}

void EndClause(bool question, Clause* current, std::vector<Clause>* clauses) {
  JoinPairs(&current->words);
  if (!current->words.empty()) {
    current->question = question;
    clauses->push_back(std::move(*current));
  }
  *current = Clause{};
}

}  // namespace

bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > 1) return false;
  size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  if (i == b.size()) return true;  // equal, or one letter added at the end
  if (a.size() > b.size()) return a.substr(i + 1) == b.substr(i);  // one letter added
  if (a.substr(i + 1) == b.substr(i + 1)) return true;             // one letter changed
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);  // two neighbours swapped
}

std::string NormalWord(std::string_view word) {
  if (auto it = Variants().find(word); it != Variants().end()) return it->second;
  if (word.size() < 6 || NeverCorrected().count(word)) return std::string(word);
  for (const std::string& key : FuzzyKeys()) {
    // More than one letter longer or shorter is more than one edit away.
    if (key.size() > word.size() + 1 || word.size() > key.size() + 1) continue;
    if (text::StartsWith(word, key) || text::StartsWith(key, word)) continue;
    if (WithinOneEdit(word, key)) return key;
  }
  return std::string(word);
}

std::vector<Clause> ReadClauses(std::string_view message) {
  std::string s = text::ToLowerAscii(text::FoldPunctuation(message));
  std::vector<Clause> clauses;
  Clause current;
  std::string token;
  auto flush = [&] {
    if (token.empty()) return;
    if (token == "but") {
      token.clear();
      EndClause(false, &current, &clauses);
      return;
    }
    AddToken(token, &current.words);
    token.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool digits_around = i > 0 && i + 1 < s.size() && std::isdigit((unsigned char)s[i - 1]) &&
                         std::isdigit((unsigned char)s[i + 1]);
    if (IsWordByte(static_cast<unsigned char>(c)) || (c == '.' && digits_around)) {
      token.push_back(c);
    } else if (c == '\'' && !token.empty() && i + 1 < s.size() &&
               std::isalpha(static_cast<unsigned char>(s[i + 1]))) {
      // an apostrophe inside a word is dropped
    } else {
      flush();
      if (c == '?' || c == '.' || c == '!' || c == ';' || c == ':' || c == ',' || c == '\n') {
        EndClause(c == '?', &current, &clauses);
      }
    }
  }
  flush();
  EndClause(false, &current, &clauses);
  return clauses;
}

}  // namespace faqbot::safety
