// @brief The phrases behind each safety concept (SAFETY.md sections 1-3).
//
// Words are in the normal form of safety/safety_text.h: lower case, no
// apostrophes ("cant", "im", "dads"), US spellings ("paralyzed"). The symptom
// lists follow the sources SAFETY.md cites: NICE CG75/NG234 and Macmillan on
// spinal cord compression, Marie Curie on hypercalcaemia, the American Cancer
// Society on bone metastases, NICE CG151 on neutropenic sepsis.
#include "safety/concepts.h"

namespace faqbot::safety {

const WordSets& SafetyWordSets() {
  static const WordSets kSets = {
      {"cant", {"cant", "unable", "incapable", "nolonger"}},
      {"lost", {"lost", "losing", "lose", "loss", "lack", "no"}},
      {"limb", {"leg",    "legs",   "arm",      "arms",    "foot",  "feet",   "toe",  "toes",
                "hand",   "hands",  "finger",   "fingers", "thigh", "thighs", "knee", "knees",
                "bottom", "bum",    "buttock*", "groin",   "waist", "body",   "limb", "limbs",
                "ankle",  "ankles", "shin",     "shins",   "calf",  "calves", "hip",  "hips"}},
      {"bone",
       {"bone",     "bones",     "arm",       "arms",      "leg",        "legs",    "hip",
        "hips",     "femur",     "thighbone", "wrist",     "wrists",     "ankle",   "ankles",
        "rib",      "ribs",      "shoulder",  "shoulders", "collarbone", "pelvis",  "spine",
        "vertebra", "vertebrae", "thigh",     "shin",      "elbow",      "knee",    "kneecap",
        "foot",     "feet",      "toe",       "toes",      "finger",     "fingers", "jaw",
        "skull",    "humerus",   "tibia",     "fibula",    "sternum",    "backbone"}},
      {"pain",
       {"pain", "pains", "painful", "ache", "aches", "aching", "achy", "hurt", "hurts", "hurting",
        "sore", "agony", "agonising", "agonizing", "killing", "excruciating", "throbbing",
        "stabbing", "shooting"}},
      {"relation",
       {"dad",         "dads",     "daddy",    "father",  "fathers", "mum",         "mums",
        "mom",         "moms",     "mother",   "mothers", "husband", "husbands",    "wife",
        "wifes",       "partner",  "partners", "son",     "sons",    "daughter",    "daughters",
        "brother",     "brothers", "sister",   "sisters", "grandma", "grandmother", "granny",
        "gran",        "nan",      "nana",     "nanna",   "grandad", "granddad",    "grandpa",
        "grandfather", "aunt",     "auntie",   "uncle",   "friend",  "boyfriend",   "girlfriend",
        "fiance",      "fiancee",  "child",    "kid",     "baby",    "cousin",      "niece",
        "nephew",      "parent",   "parents",  "stepdad", "stepmum", "stepmom"}},
      {"state",
       {"am",      "was",     "were",    "is",        "have",      "has",    "had",     "got",
        "get",     "gets",    "cant",    "keep",      "keeps",     "kept",   "went",    "lost",
        "woke",    "noticed", "started", "suddenly",  "been",      "havent", "hasnt",   "dont",
        "doesnt",  "didnt",   "fell",    "broke",     "collapsed", "passed", "fainted", "think",
        "thought", "seem",    "seems",   "developed", "began",     "just",   "really",  "still",
        "also",    "now",     "wet",     "soiled",    "vomited",   "threw",  "hurt",    "hurts"}},
      {"advisee",
       {"i", "he", "she", "we", "my", "his", "her", "dad", "mum", "mom", "husband", "wife",
        "partner", "son", "daughter", "mother", "father"}},
      {"drug", {"painkiller*",   "painrelief",    "tablet*",
                "pill*",         "meds",          "medication*",
                "medicine*",     "drug*",         "dose",
                "doses",         "dosage",        "mg",
                "milligram*",    "morphine",      "oxycodone",
                "oxycontin",     "oxynorm",       "oramorph",
                "codeine",       "cocodamol",     "tramadol",
                "fentanyl",      "patch",         "patches",
                "paracetamol",   "acetaminophen", "tylenol",
                "ibuprofen",     "advil",         "nurofen",
                "naproxen",      "aspirin",       "diclofenac",
                "opioid*",       "opiate*",       "steroid*",
                "dexamethasone", "prednisolone",  "prednisone",
                "zoledronic",    "zometa",        "denosumab",
                "xgeva",         "prolia",        "bisphosphonate*",
                "pamidronate",   "gabapentin",    "pregabalin",
                "laxative*",     "antiemetic*",   "ondansetron",
                "lorazepam",     "diazepam",      "methadone",
                "hydromorphone", "buprenorphine"}},
      {"treatment",
       {"chemo*",          "radiotherapy", "radiation",     "surgery",        "surgeries",
        "operation",       "op",           "amputation",    "amputate",       "treatment*",
        "therapy",         "therapies",    "immunotherapy", "trial",          "trials",
        "transplant",      "ablation",     "cementoplasty", "vertebroplasty", "kyphoplasty",
        "bisphosphonate*", "zoledronic",   "denosumab",     "medication*",    "meds",
        "drug*",           "infusion*",    "injection*",    "palliative",     "hospice"}},
      {"result",
       {"scan",        "scans",      "bloods",     "blood",       "result",    "results",
        "report",      "test",       "tests",      "calcium",     "psa",       "alp",
        "phosphatase", "marker",     "markers",    "mri",         "ct",        "pet",
        "xray",        "biopsy",     "hemoglobin", "haemoglobin", "platelets", "neutrophils",
        "wbc",         "creatinine", "level",      "levels",      "count",     "counts",
        "reading",     "readings"}},
      {"medical",
       {"scan",       "scans",       "bloods",      "blood",        "calcium",     "psa",
        "alp",        "phosphatase", "mri",         "ct",           "pet",         "xray",
        "biopsy",     "hemoglobin",  "haemoglobin", "platelets",    "neutrophils", "wbc",
        "creatinine", "tumor",       "tumors",      "cancer",       "oncologist",  "doctor",
        "consultant", "hospital",    "chemo*",      "radiotherapy", "mets",        "metastases",
        "metastatic", "bone",        "bones",       "marker",       "markers"}},
      {"cancer",
       {"cancer",    "cancers",    "mets",      "metastases",   "metastasis",     "metastatic",
        "tumor",     "tumors",     "sarcoma",   "osteosarcoma", "chondrosarcoma", "chordoma",
        "oncology",  "oncologist", "malignant", "secondaries",  "myeloma",        "lymphoma",
        "leukaemia", "leukemia",   "chemo*",    "radiotherapy", "palliative",     "hospice"}},
  };
  return kSets;
}

const std::vector<std::string>& NotBodyTemperature() {
  static const std::vector<std::string> kWords = {
      "car",    "engine",  "weather",    "outside", "forecast", "oven", "room",    "house",
      "water",  "pool",    "thermostat", "heating", "heater",   "city", "sunny",   "rain",
      "fridge", "freezer", "laptop",     "phone",   "computer", "cpu",  "battery", "tomorrow",
      "bake",   "baking",  "cook",       "cooking", "set"};
  return kWords;
}

namespace {

std::vector<ConceptSpec> Signals() {
  return {
      {"marker",
       Role::kMarker,
       {"my|his|her|our", "{relation}", "im|ive|hes|shes|weve|theyre",
        "<can|could|will|would|might|may|does|do|did|should|to i|he|she|we ~1 {state}",
        "i|he|she|we ~1 feel|feels|felt|feeling", "am|is|was|were|have|has|had i|he|she|we"}},
      {"question",
       Role::kQuestion,
       {"cause|causes|causing|caused", "lead|leads|leading ~1 to", "result ~1 in",
        "symptom|symptoms|sign|signs|mean|means|meaning",
        "explain|define|definition|describe|info|information", "tell ~1 me"}},
      {"frame",
       Role::kFrame,
       {"about|called",
        "related|linked|associated|connected|common|usual|typical|happen|happens|risk|risks",
        "warning|normal|worry|worried|worrying|concern|concerned|concerning|difference",
        "treat|treated|treatment|manage|managed|prevent|prevented|diagnose|diagnosed",
        "what ~1 is|are|does|do|causes", "how ~1 is|are|do|does|long|likely"}},
      {"hypothetical",
       Role::kHypothetical,
       {"if|whenever|suppose|supposing|imagine|incase ~3 get|gets|getting|go|goes|going|start|"
        "starts|develop|develops|developed|have|has|had|feel|feels|become|becomes|notice|"
        "notices|noticed|experience|experiences|ever|suddenly|cant|lose|loses|lost|were|was|"
        "did|begin|begins|began"}},
  };
}

std::vector<ConceptSpec> SpinalCord() {
  return {
      {"back_pain",
       Role::kConcept,
       {"back|spine|spinal|neck|backbone ~2 {pain}", "{pain} ~3 back|spine|neck|backbone",
        "backache|backaches|backpain"}},
      {"numbness",
       Role::kConcept,
       {"numb|numbness|numbed|numbing|numbish", "tingl*", "pins ~1 needles",
        "{cant} ~1 feel ~4 {limb}", "{cant} ~1 feel anything|nothing",
        "{limb} ~2 feel|feels|felt|feeling ~1 strange|funny|odd|weird|different|wrong",
        "{lost} ~2 feeling|sensation", "{limb} ~2 feel|feels|felt ~1 dead"}},
      {"limb_weakness",
       Role::kConcept,
       {"{limb} ~3 weak|weaker|weakness|heavy|jelly|useless|floppy|wobbly|buckl*|collaps*",
        "weak|weakness|weaker ~3 {limb}",
        "{limb} ~2 gave|give|giving|gives|gone|went|going ~1 way|out",
        "{limb} ~3 wont|cant|stopped|arent|isnt ~1 work|working|move|moving|hold|holding|support*",
        "{cant} ~3 {limb} ~2 work|working|move|moving", "paraly*",
        "{cant} ~1 stand up|unaided|properly|upright", "{cant} ~1 stand $"}},
      {"cant_move_limb",
       Role::kConcept,
       {"{cant} ~2 move|lift|use|control|bend|raise ~3 {limb}", "{cant} ~1 move $",
        "{cant} ~1 move at all"}},
      {"walking_difficulty",
       Role::kConcept,
       {"{cant} ~2 walk|walking|walked !my|the|your|our|his|her",
        "hard|hardly|difficult|difficulty|trouble|problem|problems|struggl*|strugl*|barely ~3 "
        "walk|walking !my|the|your|our|his|her",
        "unsteady|wobbly ~3 feet|legs|walk*", "keep|keeps|kept|keeping ~1 falling|tripping !asleep",
        "stopped|wont|isnt ~1 walking"}},
      {"bladder_control",
       Role::kConcept,
       {"{lost}|cant ~3 control ~4 bladder|pee|wee|urine|peeing|weeing", "bladder ~3 control",
        "bladder ~2 not|isnt|stopped ~1 working", "incontinen*",
        "wet|wetting|wets|wetted|peed|peeing|weed|weeing|pissed|pissing ~1 "
        "myself|himself|herself|themselves|bed|pants|trousers",
        "{cant} ~3 pee|wee|urinate|urinating|peeing|weeing|piss", "{cant} ~2 pass ~1 urine|water",
        "trouble|difficulty|problems|struggl* ~3 peeing|weeing|urinating|urine|pee|wee",
        "{cant} ~1 empty ~2 bladder",
        "havent|hasnt|not|wasnt ~1 been ~1 able ~2 pee|wee|urinate|peeing|weeing",
        "leak|leaks|leaking ~3 urine|pee|wee"}},
      {"bowel_control",
       Role::kConcept,
       {"soiled|soiling|pooed|pooped|shat|soil|messed ~1 "
        "myself|himself|herself|themselves|pants|trousers|bed",
        "bowel|bowels ~3 control|accident|accidents", "fecal ~1 incontinence",
        "bowel|bowels ~2 not|isnt|stopped ~1 working",
        "{lost}|cant ~3 control ~4 bowel|bowels|bum|poo|pooing"}},
      {"mscc_named",
       Role::kConcept,
       {"spinal|cord ~3 compress*", "compress* ~3 spinal|spine|cord", "mscc", "cauda equina"}},
  };
}

std::vector<ConceptSpec> Calcium() {
  return {
      {"thirst",
       Role::kConcept,
       {"thirsty|thirst|parched", "{cant} ~1 stop drinking",
        "drinking|drink|drinks ~2 lot|loads|lots|constantly|nonstop|litres|liters|gallons"}},
      {"frequent_urination",
       Role::kConcept,
       {"peeing|weeing|urinating|pissing|pee|wee|urinate ~3 "
        "lot|loads|lots|constantly|nonstop|more|often",
        "passing ~2 lot|lots|loads ~2 urine|water",
        "toilet|loo|bathroom ~3 constantly|often|nonstop|lot"}},
      {"confusion",
       Role::kConcept,
       {"confused|confusion "
        "!about|by|with|as|why|how|what|which|whether|if|on|over|at|regarding|between|when|where|"
        "who|me|you",
        "disorient*", "delirious|delirium", "muddled|befuddled", "talking nonsense|gibberish",
        "not making sense", "doesnt|didnt|dont|cant ~2 recogni* ~2 me|us|anyone|family|people",
        "doesnt|didnt|dont ~1 know where ~2 is|are|am|was", "hallucinat*"}},
      {"marked_confusion",
       Role::kConcept,
       {"suddenly|sudden ~3 confused|confusion|disorient*|muddled|delirious",
        "suddenly|sudden ~3 talking nonsense|gibberish", "confused|disorient* ~3 suddenly|sudden",
        "delirious|delirium|disorient*",
        "{relation}|he|she|hes|shes ~4 "
        "very|really|so|extremely|increasingly|completely|totally|more ~1 "
        "confused|disorient*|muddled",
        "doesnt|didnt|dont ~2 recogni* ~2 me|us|anyone|family|people|her|him"}},
      {"drowsiness",
       Role::kConcept,
       {"drowsy|drowsiness|lethargic|lethargy",
        "very|really|so|extremely|excessively|unusually|constantly ~1 sleepy",
        "sleeping|sleeps|asleep ~3 all ~1 day|time", "sleeping|sleeps|asleep ~1 constantly|lot",
        "sleepy", "falling|fell|falls|dropping ~1 asleep", "{cant} ~2 stay awake",
        "{cant} ~2 keep ~2 eyes open", "hard|difficult|struggling ~3 wake|rouse|waking"}},
      {"nausea_vomiting",
       Role::kConcept,
       {"vomit*", "throw|throws|threw|throwing ~1 up", "being|been|was|keeps|keep ~2 sick",
        "feel|feeling|felt|feels ~2 sick !of|and", "nausea|nauseous|nauseated|queasy|retching"}},
      {"constipation",
       Role::kConcept,
       {"constipat*", "{cant} ~2 poo|poop", "havent|hasnt|not ~3 pooed|pooped"}},
      {"muscle_weakness",
       Role::kConcept,
       {"muscle|muscles ~3 weak*", "weak* ~2 muscle|muscles", "so|very|really|extremely weak"}},
      {"hypercalcaemia_named",
       Role::kConcept,
       {"hypercalcemia|hypercalcemic", "high|raised|elevated|increased ~2 calcium",
        "calcium ~3 high|raised|elevated|too"}},
  };
}

std::vector<ConceptSpec> Fracture() {
  return {
      {"broken_bone",
       Role::kConcept,
       {"broke|broken|cracked|fractured|fracture|fractures|snapped|shattered ~3 {bone}",
        "<table|chair|desk|stool|sofa|couch|bed|piano {bone} ~3 "
        "broke|broken|cracked|fractured|snapped|shattered",
        "hip|hips|thigh|femur|bone|bones ~2 gave|give|giving ~1 way",
        "heard|felt ~3 crack|snap|crunch ~4 {bone}"}},
      {"fall",
       Role::kConcept,
       {"i|he|she|we|{relation}|im|hes|shes|had|has|have ~2 fell|fallen|fall|falls "
        "!asleep|for|in|behind|apart|out|through|ill|pregnant"}},
      {"cant_bear_weight", Role::kConcept, {"{cant} ~3 weight", "{cant} ~1 stand ~1 on ~2 {limb}"}},
      {"severe_bone_pain",
       Role::kConcept,
       {"sudden|suddenly|severe|excruciating|agonising|agonizing|unbearable|extreme|worst ~3 "
        "{pain} ~4 {bone}",
        "{bone} ~3 sudden|suddenly|severe|excruciating|agonising|agonizing|unbearable|extreme ~2 "
        "{pain}",
        "{pain} ~3 {bone} ~3 unbearable|excruciating|severe|agonising|agonizing|terrible|extreme"}},
      {"fracture_named",
       Role::kConcept,
       {"fracture|fractures|fractured", "broken|break|breaks ~2 bone|bones"}},
  };
}

std::vector<ConceptSpec> Infection() {
  return {
      {"chemo",
       Role::kConcept,
       {"chemo*", "anticancer", "anti cancer", "cancer ~1 treatment|treatments|drugs",
        "immunotherapy"}},
      {"fever",
       Role::kConcept,
       {"fever|fevers|feverish|febrile|pyrexia|pyrexial",
        "high|raised|spiking|spiked|running ~2 temperature",
        "temperature ~2 high|up|raised|spiking|spiked|rising|rose", "hot ~1 and ~1 cold",
        "burning up", "has|have|had|got|gets|get|develops|develop|running|with ~1 a temperature"},
       NotBodyTemperature()},
      {"shivering",
       Role::kConcept,
       {"shiver*", "rigors|rigor|chills", "shaking|shakes|shaky ~3 uncontrollab*",
        "{cant} ~1 stop shaking", "teeth ~1 chattering"}},
      {"suddenly_unwell",
       Role::kConcept,
       {"suddenly|very|really|so|extremely|feel|feeling|felt|feels ~2 "
        "unwell|ill|poorly|rough|awful|terrible|dreadful|horrible|rubbish"}},
      {"infection_named",
       Role::kConcept,
       {"neutropenic|neutropenia|sepsis|septic", "infection|infections ~4 chemo*",
        "chemo* ~4 infection|infections", "temperature ~4 chemo*", "chemo* ~4 temperature"}},
  };
}

std::vector<ConceptSpec> General() {
  return {
      {"chest_pain",
       Role::kConcept,
       {"chest ~2 {pain}|tight|tightness|pressure|crushing|heavy|heaviness",
        "{pain}|tightness|pressure|crushing ~3 chest", "heart attack"}},
      {"breathlessness",
       Role::kConcept,
       {"{cant} ~2 breathe|breath|breathing", "{cant} ~1 catch ~2 breath",
        "short|shortness ~2 breath", "breathless|breathlessness",
        "difficulty|trouble|struggling|struggle|hard|problems|labored|laboured|difficult ~3 "
        "breathe|breathing|breath",
        "gasping", "stopped|not|isnt ~1 breathing", "choking",
        "breathing ~1 problems|problem|difficulties|difficulty|trouble",
        "problems|problem|trouble ~2 breathing"}},
      {"heavy_bleeding",
       Role::kConcept,
       {"bleeding|bleed|bleeds|bled ~3 heavily|heavy|lot|lots|loads|badly|profusely|everywhere|"
        "nonstop",
        "bleeding|bleed|bleeds ~3 wont|cant|doesnt|isnt|not ~1 stop|stopping",
        "heavy|heavily|lots|pouring|gushing ~2 blood|bleeding",
        "cough*|vomit*|throw*|spit*|spitting ~2 up ~1 blood", "coughing|vomiting ~1 blood",
        "blood ~3 everywhere|pouring|gushing", "hemorrhag*", "blood in ~2 vomit|sick"}},
      {"collapse",
       Role::kConcept,
       {"i|he|she|we|{relation}|im|hes|shes ~3 <{limb} collaps*", "passed|blacked out",
        "fainted|fainting", "keeled over", "fell unconscious", "going|about ~2 pass out|faint",
        "feel|feeling|felt ~2 faint"}},
      {"seizure",
       Role::kConcept,
       {"seizure|seizures|seizing|convuls*|fitting|epileptic", "having|had|has ~1 a ~1 fit"}},
      {"unconscious",
       Role::kConcept,
       {"unconscious|unresponsive|unrousable|unrouseable",
        "{cant} ~1 wake ~1 {relation}|him|her|them",
        "{relation}|he|she|hes|shes ~3 wont|isnt|not|cant ~1 wake|waking|responding|respond|"
        "responsive|breathing"}},
      {"accidental_overdose",
       Role::kConcept,
       {"accidental*|mistake|accident ~5 overdos*|double|extra|too",
        "overdos* ~4 accident*|mistake",
        "took|taken|swallowed|given|gave|had ~2 too ~1 many|much ~3 {drug}"}},
  };
}

// After "... not wake up": words that make it about a bad night, not about
// never waking ("so I don't wake up in pain").
const std::string kStayAsleep =
    "!in|with|during|at|from|because|early|too|sore|stiff|groggy|drowsy|feeling|hurting|screaming|"
    "for|to|needing|each|every|through";

std::vector<ConceptSpec> Crisis() {
  return {
      {"suicide",
       Role::kConcept,
       {"suicid*",
        "kill|killing|hang|hanging|shoot|shooting|drown|drowning|poison|poisoning|unalive ~1 "
        "myself|himself|herself|themselves|ourselves",
        "end|ending|ended|take|taking|took my|his|her|their ~1 life|lives "
        "!insurance|savings|story|policy|style|coach|back",
        "end|ending|ended ~1 it all", "end everything", "end|ending ~1 things !with|between|off|up",
        "want|wanna|going|ready ~2 end it $",
        "easiest|quickest|best|painless|simplest ~3 way|ways ~2 die|dying|kill|end",
        "jump|jumping ~3 off|front ~3 bridge|building|roof|cliff|train|balcony"}},
      {"wish_dead",
       Role::kConcept,
       {"<dont|not|never|doesnt|didnt|scared|afraid|frightened want|wants|wanted|wanting|longing "
        "~2 die !at|in|peacefully|comfortably|surrounded|naturally|with|of|from",
        "want|wants|wanted ~2 dead",
        "wish ~3 dead|die|died",
        "wish ~3 wasnt|werent|hadnt ~1 here|alive|around|born|been",
        "wish ~4 not|never|wont|didnt ~1 wake|waking|born",
        "better off ~3 dead|without|gone",
        "better|happier ~2 without me|him|her",
        "rather ~1 be ~1 dead",
        "rather die",
        "as well be dead",
        "nobody|noone ~3 miss ~2 me|him|her|if",
        "nobody|noone ~3 care|notice ~3 gone|died|dead|die|disappeared",
        "dont|doesnt ~2 want ~2 live|living|exist|existing !in|near|there|here|abroad|at|on|by",
        "dont|doesnt ~2 want ~2 be ~1 alive",
        "dont|doesnt ~2 want ~2 be here anymore",
        "dont|doesnt ~2 want ~2 wake ~1 up",
        "want|wish|hope|pray ~6 never|not ~1 wake",
        "point ~2 living|alive !in|near|there|here|abroad|at|on|by",
        "about|of ~2 not|never ~1 waking|wake",
        "tired|sick|weary ~2 of ~1 living|life|existing",
        "tired|sick|weary ~2 of being alive",
        "dont|doesnt ~2 want ~2 carry|go on $",
        "dont|doesnt ~2 want ~2 carry|go on anymore|living|like",
        "no ~1 reason|point ~3 living|live|alive !in|near|there|here|abroad|at|on|by",
        "no reason|point ~2 go|going|carry|carrying on $",
        "no reason|point ~2 go|going|carry|carrying on anymore|living",
        "not worth living",
        "life isnt worth ~1 living|it",
        "life is not worth ~1 living|it",
        "{cant} go|carry on $",
        "{cant} go|carry on anymore|living|like",
        "{cant} take|do ~1 it|this ~1 anymore",
        "give|giving|given|gave up on ~1 life|living",
        "want|wish ~3 it all ~2 end|over"}},
      {"self_injury",
       Role::kConcept,
       {"hurt|hurting|harm|harming|cut|cutting|burn|burning|injure|injuring|starve|starving ~1 "
        "myself|himself|herself|themselves !shaving|cooking|chopping|accidentally|by|while|on|"
        "when",
        "self ~1 harm|harming|injury|injure|injuring", "selfharm"}},
      {"overdose_intent",
       Role::kConcept,
       {"overdos*", "lethal|fatal|deadly|toxic ~1 dose|doses|amount|overdose",
        "how many|much ~5 {drug} ~6 kill|die|dead|lethal|fatal|end|overdose",
        "enough ~2 {drug} ~3 kill|die|end",
        "how many|much ~5 {drug} ~6 not|never|dont|wont|wouldnt ~1 wake|waking ~1 up " +
            kStayAsleep,
        "how many|much ~5 {drug} ~6 not|never|dont|wont|wouldnt ~1 wake|waking $",
        "enough ~2 {drug} ~6 not|never|dont|wont|wouldnt ~1 wake|waking ~1 up " + kStayAsleep,
        "enough ~2 {drug} ~6 not|never|dont|wont|wouldnt ~1 wake|waking $",
        "taken|took|swallowed ~1 all ~1 my|his|her|the|of ~1 {drug}",
        "take|taking|swallow ~1 all ~1 my|his|her|the ~1 {drug}",
        "saving|saved|collecting|hoarding|stockpil* ~3 {drug}"}},
  };
}

std::vector<ConceptSpec> Advice() {
  const std::string verbs =
      "double|increase|up|raise|reduce|lower|halve|cut|skip|miss|stop|start|take|mix|combine|"
      "drink|switch|change|swap|come|quit|continue|keep|give|have|use|refuse|decline";
  return {
      {"dose_question",
       Role::kConcept,
       {"how much|many ~6 take|have|give|use|double|increase|raise|up|safe|allowed|max|maximum"}},
      {"dose_words", Role::kConcept, {"dose|dosage|doses|dosing|mg|milligram*|mcg"}},
      {"change_medication",
       Role::kConcept,
       {"can|could|should|may|must|shall {advisee} ~2 " + verbs,
        "is|its ~1 it ~1 ok|okay|safe|alright|fine|dangerous|bad ~1 for ~1 "
        "me|him|her|us|{relation}|my ~2 to ~1 " +
            verbs,
        "is|its ~1 it ~1 ok|okay|safe|alright|fine|dangerous|bad ~1 to|if ~2 " + verbs}},
      {"treatment_choice",
       Role::kConcept,
       {"should|shall|do|would {advisee} ~2 "
        "stop|start|have|get|choose|pick|go|try|refuse|decline|continue|keep|take|skip|quit|"
        "switch|change|opt|accept|agree|carry|give|say|consider|want|be|ask",
        "which|what ~2 better|best|right ~2 for ~1 me|him|her|us|my|{relation}",
        "should i|we|he|she $",
        "which|what ~3 {treatment}|option|options|choice ~4 "
        "best|better|right|recommend|should|suit ~3 me|my|him|her|us|{relation}",
        "{treatment} or ~1 {treatment} ~2 for ~1 me|him|her|us|my|{relation}",
        "{treatment} or ~1 {treatment} ~4 should|best|better|choose|pick|recommend",
        "should|best|better|choose|pick|recommend ~6 {treatment} or ~1 {treatment}",
        "is it worth ~5 me|my|him|her|{relation}"}},
      {"recommend_request",
       Role::kConcept,
       {"you ~2 recommend|advise|suggest|choose|pick", "would you ~2 take|have|do|choose|go|try",
        "do you think ~2 i|he|she|we ~1 should", "what would you do",
        "in my|his|her position|place|shoes|situation"}},
      {"own_results",
       Role::kConcept,
       {"my|his|her|our|{relation} ~3 {result}", "is my|his|her ~2 {treatment} working|helping",
        "interpret|read|explain ~3 my|his|her ~3 {result}"}},
      {"result_reading",
       Role::kConcept,
       {"mean|means|meaning|normal|bad|good|high|low|worry|worried|concerning|serious|ok|okay|"
        "fine|say|says|said|show|shows|showed|read|interpret|explain|look|looks|dangerous|worse|"
        "better|working|helping"}},
      {"suspicion",
       Role::kConcept,
       {"think|thinks|thought|suspect|suspects|worried|worry|scared|afraid|might|maybe|possibly|"
        "probably|could"}},
      {"drug", Role::kConcept, {"{drug}"}},
      {"treatment", Role::kConcept, {"{treatment}"}},
      {"medical", Role::kConcept, {"{medical}"}},
      {"cancer", Role::kConcept, {"{cancer}"}},
  };
}

}  // namespace

const std::vector<ConceptSpec>& ConceptSpecs() {
  static const std::vector<ConceptSpec> kSpecs = [] {
    std::vector<ConceptSpec> all;
    for (auto part : {Signals(), SpinalCord(), Calcium(), Fracture(), Infection(), General(),
                      Crisis(), Advice()}) {
      all.insert(all.end(), part.begin(), part.end());
    }
    return all;
  }();
  return kSpecs;
}

}  // namespace faqbot::safety
