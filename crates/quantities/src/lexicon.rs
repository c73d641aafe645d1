//! Word tables for the quantities stage: hedges, currencies, scale suffixes, irregular plurals
//! and the function words that end a counted noun phrase.
//!
//! Every lookup takes a word already lowercased (ASCII, the curly apostrophe folded to `'`),
//! except where a function says otherwise. Number words themselves come from
//! [`byline_lexicon::numbers`].

use byline_doc::Qualifier;

/// A hedge of one word before a number ("about 10", "over 300", "nearly half").
pub(crate) fn qualifier1(w: &str) -> Option<Qualifier> {
    Some(match w {
        "about" | "around" | "approximately" | "approx" | "roughly" | "nearly" | "almost"
        | "some" | "circa" | "estimated" => Qualifier::About,
        "over" | "above" => Qualifier::MoreThan,
        "under" | "below" => Qualifier::LessThan,
        _ => return None,
    })
}

/// A hedge of two words ("at least", "fewer than", "close to").
pub(crate) fn qualifier2(a: &str, b: &str) -> Option<Qualifier> {
    Some(match (a, b) {
        ("at", "least") => Qualifier::AtLeast,
        ("at", "most") => Qualifier::AtMost,
        ("more" | "greater" | "higher", "than") | ("upwards", "of") => Qualifier::MoreThan,
        ("just" | "well" | "slightly", "over" | "above") => Qualifier::MoreThan,
        ("less" | "fewer" | "lower", "than") => Qualifier::LessThan,
        ("just" | "well" | "slightly", "under" | "below") => Qualifier::LessThan,
        ("up", "to") => Qualifier::UpTo,
        ("close", "to") | ("an", "estimated") | ("an", "approximate") => Qualifier::About,
        ("nearly" | "almost" | "about" | "around" | "roughly", "some") => Qualifier::About,
        _ => return None,
    })
}

/// A hedge of three words ("no more than", "as many as", "in excess of").
pub(crate) fn qualifier3(a: &str, b: &str, c: &str) -> Option<Qualifier> {
    Some(match (a, b, c) {
        ("no", "more", "than") => Qualifier::AtMost,
        ("no", "fewer" | "less", "than") | ("not", "less" | "fewer", "than") => Qualifier::AtLeast,
        ("as", "many" | "much", "as") => Qualifier::UpTo,
        ("in", "excess", "of") | ("a", "little", "over") => Qualifier::MoreThan,
        ("a", "little", "under") | ("just", "short", "of") => Qualifier::LessThan,
        _ => return None,
    })
}

/// Words that, right before a number, make it a reference back to something already counted
/// ("the two leaders", "those two countries", "the other three").
pub(crate) fn is_reference_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "these"
            | "those"
            | "both"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "whose"
            | "other"
            | "remaining"
            | "first"
            | "last"
            | "next"
            | "past"
            | "previous"
            | "same"
            | "top"
    )
}

/// Words before "one" that make it a pronoun ("no one", "the one", "any one").
pub(crate) fn is_pronoun_one_context(w: &str) -> bool {
    matches!(
        w,
        "no" | "any"
            | "every"
            | "the"
            | "this"
            | "that"
            | "which"
            | "each"
            | "another"
            | "at"
            | "only"
            | "little"
            | "big"
            | "new"
            | "old"
            | "right"
            | "wrong"
            | "last"
    )
}

/// Singular nouns after "one" that make a figure of speech rather than a count ("one thing",
/// "one way", "one day", "one side").
pub(crate) fn is_abstract_singular(w: &str) -> bool {
    matches!(
        w,
        "thing"
            | "way"
            | "time"
            | "point"
            | "hand"
            | "side"
            | "reason"
            | "example"
            | "instance"
            | "aspect"
            | "option"
            | "question"
            | "issue"
            | "problem"
            | "kind"
            | "sort"
            | "type"
            | "form"
            | "part"
            | "piece"
            | "voice"
            | "step"
            | "stage"
            | "moment"
            | "place"
            | "another"
            | "other"
            | "more"
            | "less"
            | "such"
            | "thought"
            | "area"
    )
}

/// Nouns that label the number after them ("Article 5", "Flight 17", "No 10", "page 3").
pub(crate) fn is_label_noun(w: &str) -> bool {
    matches!(
        w,
        "no" | "nos"
            | "number"
            | "article"
            | "section"
            | "chapter"
            | "clause"
            | "page"
            | "pages"
            | "room"
            | "flight"
            | "level"
            | "route"
            | "platform"
            | "gate"
            | "terminal"
            | "category"
            | "grade"
            | "tier"
            | "phase"
            | "stage"
            | "round"
            | "version"
            | "season"
            | "episode"
            | "series"
            | "game"
            | "match"
            | "resolution"
            | "paragraph"
            | "line"
            | "unit"
            | "block"
            | "figure"
            | "table"
            | "vol"
            | "volume"
            | "issue"
            | "item"
            | "rule"
            | "act"
            | "ward"
            | "bus"
            | "channel"
            | "district"
            | "precinct"
            | "area"
            | "nr"
            | "model"
            | "type"
            | "zone"
            | "sector"
            | "call"
            | "called"
            | "calling"
            | "dial"
            | "dialled"
            | "dialed"
            | "dialling"
            | "aged"
            | "age"
            | "ages"
            | "year"
            | "week"
            | "day"
            | "minute"
            | "hour"
            | "covid"
            | "code"
            | "apartment"
            | "flat"
            | "suite"
            | "exit"
            | "junction"
            | "lane"
            | "track"
            | "bay"
            | "seat"
            | "row"
            | "box"
            | "pier"
            | "berth"
            | "stand"
    )
}

/// Adjectives that follow a noun as a predicate ("one man dead", "one official present"): the
/// counted noun comes before them.
pub(crate) fn is_predicative(w: &str) -> bool {
    matches!(
        w,
        "dead"
            | "alive"
            | "present"
            | "absent"
            | "safe"
            | "unhurt"
            | "ill"
            | "sick"
            | "well"
            | "awake"
            | "asleep"
            | "free"
            | "responsible"
            | "able"
            | "unable"
            | "likely"
            | "unlikely"
            | "ready"
            | "due"
            | "available"
            | "aware"
            | "missing"
            | "hurt"
            | "held"
            | "left"
            | "remaining"
            | "aged"
            | "old"
            | "apiece"
            | "total"
            | "overall"
            | "altogether"
    )
}

/// Common adjectives that can end a noun phrase cut short ("one small, 2-month study"): never
/// taken for the counted noun.
pub(crate) fn is_adjective(w: &str) -> bool {
    let by_form = ["ous", "ful", "able", "ible", "less"]
        .iter()
        .any(|s| w.ends_with(s));
    by_form
        || matches!(
            w,
            "small"
                | "large"
                | "big"
                | "little"
                | "new"
                | "old"
                | "young"
                | "major"
                | "minor"
                | "recent"
                | "single"
                | "main"
                | "key"
                | "senior"
                | "junior"
                | "great"
                | "good"
                | "bad"
                | "high"
                | "low"
                | "long"
                | "short"
                | "former"
                | "current"
                | "local"
                | "national"
                | "early"
                | "late"
                | "full"
                | "whole"
                | "particular"
                | "certain"
                | "final"
                | "latest"
                | "possible"
                | "real"
                | "similar"
                | "different"
                | "separate"
                | "huge"
                | "massive"
                | "tiny"
                | "extra"
                | "additional"
                | "further"
                | "serious"
                | "important"
                | "previous"
                | "next"
                | "last"
                | "first"
        )
}

/// Adjectives used as nouns for people ("seven of the dead", "two of the injured").
pub(crate) fn is_people_adjective(w: &str) -> bool {
    matches!(
        w,
        "dead"
            | "injured"
            | "wounded"
            | "missing"
            | "killed"
            | "deceased"
            | "sick"
            | "elderly"
            | "hostages"
            | "survivors"
            | "victims"
            | "casualties"
            | "arrested"
            | "detained"
            | "displaced"
            | "evacuated"
            | "rescued"
    )
}

/// A modifier that forms one noun with the plural after it ("prime ministers", "vice
/// presidents"): the unit keeps both words.
pub(crate) fn is_compound_modifier(modifier: &str, noun: &str) -> bool {
    matches!(
        (modifier, noun),
        (
            "prime" | "foreign" | "first" | "finance" | "cabinet",
            "ministers"
        ) | ("vice", "presidents" | "chancellors")
            | ("chief", "executives" | "constables")
            | ("head", "teachers")
            | ("civil", "servants")
            | ("member", "states")
    )
}

/// Nouns of rulers and governments: after them "under" is a preposition, not a hedge ("served
/// under three prime ministers").
pub(crate) fn is_authority_noun(w: &str) -> bool {
    matches!(
        w,
        "ministers"
            | "presidents"
            | "governments"
            | "leaders"
            | "managers"
            | "coaches"
            | "administrations"
            | "regimes"
            | "rulers"
            | "kings"
            | "queens"
            | "monarchs"
            | "chancellors"
            | "premiers"
            | "bosses"
            | "owners"
            | "captains"
            | "presidencies"
    )
}

/// Word endings of nationality and origin nouns ("Ukrainian", "Briton", "Israeli",
/// "Londoner", "Frenchman"): a capitalised singular noun after "one" is counted only if it
/// looks like one of these.
pub(crate) fn is_demonym_like(w: &str) -> bool {
    [
        "an", "ese", "i", "er", "on", "man", "woman", "ite", "ic", "ard", "sh",
    ]
    .iter()
    .any(|suffix| w.ends_with(suffix))
}

/// Time units: a number counting them is a duration, which the times stage owns.
pub(crate) fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "year"
            | "years"
            | "yr"
            | "yrs"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "hr"
            | "hrs"
            | "minute"
            | "minutes"
            | "min"
            | "mins"
            | "second"
            | "seconds"
            | "sec"
            | "secs"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "millennium"
            | "millennia"
            | "night"
            | "nights"
            | "fortnight"
            | "fortnights"
            | "weekend"
            | "weekends"
            | "morning"
            | "mornings"
            | "afternoon"
            | "afternoons"
            | "evening"
            | "evenings"
            | "times"
            | "o'clock"
    )
}

/// Words right after a number that make it a clock time ("10 am", "9 GMT").
pub(crate) fn is_clock_word(w: &str) -> bool {
    matches!(
        w,
        "am" | "pm"
            | "gmt"
            | "bst"
            | "utc"
            | "cet"
            | "cest"
            | "est"
            | "edt"
            | "pst"
            | "pdt"
            | "o'clock"
            | "hrs"
            | "h"
    )
}

/// Street-type words: "10 Downing Street", "221 Baker Street" are addresses.
pub(crate) fn is_street_word(w: &str) -> bool {
    matches!(
        w,
        "street"
            | "st"
            | "road"
            | "rd"
            | "avenue"
            | "ave"
            | "lane"
            | "drive"
            | "square"
            | "place"
            | "boulevard"
            | "way"
            | "close"
            | "crescent"
            | "terrace"
            | "downing"
            | "park"
            | "gardens"
            | "row"
            | "court"
    )
}

/// Function words, adverbs and common verbs that end the noun phrase after a number: the
/// counted noun is never one of these, and the search for it stops at them.
pub(crate) fn is_stop(w: &str) -> bool {
    matches!(
        w,
        // prepositions
        "in" | "on" | "at" | "of" | "from" | "to" | "for" | "with" | "by" | "about" | "after"
            | "before" | "during" | "into" | "over" | "under" | "between" | "among" | "amongst"
            | "against" | "across" | "through" | "throughout" | "since" | "until" | "till"
            | "within" | "without" | "per" | "via" | "near" | "like" | "as" | "than" | "toward"
            | "towards" | "upon" | "around" | "behind" | "beyond" | "despite" | "amid" | "amidst"
            | "inside" | "outside" | "onto" | "off" | "out" | "up" | "down" | "above" | "below"
            | "along" | "alongside" | "beside" | "besides" | "except" | "including" | "plus"
            | "minus" | "versus" | "vs"
            // determiners and pronouns
            | "the" | "a" | "an" | "this" | "that" | "these" | "those" | "his" | "her" | "its"
            | "their" | "our" | "my" | "your" | "some" | "any" | "every" | "all" | "both"
            | "no" | "it" | "they" | "them" | "he" | "she" | "we" | "you" | "i" | "me" | "him"
            | "us" | "who" | "whom" | "whose" | "which" | "what" | "where" | "when" | "why"
            | "how" | "there" | "here" | "another" | "other" | "others" | "such" | "many"
            | "much" | "few" | "several" | "most" | "more" | "less" | "least" | "fewer"
            | "themselves" | "itself" | "himself" | "herself" | "ourselves" | "myself"
            | "yourself" | "yourselves" | "one" | "ones" | "each" | "apiece"
            // conjunctions
            | "and" | "or" | "but" | "nor" | "so" | "yet" | "because" | "while" | "whilst"
            | "if" | "although" | "though" | "whether" | "unless" | "whereas" | "then"
            // auxiliaries and common verbs
            | "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "has" | "have"
            | "had" | "having" | "do" | "does" | "did" | "done" | "will" | "would" | "shall"
            | "should" | "can" | "could" | "may" | "might" | "must" | "said" | "says" | "say"
            | "told" | "tell" | "tells" | "according" | "remain" | "got" | "get"
            | "gets" | "took" | "take" | "made" | "make" | "went" | "go"
            | "goes" | "came" | "come" | "comes" | "gave" | "give" | "gives" | "saw" | "see"
            | "sees" | "fell" | "left" | "lost" | "won" | "ran" | "hit" | "shot"
            | "put" | "set" | "let" | "cut" | "felt" | "found" | "held" | "kept" | "led" | "met"
            | "paid" | "sent" | "spent" | "stood" | "thought" | "brought" | "bought" | "caught"
            | "fought" | "sold" | "began" | "became" | "broke" | "chose" | "drove" | "flew"
            | "grew" | "knew" | "rose" | "spoke" | "stole" | "threw" | "wrote" | "struck"
            | "seen" | "known" | "given" | "taken" | "shown" | "become" | "need" | "want"
            | "seem" | "seems" | "appear" | "appears" | "include" | "includes" | "mean"
            // adverbs
            | "now" | "also" | "still" | "already" | "just" | "only" | "even" | "ago" | "later"
            | "earlier" | "again" | "not" | "never" | "soon" | "once" | "twice" | "almost"
            | "nearly" | "very" | "too" | "respectively" | "always" | "perhaps" | "thus"
            | "however" | "instead" | "altogether" | "overall" | "together" | "alone"
            | "away" | "back" | "ahead" | "afterwards" | "sometimes" | "nevertheless" | "indeed"
            | "today" | "tonight" | "yesterday" | "tomorrow" | "overnight" | "exactly"
            | "approximately" | "roughly" | "else" | "either" | "neither"
            | "whatsoever" | "annually"
            | "apart" | "aboard" | "abroad" | "ashore" | "nationwide" | "worldwide"
    )
}

/// Currency symbols that stand before an amount.
pub(crate) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '£' => "GBP",
        '€' => "EUR",
        '¥' => "JPY",
        '₹' => "INR",
        '₽' => "RUB",
        '₴' => "UAH",
        '₩' => "KRW",
        '₺' => "TRY",
        '₪' => "ILS",
        '₦' => "NGN",
        _ => return None,
    })
}

/// Country letters glued to a dollar sign ("US$", "A$", "HK$").
pub(crate) fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" => "USD",
        "a" | "au" => "AUD",
        "c" | "ca" => "CAD",
        "nz" => "NZD",
        "hk" => "HKD",
        "s" | "sg" => "SGD",
        "r" => "BRL",
        "mx" => "MXN",
        _ => return None,
    })
}

/// ISO 4217 codes written before or after an amount ("USD 5m", "CHF 200"). Case-sensitive:
/// only the upper-case spelling counts.
pub(crate) fn iso_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "USD" => "USD",
        "GBP" => "GBP",
        "EUR" => "EUR",
        "JPY" => "JPY",
        "CHF" => "CHF",
        "CNY" => "CNY",
        "RMB" => "CNY",
        "RUB" => "RUB",
        "UAH" => "UAH",
        "INR" => "INR",
        "AUD" => "AUD",
        "CAD" => "CAD",
        "NZD" => "NZD",
        "HKD" => "HKD",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "PLN" => "PLN",
        "ZAR" => "ZAR",
        _ => return None,
    })
}

/// Currency names after an amount ("5 million dollars", "300 euros").
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" => "USD",
        "pound" | "pounds" | "sterling" => "GBP",
        "euro" | "euros" => "EUR",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "rupee" | "rupees" => "INR",
        "hryvnia" | "hryvnias" | "hryvnas" | "hryvnya" => "UAH",
        "franc" | "francs" => "CHF",
        "shekel" | "shekels" => "ILS",
        "zloty" | "zlotys" => "PLN",
        "lira" | "liras" => "TRY",
        "naira" => "NGN",
        "rand" => "ZAR",
        _ => return None,
    })
}

/// A country adjective before a currency name that changes the code ("Australian dollars").
pub(crate) fn currency_adjective(adj: &str, name: &str) -> Option<&'static str> {
    Some(match (adj, name) {
        ("us" | "american", "dollar" | "dollars") => "USD",
        ("australian", "dollar" | "dollars") => "AUD",
        ("canadian", "dollar" | "dollars") => "CAD",
        ("hong", "kong") => "HKD",
        ("swiss", "franc" | "francs") => "CHF",
        ("chinese", "yuan") => "CNY",
        ("japanese", "yen") => "JPY",
        ("indian", "rupee" | "rupees") => "INR",
        ("russian", "rouble" | "roubles" | "ruble" | "rubles") => "RUB",
        ("ukrainian", "hryvnia" | "hryvnias") => "UAH",
        _ => return None,
    })
}

/// Scale suffixes glued to (or, after a currency, following) a number: "45m", "1.3bn", "10k".
pub(crate) fn scale_suffix(w: &str) -> Option<f64> {
    Some(match w {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "bn" | "b" | "bln" => 1e9,
        "tn" | "trn" | "tr" => 1e12,
        _ => return None,
    })
}

/// Measurement abbreviations, glued ("10km") or not ("10 km"), with the unit they stand for.
pub(crate) fn measure_abbrev(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kms" => "km",
        "kg" | "kgs" => "kg",
        "mph" => "mph",
        "kph" | "kmh" => "km/h",
        "ft" => "ft",
        "mm" => "mm",
        "cm" => "cm",
        "mi" => "miles",
        "lb" | "lbs" => "lb",
        "oz" => "oz",
        "ml" => "ml",
        "ha" => "ha",
        "kw" => "kW",
        "mw" => "MW",
        "gw" => "GW",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "gwh" => "GWh",
        "twh" => "TWh",
        "mb" => "MB",
        "gb" => "GB",
        "tb" => "TB",
        "sq" => "sq",
        "hp" | "bhp" => "hp",
        "tsp" => "tsp",
        "tbsp" => "tbsp",
        _ => return None,
    })
}

/// Singular nouns whose plural is not formed with -s or -es.
fn irregular_plural(w: &str) -> Option<&'static str> {
    Some(match w {
        "person" => "people",
        "child" => "children",
        "man" => "men",
        "woman" => "women",
        "foot" => "feet",
        "tooth" => "teeth",
        "mouse" => "mice",
        "goose" => "geese",
        "ox" => "oxen",
        "crisis" => "crises",
        "analysis" => "analyses",
        "thesis" => "theses",
        "hypothesis" => "hypotheses",
        "diagnosis" => "diagnoses",
        "basis" => "bases",
        "phenomenon" => "phenomena",
        "criterion" => "criteria",
        "medium" => "media",
        "datum" => "data",
        "life" => "lives",
        "wife" => "wives",
        "knife" => "knives",
        "leaf" => "leaves",
        "half" => "halves",
        "wolf" => "wolves",
        "shelf" => "shelves",
        "thief" => "thieves",
        "loaf" => "loaves",
        "calf" => "calves",
        "hero" => "heroes",
        "potato" => "potatoes",
        "tomato" => "tomatoes",
        "echo" => "echoes",
        "veto" => "vetoes",
        "torpedo" => "torpedoes",
        "cactus" => "cacti",
        "nucleus" => "nuclei",
        "fungus" => "fungi",
        "bus" => "buses",
        "virus" => "viruses",
        "campus" => "campuses",
        "census" => "censuses",
        "bonus" => "bonuses",
        "status" => "statuses",
        "index" => "indices",
        _ => return None,
    })
}

/// Plural forms that do not end in -s, and nouns that do not change in the plural.
pub(crate) fn is_unmarked_plural(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "children"
            | "men"
            | "women"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "oxen"
            | "data"
            | "media"
            | "criteria"
            | "phenomena"
            | "sheep"
            | "fish"
            | "deer"
            | "aircraft"
            | "spacecraft"
            | "hovercraft"
            | "police"
            | "staff"
            | "personnel"
            | "cattle"
            | "livestock"
            | "species"
            | "series"
            | "offspring"
            | "crew"
            | "headquarters"
            | "news"
            | "swine"
            | "salmon"
            | "bison"
            | "horsepower"
            | "hp"
    )
}

/// True for a word that is already a plural noun form (or a noun that does not change in the
/// plural, like "police" or "aircraft"). `raw` is the word as written, `w` its lowercase form
/// (empty when the word is not ASCII).
pub(crate) fn looks_plural(raw: &str, w: &str) -> bool {
    if !w.is_empty() {
        if is_stop(w) || is_time_unit(w) {
            return false;
        }
        if is_unmarked_plural(w) {
            return true;
        }
        if irregular_plural(w).is_some() {
            return false;
        }
        if w.len() > 3 && w.ends_with("men") && !matches!(w, "abdomen" | "specimen" | "regimen") {
            return true;
        }
        if w.len() < 3 || !w.ends_with('s') || w.ends_with("'s") {
            return false;
        }
        let singular_is = w.ends_with("sis")
            || w.ends_with("xis")
            || w.ends_with("tis")
            || matches!(
                w,
                "is" | "his"
                    | "this"
                    | "iris"
                    | "tennis"
                    | "paris"
                    | "penis"
                    | "chris"
                    | "lewis"
                    | "davis"
                    | "louis"
                    | "dennis"
                    | "harris"
                    | "morris"
                    | "travis"
                    | "elvis"
            );
        return !(w.contains('.') || w.ends_with("ss") || w.ends_with("us") || singular_is);
    }
    // Non-ASCII words: only the ending can be judged.
    raw.len() >= 3 && raw.ends_with('s') && !raw.ends_with("ss") && !raw.ends_with("’s")
}

/// The plural of a singular noun as written ("person" → "people", "soldier" → "soldiers",
/// "policeman" → "policemen"). Words already plural come back unchanged.
pub(crate) fn pluralise(raw: &str) -> String {
    let lower = raw.to_ascii_lowercase();
    if looks_plural(raw, &lower) {
        return raw.to_string();
    }
    if let Some(p) = irregular_plural(&lower) {
        return keep_case(raw, p);
    }
    if let Some(stem) = lower.strip_suffix("man") {
        if !stem.is_empty()
            && !matches!(
                lower.as_str(),
                "human" | "german" | "roman" | "shaman" | "caiman"
            )
        {
            return keep_case(raw, &format!("{stem}men"));
        }
    }
    let b = lower.as_bytes();
    let n = b.len();
    if lower.ends_with('s')
        || lower.ends_with('x')
        || lower.ends_with('z')
        || lower.ends_with("ch")
        || lower.ends_with("sh")
    {
        return format!("{raw}es");
    }
    if n >= 2 && b[n - 1] == b'y' && !matches!(b[n - 2], b'a' | b'e' | b'i' | b'o' | b'u') {
        return format!("{}ies", &raw[..raw.len() - 1]);
    }
    format!("{raw}s")
}

/// `plural` with the first letter capitalised when `raw` starts with a capital.
fn keep_case(raw: &str, plural: &str) -> String {
    if raw.chars().next().is_some_and(char::is_uppercase) {
        let mut c = plural.chars();
        c.next().map_or_else(String::new, |f| {
            f.to_uppercase().collect::<String>() + c.as_str()
        })
    } else {
        plural.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(pluralise("person"), "people");
        assert_eq!(pluralise("child"), "children");
        assert_eq!(pluralise("soldier"), "soldiers");
        assert_eq!(pluralise("policeman"), "policemen");
        assert_eq!(pluralise("German"), "Germans");
        assert_eq!(pluralise("casualty"), "casualties");
        assert_eq!(pluralise("day"), "days");
        assert_eq!(pluralise("church"), "churches");
        assert_eq!(pluralise("police"), "police");
        assert_eq!(pluralise("Person"), "People");
        assert_eq!(pluralise("officials"), "officials");
    }

    #[test]
    fn plural_shapes() {
        assert!(looks_plural("drones", "drones"));
        assert!(looks_plural("people", "people"));
        assert!(looks_plural("gunmen", "gunmen"));
        assert!(!looks_plural("process", "process"));
        assert!(!looks_plural("status", "status"));
        assert!(!looks_plural("was", "was"));
        assert!(!looks_plural("years", "years"));
        assert!(!looks_plural("Russia's", "russia's"));
    }

    #[test]
    fn hedges() {
        assert_eq!(qualifier2("at", "least"), Some(Qualifier::AtLeast));
        assert_eq!(qualifier2("fewer", "than"), Some(Qualifier::LessThan));
        assert_eq!(qualifier3("no", "more", "than"), Some(Qualifier::AtMost));
        assert_eq!(qualifier1("nearly"), Some(Qualifier::About));
        assert_eq!(qualifier1("over"), Some(Qualifier::MoreThan));
    }
}
