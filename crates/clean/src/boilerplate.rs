//! Text-level boilerplate: what a scraper glued to the story.
//!
//! Each paragraph is scored on cue phrases by category and on the writer addressing the reader
//! (you, your, we, us, our) outside quotation marks. A paragraph that is mostly boilerplate is
//! removed whole; otherwise boilerplate sentences at its start or end are trimmed.

use std::ops::Range;

/// Cue phrases by reason, lower case. Matched on word boundaries outside quotation marks.
const CUES: &[(&str, &[&str])] = &[
    (
        "donation-appeal",
        &[
            "donate",
            "donation",
            "donations",
            "your support",
            "support us",
            "support our",
            "support now",
            "supporting us",
            "support independent",
            "contribute today",
            "make a contribution",
            "every contribution",
            "paywall",
            "paywalls",
            "reader-funded",
            "funded by readers",
            "quality journalism",
            "independent journalism",
            "our journalism",
            "our reporting",
            "become a member",
            "become a supporter",
            "becoming a member",
            "becoming a supporter",
            "readers like you",
            "please consider",
            "consider supporting",
            "keeps our reporters",
            "support our work",
            "fund our",
            "chip in",
            "make a gift",
            "those who can afford",
            "keep our journalism",
        ],
    ),
    (
        "newsletter",
        &[
            "newsletter",
            "newsletters",
            "sign up",
            "sign-up",
            "signup",
            "your inbox",
            "email address",
            "subscribe to our",
            "delivered to your",
            "unsubscribe",
            "privacy policy",
            "privacy notice",
            "by signing up",
            "straight to your inbox",
            "news alerts",
            "breaking news alerts",
            "straight to your phone",
            "push notifications",
            "download our",
            "our free app",
            "our app",
            "the app store",
            "google play",
        ],
    ),
    (
        "related-links",
        &[
            "read more",
            "related:",
            "related articles",
            "related stories",
            "see also",
            "more on this story",
            "most read",
            "most popular",
            "you may also like",
            "read next",
            "what to read next",
            "click here",
            "watch the video",
            "listen to this article",
            "recommended reading",
            "more stories",
            "top stories",
            "this article is part of",
            "more from the",
            "also read",
            "read also",
            "further reading",
            "most viewed",
            "part of our series",
            "our series on",
            "in our series",
        ],
    ),
    (
        "share",
        &[
            "share this",
            "share on",
            "share via",
            "share article",
            "click to share",
            "follow us",
            "like us on",
            "tweet this",
            "copy link",
            "email this",
            "share story",
            "share page",
            "on instagram",
            "on facebook",
            "on linkedin",
            "on tiktok",
            "on youtube",
            "on whatsapp",
            "on bluesky",
            "on threads",
            "share your",
        ],
    ),
    (
        "advertisement",
        &[
            "advertisement",
            "sponsored content",
            "ad feature",
            "story continues below",
            "continue reading below",
            "scroll to continue",
            "paid content",
            "partner content",
        ],
    ),
    (
        "cookie",
        &[
            "cookies",
            "cookie policy",
            "accept all",
            "manage preferences",
        ],
    ),
    (
        "live-banner",
        &[
            "no longer being updated",
            "rolling coverage",
            "live coverage",
            "live updates",
            "follow our",
            "follow live",
            "latest updates",
            "this live blog",
        ],
    ),
    (
        "comments",
        &[
            "join the conversation",
            "comment now",
            "view comments",
            "post a comment",
            "community guidelines",
            "show comments",
            "in the comments",
            "comments below",
            "comments section",
            "have your say",
            "comments are closed",
            "comments are open",
            "joining the conversation",
            "leave a comment",
        ],
    ),
    (
        "copyright",
        &[
            "©",
            "copyright",
            "all rights reserved",
            "terms of use",
            "terms and conditions",
            "may not be published",
            "without permission",
            "redistributed",
            "may not be reproduced",
        ],
    ),
    (
        "subscription",
        &[
            "subscribe",
            "subscriber",
            "subscribers",
            "already a subscriber",
            "log in",
            "sign in",
            "free trial",
            "unlimited access",
            "subscription",
            "register now",
            "create an account",
            "subscribe now",
        ],
    ),
];

/// Credit words that mark a photo caption.
const CAPTION_CUES: &[&str] = &[
    "media caption",
    "image caption",
    "video caption",
    "image copyright",
    "image source,",
    "photograph:",
    "photo:",
    "picture:",
    "image:",
    "credit:",
    "illustration:",
    "photos:",
    "caption:",
    "image supplied",
    "photo supplied",
    "supplied by",
    "file photo",
    "handout photo",
    "(pictured)",
    "pictured above",
    "pictured below",
    "pictured:",
    "photo credit",
    "image source",
    "getty images",
    "shutterstock",
    "alamy",
    "pa wire",
    "pa media",
    "/pa",
    "/reuters",
    "/ap",
    "/afp",
    "/epa",
    "/getty",
    "via getty",
];

/// Decides what to keep of one paragraph: returns the byte range to keep (empty to drop it)
/// and pushes what was removed, with its reason, onto `removed`.
pub fn classify(para: &str, removed: &mut Vec<(String, &'static str)>) -> Range<usize> {
    if !may_be_boilerplate(para) {
        return 0..para.len();
    }
    if let Some(reason) = paragraph_reason(para) {
        removed.push((para.to_string(), reason));
        return 0..0;
    }
    let sents = rough_sentences(para);
    let mut a = 0;
    let mut b = sents.len();
    while a < b && sentence_reason(&para[sents[a].clone()]).is_some() {
        a += 1;
    }
    while b > a && sentence_reason(&para[sents[b - 1].clone()]).is_some() {
        b -= 1;
    }
    if a == b {
        let reason = sentence_reason(para).unwrap_or("boilerplate");
        removed.push((para.to_string(), reason));
        return 0..0;
    }
    for s in sents[..a].iter().chain(&sents[b..]) {
        let t = &para[s.clone()];
        removed.push((t.to_string(), sentence_reason(t).unwrap_or("boilerplate")));
    }
    sents[a].start..sents[b - 1].end
}

/// A cheap first look: one scan for any cue phrase, caption word or call-to-action verb. Most
/// paragraphs of a story have none and are kept without further work.
fn may_be_boilerplate(para: &str) -> bool {
    use aho_corasick::AhoCorasick;
    use std::sync::OnceLock;
    static CUE_SCAN: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    static CTA_SCAN: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let cues = CUE_SCAN.get_or_init(|| {
        let phrases = CUES
            .iter()
            .flat_map(|(_, c)| c.iter())
            .chain(CAPTION_CUES.iter());
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(phrases)
            .ok()
    });
    let ctas = CTA_SCAN.get_or_init(|| {
        let starts: Vec<String> = CTA_VERBS
            .iter()
            .map(|v| {
                let mut c = v.chars();
                c.next()
                    .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
            })
            .collect();
        AhoCorasick::new(starts).ok()
    });
    let hit = |scan: &Option<AhoCorasick>| scan.as_ref().is_none_or(|s| s.is_match(para));
    hit(cues) || hit(ctas) || is_navigation(para) || metadata_line(para).is_some()
}

/// Why a whole paragraph is boilerplate, if it is.
pub fn paragraph_reason(para: &str) -> Option<&'static str> {
    let lower = unquoted_lower(para);
    let words = lower.split_whitespace().count().max(1);
    if words <= 45 && is_caption(&lower) {
        return Some("caption");
    }
    if is_navigation(para) {
        return Some("navigation");
    }
    if let Some(reason) = metadata_line(para) {
        return Some(reason);
    }
    let (hits, best) = cue_hits(&lower);
    if words <= 25 && is_call_to_action(&lower) && !looks_like_reporting(&lower) {
        return best.or(Some("call-to-action"));
    }
    if hits == 0 {
        return None;
    }
    if words <= 14 && !looks_like_reporting(&lower) && rough_sentences(para).len() == 1 {
        return best;
    }
    let address = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| {
            matches!(
                *w,
                "you" | "your" | "we" | "us" | "our" | "we're" | "you're"
            )
        })
        .count();
    let ratio = address as f64 / words as f64;
    let dense = hits as f64 / words as f64 >= 0.03;
    if (hits >= 3 && (ratio >= 0.03 || dense)) || (hits >= 2 && ratio >= 0.06) {
        return best;
    }
    None
}

/// Verbs that open a call to action addressed to the reader.
const CTA_VERBS: &[&str] = &[
    "follow",
    "download",
    "share",
    "subscribe",
    "sign",
    "get",
    "join",
    "click",
    "tap",
    "watch",
    "listen",
    "register",
    "like",
    "support",
    "donate",
    "read",
    "comment",
    "tell",
    "send",
    "install",
    "try",
    "discover",
    "explore",
    "enjoy",
    "visit",
];

/// "Follow us on Instagram ...", "Download our free app ...", "Share your verdict ...": an
/// imperative verb opening a short paragraph that speaks to the reader or names a platform.
fn is_call_to_action(lower: &str) -> bool {
    let first = lower
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if !CTA_VERBS.contains(&first) {
        return false;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "our"
                | "your"
                | "us"
                | "you"
                | "instagram"
                | "facebook"
                | "linkedin"
                | "tiktok"
                | "youtube"
                | "whatsapp"
                | "twitter"
                | "x"
                | "app"
                | "newsletter"
                | "podcast"
                | "inbox"
                | "alerts"
                | "comments"
                | "bluesky"
                | "threads"
        )
    })
}

/// Page furniture that is not story text: "Published 3 hours ago", "Updated 14:02 BST",
/// "Topics: Flooding, Weather", "5 min read", and credit lines such as "Additional reporting by
/// Jane Smith" or "Reporting by Tom Ellis; Editing by Sarah Jones".
fn metadata_line(para: &str) -> Option<&'static str> {
    let words = para.split_whitespace().count();
    let lower = para.to_lowercase();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| lower.starts_with(p));
    let dated = [
        "published ",
        "updated ",
        "last updated",
        "first published",
        "posted ",
    ];
    // a date or time right after the word: "Published 3 hours ago", "Updated on 4 May"
    let second = lower
        .split_whitespace()
        .nth(if starts(&["last updated", "first published"]) {
            2
        } else {
            1
        });
    let timestamp = lower.contains(" ago")
        || second.is_some_and(|w| {
            matches!(w, "on" | "at") || w.starts_with(|c: char| c.is_ascii_digit())
        });
    if words <= 8 && starts(&dated) && timestamp {
        return Some("metadata");
    }
    let labels = [
        "topics:",
        "tags:",
        "related topics",
        "filed under",
        "categories:",
        "more on:",
    ];
    if words <= 25 && starts(&labels) {
        return Some("metadata");
    }
    let read_time = ["min read", "minute read", "mins read"];
    if words <= 4 && read_time.iter().any(|r| lower.ends_with(r)) {
        return Some("metadata");
    }
    let credit = [
        "additional reporting by",
        "reporting by",
        "editing by",
        "writing by",
        "compiled by",
        "edited by",
        "produced by",
        "additional reporting from",
    ];
    if words <= 25 && starts(&credit) {
        return Some("credits");
    }
    None
}

/// Ticker and menu lines: several items separated by " | " or " • ", or one separator in a
/// short line that opens like a label ("LIVE | ...", "Most read: A | B").
fn is_navigation(para: &str) -> bool {
    let seps =
        para.matches(" | ").count() + para.matches(" • ").count() + para.matches(" · ").count();
    let words = para.split_whitespace().count();
    let label =
        para.split_whitespace().next().is_some_and(|w| {
            w.len() > 1 && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        }) || para
            .split(['|', '•'])
            .next()
            .is_some_and(|head| head.contains(':'));
    (seps >= 2 && words <= 60) || (seps == 1 && label && words <= 40)
}

/// Why one short sentence at a paragraph edge is boilerplate, if it is.
fn sentence_reason(s: &str) -> Option<&'static str> {
    let lower = unquoted_lower(s);
    let words = lower.split_whitespace().count();
    if words == 0 {
        // all quotation: speech, not boilerplate (or nothing at all)
        return s.trim().is_empty().then_some("boilerplate");
    }
    if words <= 30 && is_caption(&lower) {
        return Some("caption");
    }
    if looks_like_reporting(&lower) || words > 25 || (words > 15 && cue_hits(&lower).0 < 2) {
        return None;
    }
    if is_call_to_action(&lower) {
        return cue_hits(&lower).1.or(Some("call-to-action"));
    }
    cue_hits(&lower).1
}

/// A paragraph that reports speech ("said", "told") is news even when it mentions a
/// newsletter or a donation.
fn looks_like_reporting(lower: &str) -> bool {
    [" said", " says", " told ", " according to "]
        .iter()
        .any(|c| lower.contains(c))
}

fn is_caption(lower: &str) -> bool {
    CAPTION_CUES.iter().any(|c| {
        lower.match_indices(c).any(|(i, _)| {
            // "/pa" must end a word ("/pa wire", "/pa."), not start "/paris"
            let after = lower[i + c.len()..].chars().next();
            !c.starts_with('/') || after.is_none_or(|a| !a.is_alphanumeric())
        })
    }) && !looks_like_reporting(lower)
}

/// Total cue hits (whole words, overlapping phrases each counted) and the reason with most hits.
fn cue_hits(lower: &str) -> (usize, Option<&'static str>) {
    use aho_corasick::AhoCorasick;
    use std::sync::OnceLock;
    static SCAN: OnceLock<Option<(AhoCorasick, Vec<usize>)>> = OnceLock::new();
    let Some((scan, reason_of)) = SCAN.get_or_init(|| {
        let mut phrases = Vec::new();
        let mut reasons = Vec::new();
        for (r, (_, cues)) in CUES.iter().enumerate() {
            for c in *cues {
                phrases.push(*c);
                reasons.push(r);
            }
        }
        AhoCorasick::new(&phrases).ok().map(|a| (a, reasons))
    }) else {
        return (0, None);
    };
    let mut counts = [0usize; 16];
    let mut total = 0;
    for m in scan.find_overlapping_iter(lower) {
        let phrase = &lower[m.start()..m.end()];
        let before = lower[..m.start()].chars().next_back();
        let after = lower[m.end()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        let whole = (edge(before) || !phrase.starts_with(char::is_alphanumeric))
            && (edge(after) || !phrase.ends_with(char::is_alphanumeric));
        if whole {
            total += 1;
            if let Some(c) = counts.get_mut(reason_of[m.pattern().as_usize()]) {
                *c += 1;
            }
        }
    }
    // ties go to the reason listed first, as before
    let best = (0..CUES.len())
        .filter(|&r| counts.get(r).copied().unwrap_or(0) > 0)
        .max_by_key(|&r| (counts[r], std::cmp::Reverse(r)));
    (total, best.map(|r| CUES[r].0))
}

/// Lower-cased text with quoted passages blanked out (a quote about donations is news).
fn unquoted_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ if inside => {}
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Rough sentence ranges: split after `.`, `!`, `?` (and closing quotes) followed by a space
/// and an uppercase letter, and before a "Read more"/"Share" style cue glued without a period.
fn rough_sentences(p: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = p.char_indices().collect();
    for k in 0..bytes.len() {
        let (i, c) = bytes[k];
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut m = k + 1;
        while m < bytes.len() && matches!(bytes[m].1, '”' | '’' | '"' | '\'' | ')') {
            m += 1;
        }
        if m + 1 < bytes.len()
            && bytes[m].1 == ' '
            && (bytes[m + 1].1.is_uppercase() || matches!(bytes[m + 1].1, '“' | '"'))
        {
            let end = bytes[m].0;
            let prev_word = p[start..i].rsplit(' ').next().unwrap_or("");
            if matches!(prev_word, "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "No") {
                continue;
            }
            out.push(start..end);
            start = bytes[m + 1].0;
        }
    }
    if start < p.len() {
        out.push(start..p.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(p: &str) -> (String, Vec<&'static str>) {
        let mut removed = Vec::new();
        let r = classify(p, &mut removed);
        (p[r].to_string(), removed.iter().map(|r| r.1).collect())
    }

    #[test]
    fn removes_whole_paragraphs_of_various_publishers() {
        let cases: &[(&str, &str)] = &[
            ("Read more", "related-links"),
            ("READ MORE: Ministers braced for autumn showdown", "related-links"),
            ("Share this article", "share"),
            ("Advertisement", "advertisement"),
            ("Sign up for our free Morning Edition newsletter and get the day's top stories straight to your inbox.", "newsletter"),
            ("Rescue teams search the rubble on Tuesday. Photograph: Ana Ruiz/Reuters", "caption"),
            ("© 2025 Northern Post Media. All rights reserved.", "copyright"),
            ("We rely on readers like you. Our reporting is free to read because thousands of you chip in. If you can, make a contribution today and become a supporter: every donation, big or small, keeps our journalism open to all.", "donation-appeal"),
            ("Already a subscriber? Log in to continue reading.", "subscription"),
            ("Follow the Valley Gazette on Instagram for pictures from every match", "share"),
            ("Get our app for live scores and alerts from every ground", "newsletter"),
            ("Tell us what you think in the comments below", "comments"),
            ("Weather: Sunny 21C | Traffic: A1 delays | Trains: good service", "navigation"),
            ("Published 3 hours ago", "metadata"),
            ("Topics: Flooding, Weather, Yorkshire", "metadata"),
            ("5 min read", "metadata"),
            ("Reporting by Tom Ellis; Editing by Sarah Jones", "credits"),
            ("Media caption, Residents describe the moment the water arrived", "caption"),
        ];
        for (p, reason) in cases {
            let (kept, reasons) = keep(p);
            assert_eq!(kept, "", "{p:?} should be removed");
            assert_eq!(reasons, vec![*reason], "{p:?}");
        }
    }

    #[test]
    fn keeps_news() {
        let news = [
            "The minister said the newsletter sent to party members had been a mistake.",
            "“Your support means everything,” the candidate told supporters in Leeds.",
            "Shares in the company fell 5 per cent after it announced the deal on Monday.",
            "Police said 12 people had signed up to give evidence about the cookies sold at the fair.",
            "Volodymyr Zelensky and Sir Keir Starmer have agreed closer ties on military production.",
            "Follow-up tests showed the water was safe, the council said.",
            "Get-out clauses in the contract were never used by the club.",
            "Published figures show the river rose by two metres overnight.",
            "Updated plans for the bypass will go on show next month, the council said.",
        ];
        for p in news {
            assert_eq!(keep(p).0, p, "{p:?} should be kept");
        }
    }

    #[test]
    fn trims_glued_edges() {
        let (kept, reasons) =
            keep("The council approved the plan on Tuesday. Read more: Why the plan matters");
        assert_eq!(kept, "The council approved the plan on Tuesday.");
        assert_eq!(reasons, vec!["related-links"]);
    }
}
