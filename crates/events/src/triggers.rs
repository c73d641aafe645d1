//! Trigger lexicons: the words that signal each event type, with the context each one needs.
//!
//! Every entry is a lowercase word form (inflections are listed one by one) mapped to one or
//! more [`Trigger`]s, tried in order; the first whose [`Cond`] holds and that no veto list
//! rules out wins. Look a word up with [`lookup`].

/// People meeting: "met", "held talks", "welcomed".
pub const MEET: &str = "meet";
/// Parties agreeing: "agreed", "deal", "signed a treaty".
pub const AGREE: &str = "agree";
/// An armed attack: "attacked", "fired missiles at", "shelled".
pub const ATTACK: &str = "attack";
/// A summit of leaders.
pub const SUMMIT: &str = "summit";
/// A visit or journey: "visited", "trip to", "arrived in".
pub const VISIT: &str = "visit";
/// An announcement: "announced", "unveiled", "launched a plan".
pub const ANNOUNCE: &str = "announce";
/// A killing or a death: "killed", "died".
pub const KILL: &str = "kill";
/// A resignation: "resigned", "stepped down".
pub const RESIGN: &str = "resign";
/// An election win: "elected", "won the election".
pub const ELECT: &str = "elect";
/// An arrest: "arrested", "detained".
pub const ARREST: &str = "arrest";
/// A court sentence: "sentenced", "jailed".
pub const SENTENCE: &str = "sentence";
/// A protest or a labour strike: "protested", "marched", "went on strike".
pub const PROTEST: &str = "protest";
/// People hurt: "injured", "wounded".
pub const INJURE: &str = "injure";
/// A takeover: "acquired", "agreed to buy", "acquisition of".
pub const ACQUIRE: &str = "acquire";
/// A plea in court: "pleaded guilty".
pub const PLEAD: &str = "plead";
/// Legislation signed: "signed the bill into law".
pub const SIGN: &str = "sign";
/// Legislation passed: "the Senate passed the bill".
pub const PASS: &str = "pass";
/// A formal declaration: "declared a state of emergency", "declared war".
pub const DECLARE: &str = "declare";

/// Every event type this stage produces.
pub const KINDS: &[&str] = &[
    MEET, AGREE, ATTACK, SUMMIT, VISIT, ANNOUNCE, KILL, RESIGN, ELECT, ARREST, SENTENCE, PROTEST,
    INJURE, ACQUIRE, PLEAD, SIGN, PASS, DECLARE,
];

/// The part of speech a trigger word is used in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    /// A verb form ("met"): participants come from the subject and object sides.
    Verb,
    /// A noun ("summit"): participants come from its modifiers ("Nato summit", "talks with X").
    Noun,
    /// Either, decided from the word before it ("an attack" is a noun, "to attack" a verb).
    Either,
}

/// The context a trigger word needs to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    /// No context needed.
    Any,
    /// The next words must be exactly these; they become part of the trigger ("held talks").
    Then(&'static [&'static str]),
    /// The next word must be one of these ("trip to", "arrived in").
    Next(&'static [&'static str]),
    /// One of these words must follow within `n` tokens ("fired 16 missiles", "launched an
    /// attack"); the tokens up to it cannot trigger again.
    Within(usize, &'static [&'static str]),
    /// A person or organisation mention must follow within three tokens ("welcomed the King"),
    /// or the verb is passive ("was welcomed to").
    PersonObject,
    /// The previous word is one of the first list, or the next word one of the second ("air
    /// strike", "strikes on").
    Around(&'static [&'static str], &'static [&'static str]),
    /// One of these words within `n` tokens on either side ("the bill passed", "passed the
    /// bill").
    Near(usize, &'static [&'static str]),
    /// "meet" followed by a person, a preposition, an adverb or nothing, not by a thing ("meet
    /// her fiscal rules").
    MeetObject,
}

/// One reading of a trigger word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// The event type (one of [`KINDS`]).
    pub kind: &'static str,
    /// Verb, noun or either.
    pub pos: Pos,
    /// The context it needs.
    pub cond: Cond,
    /// Vetoed when the word right before it is one of these ("heart attack").
    pub not_after: &'static [&'static str],
    /// Vetoed when one of the two words before it is one of these ("reached the summit").
    pub not_near: &'static [&'static str],
    /// Vetoed when the next word, determiners skipped, is one of these ("meet the target").
    pub not_before: &'static [&'static str],
}

const fn tr(kind: &'static str, pos: Pos, cond: Cond) -> Trigger {
    Trigger {
        kind,
        pos,
        cond,
        not_after: &[],
        not_near: &[],
        not_before: &[],
    }
}

use lists::*;
use Cond::*;
use Pos::*;

/// Veto lists and context words.
#[rustfmt::skip]
mod lists {
    pub(super) const MEET_NOT_BEFORE: &[&str] = &[
        "target", "targets", "demand", "demands", "deadline", "deadlines", "need", "needs",
        "criteria", "criterion", "requirement", "requirements", "expectation", "expectations",
        "standard", "standards", "goal", "goals", "cost", "costs", "challenge", "challenges",
        "threshold", "thresholds", "obligation", "obligations", "commitment", "commitments",
        "condition", "conditions", "quota", "quotas", "payments", "bills", "shortfall",
        "shortfalls", "definition", "eye", "gaze", "criticism", "resistance", "opposition", "fate",
        "end", "rules", "rule", "corner", "cross", "ball", "pass", "delivery", "free-kick",
        "header", "shot", "price", "prices", "bill", "rent", "rise", "increase",
    ];
    pub(super) const MEET_NOT_AFTER: &[&str] = &["ends"];

    pub(super) const AGREE_NOT_BEFORE: &[&str] = &["with"];
    pub(super) const DEAL_NOT_AFTER: &[&str] = &["great", "good", "raw"];
    pub(super) const ACCORD_NOT_AFTER: &[&str] = &["own", "in"];

    pub(super) const ATTACK_NOT_AFTER: &[&str] =
        &["heart", "panic", "asthma", "anxiety", "allergy", "allergic", "in", "on", "verbal",
          "personal", "scathing", "blistering", "stinging", "withering", "rhetorical", "savage"];
    pub(super) const ATTACK_NOT_BEFORE: &[&str] = &[
        "midfielder", "midfielders", "midfield", "line", "minded", "third", "player", "players",
        "plan", "plans", "policy", "policies", "decision", "decisions", "record", "comments",
        "remarks", "proposal", "proposals", "budget", "idea", "ideas", "move", "ad", "ads", "dog",
        "dogs", "rate", "surface", "press", "media", "report", "claims",
    ];
    pub(super) const FIRE_OBJECTS: &[&str] = &[
        "missile", "missiles", "drone", "drones", "rocket", "rockets", "shell", "shells", "shots",
        "bullets", "rounds", "artillery", "mortars", "projectiles", "at", "on", "upon", "into",
    ];
    pub(super) const FIRE_NOT_BEFORE: &[&str] = &["from", "up", "off"];
    pub(super) const ATTACK_NOUNS: &[&str] = &[
        "attack", "attacks", "offensive", "assault", "strike", "strikes", "airstrike",
        "airstrikes", "invasion", "raid", "raids", "missile", "missiles", "drone", "drones",
        "rockets", "incursion", "bombardment", "counteroffensive", "counter-offensive",
    ];
    pub(super) const PLAN_NOUNS: &[&str] = &[
        "plan", "plans", "scheme", "campaign", "initiative", "programme", "program", "inquiry",
        "investigation", "review", "bid", "fund", "strategy", "policy", "consultation", "app",
        "service", "appeal", "petition", "partnership", "project", "website", "report", "probe",
    ];
    pub(super) const STRIKE_PREV: &[&str] = &[
        "air", "drone", "missile", "missiles", "military", "rocket", "artillery", "retaliatory",
        "deadly", "nuclear", "pre-emptive", "precision", "overnight", "israeli", "russian",
        "ukrainian", "american", "us", "iranian", "aerial", "targeted", "fresh", "new", "latest",
    ];
    pub(super) const STRIKE_NEXT: &[&str] = &["on", "against", "targeting", "hit", "hits", "killed"];
    pub(super) const LABOUR_STRIKE_PREV: &[&str] =
        &["on", "general", "national", "rail", "teachers", "nurses", "doctors", "postal"];
    pub(super) const STRUCK_NOT_BEFORE: &[&str] = &[
        "down", "off", "out", "up", "balance", "chord", "note", "tone", "gold", "lucky", "blow",
        "nerve", "pose", "match", "it", "me", "him", "her", "deal", "agreement", "bargain",
        "compromise", "figure", "dumb", "fear",
    ];
    pub(super) const DEAL_NOUNS: &[&str] =
        &["deal", "deals", "agreement", "agreements", "accord", "pact", "bargain", "compromise"];
    pub(super) const SIGN_OBJECTS: &[&str] = &[
        "deal", "deals", "agreement", "agreements", "accord", "accords", "treaty", "treaties",
        "pact", "memorandum", "contract", "ceasefire", "truce", "declaration", "communique",
        "protocol", "charter", "convention",
    ];
    pub(super) const SIGN_NOT_BEFORE: &[&str] = &["off", "up", "for", "in", "out"];
    pub(super) const LAW_NOUNS: &[&str] = &[
        "bill", "bills", "law", "laws", "legislation", "package", "measure", "measures", "order",
        "orders", "budget", "decree", "act", "amendment", "statute", "ordinance", "resolution",
        "motion",
    ];
    pub(super) const PASS_NOT_BEFORE: &[&str] =
        &["away", "out", "on", "by", "through", "over", "up", "off"];
    pub(super) const ACQUIRE_NOT_BEFORE: &[&str] = &[
        "taste", "immunity", "skills", "skill", "knowledge", "reputation", "time", "tickets",
        "ticket", "food", "house", "home", "it", "them", "votes", "shares", "stake", "habit",
        "status",
    ];
    pub(super) const EMERGENCY_NOUNS: &[&str] = &[
        "emergency", "emergencies", "war", "independence", "martial", "ceasefire", "bankruptcy",
        "curfew", "disaster", "pandemic", "lockdown", "truce",
    ];
    pub(super) const PLEA_WORDS: &[&str] = &["guilty", "not", "innocent", "no"];
    pub(super) const SETTLEMENT_PREV: &[&str] = &["peace", "legal", "pay", "divorce"];
    pub(super) const VISIT_NOT_BEFORE: &[&str] =
        &["website", "websites", "site", "page", "www", "webpage", "link", "shop", "store"];
    pub(super) const VISITING_NOT_BEFORE: &[&str] = &[
        "team", "teams", "side", "sides", "fans", "supporters", "professor", "fellow", "scholar",
        "hours", "rights", "lecturer", "researcher", "time",
    ];
    pub(super) const SUMMIT_NOT_NEAR: &[&str] =
        &["reached", "reach", "reaching", "climbed", "climb", "climbing", "scaled", "conquered"];
    pub(super) const DECLARED_NOT_BEFORE: &[&str] =
        &["dead", "fit", "unfit", "safe", "insolvent", "bankrupt", "innocent", "guilty", "winner"];
    pub(super) const KILL_NOT_BEFORE: &[&str] = &["off", "time", "bill", "joy", "mood", "switch"];
    pub(super) const DIE_NOT_BEFORE: &[&str] = &["down", "out", "away", "hard"];
    pub(super) const KILL_NOT_NEAR: &[&str] = &[
        "trying", "tried", "try", "attempting", "attempted", "attempt", "plot", "plotted",
        "plotting", "threatened", "threatening", "threat", "vowed", "wanted", "intended",
        "planned", "planning", "conspiracy", "to",
    ];
    pub(super) const INJURE_NOT_NEAR: &[&str] = &["is", "are", "remains", "remain"];
    pub(super) const RESIGN_NOT_NEAR: &[&str] = &[
        "to", "would", "will", "should", "must", "urged", "refused", "refuses", "demanded",
        "calls", "called", "might", "could", "may", "threatened",
    ];
    pub(super) const RESIGN_NOT_BEFORE: &[&str] =
        &["to", "himself", "herself", "themselves", "myself"];
    pub(super) const ELECTED_NOT_BEFORE: &[&str] = &[
        "officials", "official", "representatives", "representative", "members", "member", "body",
        "bodies", "politicians", "leaders", "government", "governments", "mayors", "councillors",
        "councils", "assembly", "parliament",
    ];
    pub(super) const WIN_OBJECTS: &[&str] = &[
        "election", "elections", "presidency", "leadership", "primary", "referendum",
        "re-election", "reelection", "mandate", "by-election",
    ];
    pub(super) const ARREST_NOT_AFTER: &[&str] = &["cardiac", "respiratory"];
    pub(super) const ARREST_NOT_BEFORE: &[&str] =
        &["warrant", "warrants", "officer", "officers", "development"];
    pub(super) const INJURE_NOT_AFTER: &[&str] = &["the", "an", "a", "his", "her", "their", "its"];
    pub(super) const INJURE_NOT_BEFORE: &[&str] = &[
        "list", "players", "player", "reserve", "knee", "ankle", "hamstring", "striker", "pride",
        "party", "parties",
    ];
    pub(super) const PROTEST_NOT_BEFORE: &[&str] = &["innocence", "vote", "votes"];
}

// ---------------------------------------------------------------------------------------------
// readings

static MEET_VERB: [Trigger; 1] = [Trigger {
    not_after: MEET_NOT_AFTER,
    not_before: MEET_NOT_BEFORE,
    ..tr(MEET, Verb, MeetObject)
}];
static MEET_EITHER: [Trigger; 1] = [Trigger {
    not_after: MEET_NOT_AFTER,
    not_before: MEET_NOT_BEFORE,
    ..tr(MEET, Either, Any)
}];
static MEET_HOST: [Trigger; 1] = [tr(MEET, Verb, PersonObject)];
static MEET_HOLD: [Trigger; 1] = [tr(MEET, Verb, Then(&["talks"]))];
static MEET_SAT: [Trigger; 1] = [tr(MEET, Verb, Then(&["down", "with"]))];
static MEET_TALKS: [Trigger; 1] = [tr(MEET, Noun, Next(&["with", "between"]))];

static AGREE_VERB: [Trigger; 1] = [tr(AGREE, Verb, Any)];
static AGREE_PRESENT: [Trigger; 1] = [Trigger {
    not_before: AGREE_NOT_BEFORE,
    ..tr(AGREE, Verb, Any)
}];
static AGREE_NOUN: [Trigger; 1] = [Trigger {
    not_after: &["in", "of"],
    ..tr(AGREE, Noun, Any)
}];
static AGREE_DEAL: [Trigger; 1] = [Trigger {
    not_after: DEAL_NOT_AFTER,
    not_before: AGREE_NOT_BEFORE,
    ..tr(AGREE, Noun, Any)
}];
static AGREE_ACCORD: [Trigger; 1] = [Trigger {
    not_after: ACCORD_NOT_AFTER,
    not_before: AGREE_NOT_BEFORE,
    ..tr(AGREE, Noun, Any)
}];
static AGREE_SETTLEMENT: [Trigger; 1] = [tr(
    AGREE,
    Noun,
    Around(SETTLEMENT_PREV, &["with", "between"]),
)];
static SIGNED: [Trigger; 2] = [
    Trigger {
        not_before: SIGN_NOT_BEFORE,
        ..tr(AGREE, Verb, Within(4, SIGN_OBJECTS))
    },
    Trigger {
        not_before: SIGN_NOT_BEFORE,
        ..tr(SIGN, Verb, Within(6, LAW_NOUNS))
    },
];
static STRUCK: [Trigger; 2] = [
    tr(AGREE, Verb, Within(3, DEAL_NOUNS)),
    Trigger {
        not_before: STRUCK_NOT_BEFORE,
        ..tr(ATTACK, Verb, Any)
    },
];

static ATTACK_VERB: [Trigger; 1] = [Trigger {
    not_after: ATTACK_NOT_AFTER,
    not_before: ATTACK_NOT_BEFORE,
    ..tr(ATTACK, Verb, Any)
}];
static ATTACK_EITHER: [Trigger; 1] = [Trigger {
    not_after: ATTACK_NOT_AFTER,
    not_before: ATTACK_NOT_BEFORE,
    ..tr(ATTACK, Either, Any)
}];
static ATTACK_PLAIN: [Trigger; 1] = [tr(ATTACK, Verb, Any)];
static AIRSTRIKE: [Trigger; 1] = [tr(ATTACK, Noun, Any)];
static FIRED: [Trigger; 1] = [Trigger {
    not_before: FIRE_NOT_BEFORE,
    ..tr(ATTACK, Verb, Within(3, FIRE_OBJECTS))
}];
static STRIKE: [Trigger; 2] = [
    Trigger {
        not_before: &["goal", "balance"],
        ..tr(ATTACK, Noun, Around(STRIKE_PREV, STRIKE_NEXT))
    },
    tr(PROTEST, Noun, Around(LABOUR_STRIKE_PREV, &["action"])),
];
static LAUNCHED: [Trigger; 2] = [
    tr(ATTACK, Verb, Within(3, ATTACK_NOUNS)),
    tr(ANNOUNCE, Verb, Within(4, PLAN_NOUNS)),
];

static SUMMIT_NOUN: [Trigger; 1] = [Trigger {
    not_near: SUMMIT_NOT_NEAR,
    ..tr(SUMMIT, Noun, Any)
}];

static VISIT_VERB: [Trigger; 1] = [Trigger {
    not_before: VISIT_NOT_BEFORE,
    ..tr(VISIT, Verb, Any)
}];
static VISIT_EITHER: [Trigger; 1] = [Trigger {
    not_before: VISIT_NOT_BEFORE,
    ..tr(VISIT, Either, Any)
}];
static VISITING: [Trigger; 1] = [Trigger {
    not_before: VISITING_NOT_BEFORE,
    not_after: &["a", "the"],
    ..tr(VISIT, Verb, Any)
}];
static TRIP: [Trigger; 1] = [tr(VISIT, Noun, Next(&["to"]))];
static ARRIVED: [Trigger; 1] = [tr(VISIT, Verb, Next(&["in", "at"]))];
static TRAVELLED: [Trigger; 1] = [tr(VISIT, Verb, Next(&["to"]))];
static FLEW: [Trigger; 1] = [tr(VISIT, Verb, Next(&["to", "into"]))];

static ANNOUNCE_VERB: [Trigger; 1] = [tr(ANNOUNCE, Verb, Any)];
static DECLARED: [Trigger; 2] = [
    tr(DECLARE, Verb, Within(4, EMERGENCY_NOUNS)),
    Trigger {
        not_before: DECLARED_NOT_BEFORE,
        ..tr(ANNOUNCE, Verb, Any)
    },
];

static KILL_VERB: [Trigger; 1] = [Trigger {
    not_before: KILL_NOT_BEFORE,
    not_near: KILL_NOT_NEAR,
    ..tr(KILL, Verb, Any)
}];
static DIED: [Trigger; 1] = [Trigger {
    not_before: DIE_NOT_BEFORE,
    ..tr(KILL, Verb, Any)
}];

static RESIGN_VERB: [Trigger; 1] = [Trigger {
    not_near: RESIGN_NOT_NEAR,
    not_before: RESIGN_NOT_BEFORE,
    ..tr(RESIGN, Verb, Any)
}];
static STEP_DOWN: [Trigger; 1] = [Trigger {
    not_near: RESIGN_NOT_NEAR,
    ..tr(RESIGN, Verb, Then(&["down"]))
}];

static ELECTED: [Trigger; 1] = [Trigger {
    not_before: ELECTED_NOT_BEFORE,
    ..tr(ELECT, Verb, Any)
}];
static WON: [Trigger; 1] = [tr(ELECT, Verb, Within(3, WIN_OBJECTS))];

static ARREST_EITHER: [Trigger; 1] = [Trigger {
    not_after: ARREST_NOT_AFTER,
    not_before: ARREST_NOT_BEFORE,
    ..tr(ARREST, Either, Any)
}];
static ARREST_VERB: [Trigger; 1] = [Trigger {
    not_before: ARREST_NOT_BEFORE,
    ..tr(ARREST, Verb, Any)
}];

static SENTENCE_VERB: [Trigger; 1] = [tr(SENTENCE, Verb, Any)];
static PLEADED: [Trigger; 1] = [tr(PLEAD, Verb, Next(PLEA_WORDS))];

static PROTEST_EITHER: [Trigger; 1] = [Trigger {
    not_before: PROTEST_NOT_BEFORE,
    ..tr(PROTEST, Either, Any)
}];
static PROTEST_VERB: [Trigger; 1] = [Trigger {
    not_before: PROTEST_NOT_BEFORE,
    ..tr(PROTEST, Verb, Any)
}];

static INJURE_VERB: [Trigger; 1] = [Trigger {
    not_after: INJURE_NOT_AFTER,
    not_near: INJURE_NOT_NEAR,
    not_before: INJURE_NOT_BEFORE,
    ..tr(INJURE, Verb, Any)
}];

static ACQUIRE_VERB: [Trigger; 1] = [Trigger {
    not_before: ACQUIRE_NOT_BEFORE,
    ..tr(ACQUIRE, Verb, Any)
}];
static ACQUIRE_NOUN: [Trigger; 1] = [tr(ACQUIRE, Noun, Any)];
static PASSED: [Trigger; 1] = [Trigger {
    not_before: PASS_NOT_BEFORE,
    ..tr(PASS, Verb, Near(5, LAW_NOUNS))
}];

/// Word forms and their readings, sorted by word (bytewise) for binary search.
static TABLE: &[(&str, &[Trigger])] = &[
    ("accord", &AGREE_ACCORD),
    ("accords", &AGREE_ACCORD),
    ("acquire", &ACQUIRE_VERB),
    ("acquired", &ACQUIRE_VERB),
    ("acquires", &ACQUIRE_VERB),
    ("acquiring", &ACQUIRE_VERB),
    ("acquisition", &ACQUIRE_NOUN),
    ("acquisitions", &ACQUIRE_NOUN),
    ("agree", &AGREE_PRESENT),
    ("agreed", &AGREE_VERB),
    ("agreeing", &AGREE_VERB),
    ("agreement", &AGREE_NOUN),
    ("agreements", &AGREE_NOUN),
    ("agrees", &AGREE_PRESENT),
    ("air-strike", &AIRSTRIKE),
    ("air-strikes", &AIRSTRIKE),
    ("airstrike", &AIRSTRIKE),
    ("airstrikes", &AIRSTRIKE),
    ("announce", &ANNOUNCE_VERB),
    ("announced", &ANNOUNCE_VERB),
    ("announces", &ANNOUNCE_VERB),
    ("announcing", &ANNOUNCE_VERB),
    ("arrest", &ARREST_EITHER),
    ("arrested", &ARREST_VERB),
    ("arresting", &ARREST_VERB),
    ("arrests", &ARREST_EITHER),
    ("arrived", &ARRIVED),
    ("arrives", &ARRIVED),
    ("arriving", &ARRIVED),
    ("attack", &ATTACK_EITHER),
    ("attacked", &ATTACK_VERB),
    ("attacking", &ATTACK_VERB),
    ("attacks", &ATTACK_EITHER),
    ("bombarded", &ATTACK_PLAIN),
    ("bombed", &ATTACK_PLAIN),
    ("bought", &ACQUIRE_VERB),
    ("buy", &ACQUIRE_VERB),
    ("buying", &ACQUIRE_VERB),
    ("buys", &ACQUIRE_VERB),
    ("deal", &AGREE_DEAL),
    ("deals", &AGREE_DEAL),
    ("declared", &DECLARED),
    ("declares", &DECLARED),
    ("detained", &ARREST_VERB),
    ("detaining", &ARREST_VERB),
    ("detains", &ARREST_VERB),
    ("died", &DIED),
    ("dies", &DIED),
    ("elected", &ELECTED),
    ("fired", &FIRED),
    ("flew", &FLEW),
    ("held", &MEET_HOLD),
    ("hold", &MEET_HOLD),
    ("holding", &MEET_HOLD),
    ("holds", &MEET_HOLD),
    ("hosted", &MEET_HOST),
    ("hosting", &MEET_HOST),
    ("hosts", &MEET_HOST),
    ("imprisoned", &SENTENCE_VERB),
    ("injured", &INJURE_VERB),
    ("injuring", &INJURE_VERB),
    ("jailed", &SENTENCE_VERB),
    ("kill", &KILL_VERB),
    ("killed", &KILL_VERB),
    ("killing", &KILL_VERB),
    ("kills", &KILL_VERB),
    ("launched", &LAUNCHED),
    ("launches", &LAUNCHED),
    ("marched", &PROTEST_VERB),
    ("meet", &MEET_VERB),
    ("meeting", &MEET_EITHER),
    ("meets", &MEET_VERB),
    ("met", &MEET_VERB),
    ("negotiations", &MEET_TALKS),
    ("pact", &AGREE_NOUN),
    ("pacts", &AGREE_NOUN),
    ("passed", &PASSED),
    ("passes", &PASSED),
    ("plead", &PLEADED),
    ("pleaded", &PLEADED),
    ("pleads", &PLEADED),
    ("pled", &PLEADED),
    ("protest", &PROTEST_EITHER),
    ("protested", &PROTEST_VERB),
    ("protesting", &PROTEST_VERB),
    ("protests", &PROTEST_EITHER),
    ("re-elected", &ELECTED),
    ("received", &MEET_HOST),
    ("receives", &MEET_HOST),
    ("resign", &RESIGN_VERB),
    ("resigned", &RESIGN_VERB),
    ("resigning", &RESIGN_VERB),
    ("resigns", &RESIGN_VERB),
    ("sat", &MEET_SAT),
    ("sentenced", &SENTENCE_VERB),
    ("sentencing", &SENTENCE_VERB),
    ("settlement", &AGREE_SETTLEMENT),
    ("shelled", &ATTACK_PLAIN),
    ("sign", &SIGNED),
    ("signed", &SIGNED),
    ("signing", &SIGNED),
    ("signs", &SIGNED),
    ("sit", &MEET_SAT),
    ("sits", &MEET_SAT),
    ("sitting", &MEET_SAT),
    ("step", &STEP_DOWN),
    ("stepped", &STEP_DOWN),
    ("stepping", &STEP_DOWN),
    ("steps", &STEP_DOWN),
    ("strike", &STRIKE),
    ("strikes", &STRIKE),
    ("struck", &STRUCK),
    ("summit", &SUMMIT_NOUN),
    ("summits", &SUMMIT_NOUN),
    ("takeover", &ACQUIRE_NOUN),
    ("takeovers", &ACQUIRE_NOUN),
    ("talks", &MEET_TALKS),
    ("traveled", &TRAVELLED),
    ("traveling", &TRAVELLED),
    ("travelled", &TRAVELLED),
    ("travelling", &TRAVELLED),
    ("travels", &TRAVELLED),
    ("treaties", &AGREE_NOUN),
    ("treaty", &AGREE_NOUN),
    ("trip", &TRIP),
    ("trips", &TRIP),
    ("unveil", &ANNOUNCE_VERB),
    ("unveiled", &ANNOUNCE_VERB),
    ("unveiling", &ANNOUNCE_VERB),
    ("unveils", &ANNOUNCE_VERB),
    ("visit", &VISIT_EITHER),
    ("visited", &VISIT_VERB),
    ("visiting", &VISITING),
    ("visits", &VISIT_EITHER),
    ("welcomed", &MEET_HOST),
    ("welcomes", &MEET_HOST),
    ("welcoming", &MEET_HOST),
    ("win", &WON),
    ("wins", &WON),
    ("won", &WON),
    ("wounded", &INJURE_VERB),
    ("wounding", &INJURE_VERB),
];

/// The readings of a lowercase word form; empty when the word triggers nothing.
///
/// ```
/// use byline_events::triggers::{lookup, MEET};
/// assert_eq!(lookup("met")[0].kind, MEET);
/// assert!(lookup("table").is_empty());
/// ```
pub fn lookup(word: &str) -> &'static [Trigger] {
    match TABLE.binary_search_by(|(w, _)| w.cmp(&word)) {
        Ok(k) => TABLE[k].1,
        Err(_) => &[],
    }
}

/// Every word form in the lexicon, in table order.
pub fn words() -> impl Iterator<Item = &'static str> {
    TABLE.iter().map(|(w, _)| *w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_lowercase_and_unique() {
        for pair in TABLE.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (w, readings) in TABLE {
            assert_eq!(*w, w.to_lowercase());
            assert!(!readings.is_empty());
            for r in *readings {
                assert!(KINDS.contains(&r.kind));
            }
        }
    }

    #[test]
    fn every_word_is_found() {
        for w in words() {
            assert!(!lookup(w).is_empty(), "{w}");
        }
        assert!(lookup("").is_empty());
        assert!(lookup("Met").is_empty());
    }
}
