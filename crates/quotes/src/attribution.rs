//! Finding the cue and the speaker of a quote.

use crate::{entity_of, in_quote, token};
use byline_doc::{Document, MentionKind, QuoteKind, QuotedRegion, Span, TokenKind};
use byline_lexicon::{calendar, speech};

/// Who a quote is attributed to, and by which words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Attribution {
    /// The speaking entity.
    pub speaker: Option<usize>,
    /// The speaker mention in the text.
    pub mention: Option<Span>,
    /// The speech verb.
    pub cue: Option<Span>,
    /// Confidence in the speaker.
    pub confidence: f32,
}

/// Words that may stand between a speaker and its verb ("Smith also said", "he has said").
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "then"
            | "has"
            | "had"
            | "have"
            | "again"
            | "previously"
            | "recently"
            | "once"
            | "further"
            | "repeatedly"
            | "earlier"
            | "subsequently"
            | "simply"
            | "publicly"
            | "privately"
            | "would"
            | "will"
            | "could"
            | "is"
            | "was"
            | "has since"
            | "on"
            | "last"
            | "this"
            | "yesterday"
            | "today"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "however"
            | "bluntly"
            | "flatly"
            | "quickly"
            | "angrily"
            | "calmly"
            | "told"
            | "reportedly"
            | "personally"
            | "herself"
            | "himself"
            | "now"
            | "often"
            | "frequently"
            | "usually"
            | "sometimes"
            | "still"
            | "openly"
            | "even"
    ) || calendar::weekday(w).is_some()
        || is_manner_adverb(w)
}

/// A lower-case adverb in -ly ("jokingly said", "Trump angrily told"), not a noun or an
/// adjective that ends so.
fn is_manner_adverb(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ly")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            w,
            "family" | "assembly" | "supply" | "monopoly" | "anomaly" | "friendly" | "elderly"
        )
}

/// Words that join clauses: a speaker phrase does not reach back across them.
pub(crate) fn is_clause_link(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "what"
            | "how"
            | "why"
            | "as"
            | "if"
            | "when"
            | "because"
            | "while"
            | "so"
    )
}

/// A lower-case word that looks like a verb's past form ("laughed", "improved").
pub(crate) fn is_past_form(w: &str) -> bool {
    w.len() > 3 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase())
}

/// Auxiliary and modal verbs.
pub(crate) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
    )
}

/// Plural or collective nouns that speak without a name ("officials said", "police said").
fn is_speaking_noun(w: &str) -> bool {
    matches!(
        w,
        "officials"
            | "police"
            | "witnesses"
            | "residents"
            | "experts"
            | "analysts"
            | "sources"
            | "investigators"
            | "authorities"
            | "prosecutors"
            | "lawyers"
            | "doctors"
            | "aides"
            | "diplomats"
            | "campaigners"
            | "critics"
            | "voters"
            | "supporters"
            | "opponents"
            | "observers"
            | "republicans"
            | "democrats"
            | "conservatives"
            | "liberals"
            | "activists"
            | "advocates"
            | "strategists"
            | "pollsters"
            | "historians"
            | "lawmakers"
            | "legislators"
            | "senators"
            | "leaders"
            | "members"
            | "parents"
            | "teachers"
            | "workers"
            | "employees"
            | "protesters"
            | "scholars"
            | "officers"
            | "paramedics"
            | "rescuers"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "source"
            | "statement"
            | "organisers"
            | "organizers"
            | "economists"
            | "scientists"
            | "researchers"
            | "government"
            | "ministry"
            | "department"
            | "agency"
            | "company"
            | "court"
            | "army"
            | "military"
            | "minister"
            | "secretary"
            | "president"
            | "leader"
            | "chief"
            | "executive"
            | "manager"
            | "coach"
            | "judge"
            | "prosecutor"
            | "lawyer"
            | "aide"
            | "adviser"
            | "advisor"
            | "colleague"
            | "friend"
            | "mother"
            | "father"
            | "neighbour"
            | "neighbor"
            | "resident"
            | "witness"
            | "expert"
            | "analyst"
            | "campaign"
            | "firm"
            | "club"
            | "group"
            | "union"
            | "report"
            | "survey"
            | "study"
            | "poll"
    )
}

/// Finds the attribution of a quoted region in its own sentence (or a short attribution
/// sentence right after it).
pub fn find(doc: &Document, region: &QuotedRegion, kind: QuoteKind) -> Option<Attribution> {
    let s_open = doc.sentence_index(region.open.start)?;
    let end = region.close.map_or(region.content.end, |c| c.end);
    let s_close = doc.sentence_index(end.saturating_sub(1)).unwrap_or(s_open);
    let lo = doc.sentences[s_open].start;
    let mut hi = doc.sentences[s_close].end;
    // `“We will win!” Smith said.`: the attribution may be split off as its own sentence (up
    // to 16 tokens: `“Who knows?” Trump told Britain’s ITV television station in an interview.`)
    if let Some(next) = doc.sentences.get(s_close + 1) {
        let same_para = doc.paragraph_index(next.start) == Some(region.paragraph);
        let short = doc.tokens_in(*next).len() <= 16 && !doc.slice(*next).contains(['“', '"']);
        if same_para && short && end == doc.sentences[s_close].end {
            hi = next.end;
        }
    }
    let after = after_close(doc, region, hi);
    let before = before_open(doc, region, lo);
    let pick = match kind {
        // a direct quote is attributed after it first; a partial one by its own sentence's verb
        QuoteKind::Direct => after.or(before),
        _ => before.or(after),
    };
    pick.map(|mut a| {
        if kind == QuoteKind::Partial {
            a.confidence -= 0.05;
        }
        a
    })
}

/// A quote opening a paragraph introduced by the paragraph before, which ends with a colon:
/// "He said:⏎⏎“…”", "The New York Times reports:⏎⏎“…”".
pub fn colon_intro(doc: &Document, region: &QuotedRegion) -> Option<Attribution> {
    let para = doc.paragraphs.get(region.paragraph)?;
    if para.start != region.open.start || region.paragraph == 0 {
        return None;
    }
    let prev = doc.paragraphs[region.paragraph - 1];
    if !doc.slice(prev).trim_end().ends_with(':') {
        return None;
    }
    let colon = doc.token_at_or_after(prev.end).checked_sub(1)?;
    let s = doc.sentence_index(doc.tokens[colon].span.start)?;
    let lo = doc.sentences[s].start.max(prev.start);
    let mut k = colon;
    while k > 0 && colon - k < 12 {
        k -= 1;
        if doc.tokens[k].span.start < lo {
            return None;
        }
        let Some(cue) = cue_at(doc, k, prev.end) else {
            continue;
        };
        if let Some(mut a) = speaker_before(doc, k, lo, cue) {
            a.confidence -= 0.05;
            return Some(a);
        }
        let (span, entity, kind) = mention_starting_at(doc, doc.tokens.get(k + 1)?.span.start)?;
        return Some(make(span, entity, kind, cue, 0.8));
    }
    None
}

/// A direct quote after a colon in its own sentence whose verb is no speech verb: "Mr. Smith
/// shot back: ''…''", "She then addressed the supporters again: “…”", "More from Jones: “…”".
/// The speaker is the name right before the colon, else the name or pronoun opening the
/// sentence; the colon is the cue.
pub fn colon_subject(doc: &Document, region: &QuotedRegion) -> Option<Attribution> {
    let open = doc.token_at_or_after(region.open.start);
    let colon = open.checked_sub(1)?;
    if token(doc, colon) != ":" {
        return None;
    }
    let s = doc.sentence_index(doc.tokens[colon].span.start)?;
    let mut first = doc.token_at_or_after(doc.sentences[s].start);
    if first >= colon
        || doc.tokens[first..colon]
            .iter()
            .any(|t| t.kind == TokenKind::QuoteMark || in_quote(doc, t.span.start))
    {
        return None;
    }
    let cue = doc.tokens[colon].span;
    if let Some((span, entity, kind)) = mention_ending_at(doc, doc.tokens[colon - 1].span.end) {
        if kind == MentionKind::Name {
            return Some(make(span, entity, kind, cue, 0.6));
        }
    }
    // "As Tom Ridge …:", "The Illinois Board of Elections was …:"
    if first + 1 < colon
        && matches!(
            token(doc, first).to_lowercase().as_str(),
            "the" | "as" | "but" | "and" | "so"
        )
    {
        first += 1;
    }
    let opening = (colon - first <= 12)
        .then(|| {
            mention_starting_at(doc, doc.tokens[first].span.start)
                .or_else(|| bare_pronoun(doc, first))
        })
        .flatten()
        // the subject, not the object of a preposition ("In Concord: …" has none)
        .filter(|(_, _, kind)| *kind != MentionKind::Nominal);
    if let Some((span, entity, kind)) = opening {
        return Some(make(span, entity, kind, cue, 0.6));
    }
    // the first name of the clause before the colon: "…, Mr. Smith shot back:", "Here’s
    // Clinton in December 1992:"
    let clause = (first..colon)
        .rev()
        .find(|&t| token(doc, t) == ",")
        .map_or(first, |c| c + 1);
    (clause..colon)
        .find_map(|t| {
            let (span, entity, kind) = mention_starting_at(doc, doc.tokens[t].span.start)?;
            (kind == MentionKind::Name && span.end <= doc.tokens[colon].span.start)
                .then(|| make(span, entity, kind, cue, 0.55))
        })
        // "…, that I had to change my answer:": the clause's subject pronoun
        .or_else(|| {
            let t = (clause..colon.min(clause + 3))
                .find(|&t| matches!(token(doc, t), "I" | "he" | "she" | "we" | "they"))?;
            let (span, entity, kind) = mention_starting_at(doc, doc.tokens[t].span.start)
                .or_else(|| bare_pronoun(doc, t))?;
            Some(make(span, entity, kind, cue, 0.5))
        })
}

/// A partial quote's attribution by a verb the rules do not list but PolNeAR's annotators
/// often marked as a cue ("condemned what he called a “brazen breach”", "cited … as “Miss
/// Piggy”"): the nearest word before the quote in its sentence whose learned cue rate is at
/// least `min_rate` tenths, with a speaker written before it.
pub fn learned_cue_before(
    doc: &Document,
    region: &QuotedRegion,
    min_rate: u8,
) -> Option<Attribution> {
    let s = doc.sentence_index(region.open.start)?;
    let lo = doc.sentences[s].start;
    let lexicon = crate::learned::cue_lexicon();
    let mut k = doc.token_at_or_after(region.open.start);
    while k > 0 {
        k -= 1;
        let t = doc.tokens[k];
        if t.span.start < lo {
            return None;
        }
        if t.kind != TokenKind::Word || in_quote(doc, t.span.start) {
            continue;
        }
        let w = token(doc, k);
        // (adverbs with a high rate are parts of longer cues: "would also close the “carried
        // interest” loophole" has no cue "also"; "went on about “…”" keeps its "about")
        if !w.chars().all(|c| c.is_ascii_lowercase())
            || w.ends_with("ly")
            || matches!(w, "also" | "still" | "even")
            || lexicon.get(w).is_none_or(|&r| r < min_rate)
        {
            continue;
        }
        let mut a = speaker_before(doc, k, lo, t.span)?;
        a.confidence -= 0.15;
        return Some(a);
    }
    None
}

/// `“…,” Sir Keir told`, `“…,” said Mr Smith`, `“…?” he asked`.
fn after_close(doc: &Document, region: &QuotedRegion, hi: usize) -> Option<Attribution> {
    let close = region.close?;
    let mut i = doc.token_at_or_after(close.end);
    // a stray mark of a nested quote closed with the outer one: ''… 'We'll bomb them,''' said
    while i < doc.tokens.len()
        && doc.tokens[i].kind == TokenKind::QuoteMark
        && doc.tokens[i].span.start == close.end
        && !in_quote(doc, doc.tokens[i].span.start)
    {
        i += 1;
    }
    // “…” ― Sonya Herridge: a dash and a name sign the quote
    if i + 1 < doc.tokens.len()
        && matches!(token(doc, i), "―" | "—" | "–" | "-")
        && doc.tokens[i].span.start < hi
    {
        if let Some((span, entity, kind)) = mention_starting_at(doc, doc.tokens[i + 1].span.start) {
            return Some(Attribution {
                speaker: entity,
                mention: Some(span),
                cue: None,
                confidence: make(span, entity, kind, span, 0.8).confidence,
            });
        }
    }
    if i < doc.tokens.len() && token(doc, i) == "," {
        i += 1;
    }
    if i >= doc.tokens.len()
        || doc.tokens[i].span.start >= hi
        || in_quote(doc, doc.tokens[i].span.start)
    {
        return None;
    }
    // SPEAKER CUE (the speaker possibly after titles the mention leaves out: "Senate Majority
    // Leader Mitch McConnell", "Rep. Elijah E. Cummings", "9/11 widow Terry Strada")
    // ("Senate" alone is a mention too: the titled mention is tried when it has no cue after it)
    let speakers = [
        mention_starting_at(doc, doc.tokens[i].span.start),
        titled_mention(doc, i, hi),
        bare_pronoun(doc, i),
    ];
    // a verb of manner of speaking only right after a quote whose sentence runs on
    let manner = |k: usize| {
        let runs_on = doc
            .slice(region.content)
            .trim_end()
            .ends_with([',', '!', '?', '—']);
        let t = doc
            .tokens
            .get(k)
            .filter(|t| runs_on && t.span.end <= hi && t.kind == TokenKind::Word)?;
        if speech::is_manner_of_speaking(doc.slice(t.span)) {
            return Some(t.span);
        }
        // a phrasal verb of speaking: "shot back", "went on", "chimed in", "cut in"
        let next = doc.tokens.get(k + 1).filter(|n| n.span.end <= hi)?;
        let phrasal = matches!(
            (doc.slice(t.span), doc.slice(next.span)),
            (
                "shot" | "shoots" | "fired" | "fires" | "hit" | "hits" | "wrote" | "writes",
                "back"
            ) | ("went" | "goes", "on")
                | (
                    "chimed" | "chimes" | "cut" | "cuts" | "jumped" | "jumps",
                    "in"
                )
                | ("piped" | "pipes" | "spoke" | "speaks", "up")
        );
        phrasal.then(|| Span::new(t.span.start, next.span.end))
    };
    for (span, entity, kind) in speakers.into_iter().flatten() {
        let j = doc.token_at_or_after(span.end);
        if let Some(cue) = cue_after(doc, j, hi) {
            return Some(make(span, entity, kind, cue, 0.9));
        }
        if let Some(cue) = manner(j) {
            return Some(make(span, entity, kind, cue, 0.85));
        }
        // SPEAKER (R-Fla.) CUE, SPEAKER, APPOSITION, CUE
        if let Some(cue) = cue_after_apposition(doc, j, hi) {
            return Some(make(span, entity, kind, cue, 0.85));
        }
    }
    // CUE SPEAKER
    if let Some(cue) = cue_at(doc, i, hi).or_else(|| manner(i)) {
        let j = i + 1;
        if j < doc.tokens.len() {
            if let Some((span, entity, kind)) = mention_starting_at(doc, doc.tokens[j].span.start)
                .or_else(|| titled_mention(doc, j, hi))
            {
                return Some(make(span, entity, kind, cue, 0.9));
            }
            if let Some(np) = description_after(doc, j, hi) {
                return Some(Attribution {
                    speaker: entity_of(doc, np),
                    mention: Some(np),
                    cue: Some(cue),
                    confidence: 0.7,
                });
            }
        }
    }
    // DESCRIPTION CUE: "a spokesman for the council said"; DESCRIPTION, NAME, CUE: "the White
    // House press secretary, Josh Earnest, said", "Ms. Merkel's spokesman, Steffen Seibert,
    // wrote"
    let mut j = i;
    while j < doc.tokens.len() && j < i + 12 && doc.tokens[j].span.end <= hi {
        if let Some(cue) = cue_at(doc, j, hi) {
            if j > i {
                let np = Span::new(doc.tokens[i].span.start, doc.tokens[j - 1].span.end);
                if looks_like_speaker(doc, i, j) {
                    return Some(described(doc, np, cue, 0.7));
                }
            }
            break;
        }
        let w = token(doc, j);
        if w == "," && j > i && looks_like_speaker(doc, i, j) {
            let cue = cue_after_apposition(doc, j, hi)?;
            // the name in the apposition, when it is one
            let named = doc.tokens.get(j + 1).and_then(|t| {
                let (span, entity, kind) = mention_starting_at(doc, t.span.start)?;
                let after = doc.token_at_or_after(span.end);
                (kind == MentionKind::Name && token(doc, after) == ",")
                    .then_some((span, entity, kind))
            });
            if let Some((span, entity, kind)) = named {
                return Some(make(span, entity, kind, cue, 0.8));
            }
            let np = Span::new(doc.tokens[i].span.start, doc.tokens[j - 1].span.end);
            return Some(described(doc, np, cue, 0.65));
        }
        if doc.tokens[j].kind != TokenKind::Word
            && !is_inner_stop(doc, j)
            && !matches!(w, "’s" | "'s")
        {
            break;
        }
        j += 1;
    }
    runs_on_to_cue(doc, i, hi)
}

/// `“You squeezed employees to the breaking point” to drive up the stock price, she said,`: the
/// sentence runs on after the closing mark (token `i` is a lower-case word) to ", SPEAKER CUE"
/// closed by a comma or the sentence end.
fn runs_on_to_cue(doc: &Document, i: usize, hi: usize) -> Option<Attribution> {
    let first = doc.tokens.get(i)?;
    if first.kind != TokenKind::Word || !doc.slice(first.span).starts_with(char::is_lowercase) {
        return None;
    }
    let mut t = i;
    while t + 2 < doc.tokens.len() && t < i + 25 && doc.tokens[t + 2].span.end <= hi {
        let w = token(doc, t);
        if matches!(w, "." | "!" | "?" | ";") || doc.tokens[t].kind == TokenKind::QuoteMark {
            return None;
        }
        if w == "," {
            let s = t + 1;
            let speaker =
                mention_starting_at(doc, doc.tokens[s].span.start).or_else(|| bare_pronoun(doc, s));
            if let Some((span, entity, kind)) = speaker {
                let c = doc.token_at_or_after(span.end);
                if let Some(cue) = cue_at(doc, c, hi) {
                    let closed = doc
                        .tokens
                        .get(c + 1)
                        .is_none_or(|n| matches!(doc.slice(n.span), "," | "." | ";"));
                    if closed {
                        return Some(make(span, entity, kind, cue, 0.8));
                    }
                }
            }
        }
        t += 1;
    }
    None
}

/// `He added: “…”`, `Mr Zelensky said the agreement would “…”`, `said Mr Smith: “…”`.
fn before_open(doc: &Document, region: &QuotedRegion, lo: usize) -> Option<Attribution> {
    let open_tok = doc.token_at_or_after(region.open.start);
    let mut k = open_tok;
    // the verb nearest the quote, kept when its subject is found with an earlier verb
    // ("X said ... and described them as a “…”")
    let mut nearest: Option<Span> = None;
    while k > 0 {
        k -= 1;
        let t = doc.tokens[k];
        if t.span.start < lo {
            break;
        }
        if in_quote(doc, t.span.start) {
            continue;
        }
        // ", but Kevin was drifting off, and as Trump went on about “…”": a new clause with a
        // named subject of its own; a cue before it is not this quote's (", but she knows
        // that “…”" goes on with the report)
        if matches!(token(doc, k), "," | ";")
            && k + 2 < open_tok
            && matches!(token(doc, k + 1), "but" | "and")
            && mention_starting_at(doc, doc.tokens[k + 2].span.start)
                .is_some_and(|(_, _, kind)| kind == MentionKind::Name)
        {
            return None;
        }
        let Some(cue) = cue_at(doc, k, region.open.start) else {
            continue;
        };
        if let Some(mut a) = speaker_before(doc, k, lo, cue) {
            if nearest.is_some() {
                a.cue = nearest;
            }
            return Some(a);
        }
        if k > 0 && matches!(token(doc, k - 1), "and" | "but" | "then") && nearest.is_none() {
            nearest = Some(cue);
            continue;
        }
        // `said Mr Smith: “…”`
        if k + 1 < open_tok {
            if let Some((span, entity, kind)) =
                mention_starting_at(doc, doc.tokens[k + 1].span.start)
            {
                return Some(make(span, entity, kind, cue, 0.85));
            }
        }
        return None;
    }
    None
}

/// The speaker of cue token `k`, written before it.
pub(crate) fn speaker_before(
    doc: &Document,
    k: usize,
    lo: usize,
    cue: Span,
) -> Option<Attribution> {
    let mut j = k;
    let mut fillers = 0;
    while j > 0 && fillers <= 3 {
        let prev = j - 1;
        if doc.tokens[prev].span.start < lo {
            return None;
        }
        if let Some((span, entity, kind)) =
            mention_ending_at(doc, doc.tokens[prev].span.end).or_else(|| bare_pronoun(doc, prev))
        {
            return Some(make(span, entity, kind, cue, 0.9 - 0.03 * fillers as f32));
        }
        let w = token(doc, prev);
        // "Sen. Ann Ruiz, who said …", "the report, which stated …": the relative pronoun is
        // the speaker mention (PolNeAR marks it so), resolved to the name before it; "which"
        // only before a speech verb ("the deal, which is expected to …" is no report)
        if w == "who" || w == "which" && speech::cue_lemma(token(doc, k)).is_some() {
            let mut a = prev;
            if a > 0 && token(doc, a - 1) == "," {
                a -= 1;
            }
            let antecedent = (a > 0)
                .then(|| mention_ending_at(doc, doc.tokens[a - 1].span.end))
                .flatten()
                .and_then(|(_, e, _)| e);
            let span = doc.tokens[prev].span;
            return Some(make(span, antecedent, MentionKind::Pronoun, cue, 0.85));
        }
        if w == "," {
            // "Ferretti was furious about the equaliser, insisting ...": the subject of the
            // sentence says it
            if token(doc, k).ends_with("ing") && fillers == 0 {
                if let Some(a) = sentence_subject(doc, k, lo, cue) {
                    return Some(a);
                }
            }
            return between_commas(doc, prev, lo, cue);
        }
        if is_filler(w) {
            fillers += 1;
            j = prev;
            continue;
        }
        // "Many speakers at the service — including Muslims and Jews — said": the speaker
        // is before the pair of dashes
        if matches!(w, "—" | "–" | "--") {
            if let Some(open) = (prev.saturating_sub(14)..prev)
                .rev()
                .find(|&t| token(doc, t) == w)
                .filter(|&t| t > 0 && doc.tokens[t].span.start > lo)
            {
                fillers += 1;
                j = open;
                continue;
            }
        }
        // "Rep. Paul Ryan (R-Wis.) said": the speaker is before the parenthesis
        if w == ")" {
            if let Some(open) = (prev.saturating_sub(8)..prev)
                .rev()
                .find(|&t| token(doc, t) == "(")
            {
                fillers += 1;
                j = open;
                continue;
            }
        }
        break;
    }
    // "X issued a red alert ... and warned that ...": the subject of the sentence
    // "… drew boos upon saying, “…”", "… before adding": a participle after a preposition
    let after_preposition = || {
        token(doc, k).ends_with("ing")
            && matches!(
                token(doc, k - 1),
                "upon" | "after" | "before" | "while" | "when" | "by" | "without"
            )
    };
    // ("… and repeatedly says": fillers between "and" and the cue)
    let and_before = |t: usize| t > 0 && matches!(token(doc, t - 1), "and" | "but");
    if k > 0 && (and_before(k) || (j < k && and_before(j)) || after_preposition()) {
        // "…, I laughed and said": the subject of the one verb before "and"
        if k >= 3 && matches!(token(doc, k - 1), "and" | "but") {
            let verb = token(doc, k - 2);
            let subject = token(doc, k - 3);
            if doc.tokens[k - 3].span.start >= lo && is_past_form(verb) {
                let found = if matches!(subject, "I" | "he" | "she" | "we" | "they" | "He" | "She")
                {
                    bare_pronoun(doc, k - 3)
                } else {
                    mention_ending_at(doc, doc.tokens[k - 3].span.end)
                        .filter(|m| m.2 == MentionKind::Name)
                };
                if let Some((span, entity, kind)) = found {
                    return Some(make(span, entity, kind, cue, 0.85));
                }
            }
        }
        if let Some(a) = sentence_subject(doc, k, lo, cue) {
            return Some(a);
        }
    }
    // a description: "a senior official said", "police said", "Mexicans often say" (the
    // fillers between it and the cue, tokens `j..k`, left out)
    let end = j;
    let mut start = end;
    while start > 0 && end - start < 7 {
        let p = start - 1;
        if doc.tokens[p].span.start < lo || doc.tokens[p].kind != TokenKind::Word {
            break;
        }
        // ("While those surveyed said": a clause link opening the sentence too)
        if is_clause_link(&token(doc, p).to_lowercase()) {
            break;
        }
        start = p;
    }
    if start < end && looks_like_speaker(doc, start, end) {
        let np = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
        return Some(described(doc, np, cue, 0.65));
    }
    share_before(doc, end, lo).map(|np| Attribution {
        speaker: None,
        mention: Some(np),
        cue: Some(cue),
        confidence: 0.6,
    })
}

/// A share of the people polled right before token `end`, opening its clause: "74 percent
/// said", "six in 10 said", "About four out of 10 voters said", "1,409 teachers said".
fn share_before(doc: &Document, end: usize, lo: usize) -> Option<Span> {
    let is_count = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || byline_lexicon::numbers::word_value(w).is_some_and(|v| (1..=10).contains(&v))
            || matches!(
                w.to_ascii_lowercase().as_str(),
                "half" | "third" | "quarter" | "three-quarters" | "two-thirds"
            )
    };
    let mut start = end;
    while start > 0 && end - start < 7 {
        let t = doc.tokens[start - 1];
        let w = token(doc, start - 1);
        let part = matches!(t.kind, TokenKind::Word | TokenKind::Number) || w == "%";
        if t.span.start < lo || !part || in_quote(doc, t.span.start) {
            break;
        }
        if is_clause_link(&w.to_lowercase()) && !matches!(w, "in" | "of" | "out") {
            break;
        }
        start -= 1;
    }
    // the phrase opens at a count, possibly after "about", "nearly", "only" …
    while start < end
        && !is_count(token(doc, start))
        && matches!(
            token(doc, start).to_ascii_lowercase().as_str(),
            "about"
                | "a"
                | "mere"
                | "fully"
                | "nearly"
                | "almost"
                | "only"
                | "just"
                | "roughly"
                | "some"
                | "more"
                | "than"
                | "another"
        )
    {
        start += 1;
    }
    if start >= end || !is_count(token(doc, start)) {
        return None;
    }
    // ("58 percent of Latino voters overall said", "56 percent of those polled said")
    let tail = |t: usize| {
        matches!(
            token(doc, t),
            "overall" | "polled" | "surveyed" | "questioned" | "interviewed" | "nationwide"
        )
    };
    let head_at = if end - 1 > start && tail(end - 1) {
        end - 2
    } else {
        end - 1
    };
    let head = token(doc, head_at);
    let head_ok = matches!(head, "percent" | "%")
        || is_count(head)
        || (head.len() > 3 && head.ends_with('s') && head.chars().all(|c| c.is_ascii_lowercase()));
    head_ok.then(|| Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end))
}

/// The subject of the sentence holding cue token `k`: its first person if it names one before
/// the cue, else a name opening the sentence.
fn sentence_subject(doc: &Document, k: usize, lo: usize, cue: Span) -> Option<Attribution> {
    let s = doc.sentence_index(doc.tokens[k].span.start)?;
    let first = doc.token_at_or_after(doc.sentences[s].start.max(lo));
    let is_person = |e: Option<usize>| {
        e.and_then(|e| doc.entities.get(e))
            .is_some_and(|e| e.etype == byline_doc::EntityType::Per)
    };
    let people = (first..k)
        .filter_map(|t| mention_starting_at(doc, doc.tokens[t].span.start))
        .find(|(_, e, _)| is_person(*e));
    let opener = (first..(first + 3).min(k))
        .find_map(|t| mention_starting_at(doc, doc.tokens[t].span.start));
    if let Some(a) = opening_subject(doc, first, k, cue) {
        return Some(a);
    }
    let (span, entity, kind) = people.or(opener)?;
    Some(make(span, entity, kind, cue, 0.75))
}

/// The subject that opens a sentence at token `first`, before cue token `k`, after an opening
/// phrase set off by a comma ("On Thursday, …") or a leading "But": a mention that is no
/// possessive ("The Association of Flight Attendants endorsed Clinton, citing …") or a
/// description ("A New York judge on Thursday rejected …, saying …").
fn opening_subject(doc: &Document, first: usize, k: usize, cue: Span) -> Option<Attribution> {
    let mut a = first;
    // a dateline: "WASHINGTON —", "DAVENPORT, Iowa —"
    if let Some(dash) = (a..k.min(a + 6)).find(|&t| matches!(token(doc, t), "—" | "–" | "--" | "-"))
    {
        if (a..dash).all(|t| {
            let w = token(doc, t);
            w == "," || w == "." || w.starts_with(char::is_uppercase)
        }) {
            a = dash + 1;
        }
    }
    if a >= k {
        return None;
    }
    let w0 = token(doc, a).to_lowercase();
    if matches!(w0.as_str(), "but" | "and" | "so" | "yet" | "still") {
        a += 1;
    } else if matches!(
        w0.as_str(),
        "on" | "in" | "at" | "during" | "after" | "before" | "earlier" | "later" | "last"
    ) {
        let comma = (a + 1..k.min(a + 10)).find(|&t| token(doc, t) == ",")?;
        a = comma + 1;
    }
    if a >= k {
        return None;
    }
    let possessive = |t: usize| t < k && matches!(token(doc, t), "’s" | "'s");
    let at = |t: usize| mention_starting_at(doc, doc.tokens[t].span.start);
    let article = byline_lexicon::words::is_article_or_possessive(token(doc, a))
        && !token(doc, a).starts_with(char::is_uppercase);
    let m = at(a).or_else(|| {
        if article && a + 1 < k {
            at(a + 1)
        } else {
            None
        }
    });
    if let Some((span, entity, kind)) = m {
        let after = doc.token_at_or_after(span.end);
        let typed = entity.and_then(|e| doc.entities.get(e)).is_some_and(|e| {
            matches!(
                e.etype,
                byline_doc::EntityType::Per | byline_doc::EntityType::Org
            )
        });
        if after < k && typed && !possessive(after) && token(doc, after) != "," {
            return Some(make(span, entity, kind, cue, 0.75));
        }
    }
    // a description opens with a determiner: "A New York judge", "Both parents", "Some in the
    // crowd" (not "Instead", "Speaking at a town hall …")
    let opener = token(doc, a).to_lowercase();
    let determiner = byline_lexicon::words::is_article_or_possessive(&opener)
        || matches!(
            opener.as_str(),
            "another" | "both" | "many" | "some" | "several" | "most" | "these" | "those" | "top"
        );
    if !determiner {
        return None;
    }
    let mut b = a;
    while b < k && b - a < 8 {
        let t = doc.tokens[b];
        let w = token(doc, b);
        if t.kind != TokenKind::Word && !matches!(w, "’s" | "'s" | "-") {
            break;
        }
        let lower = w.starts_with(|c: char| c.is_lowercase());
        if b > a
            && (is_auxiliary(w)
                || is_clause_link(w)
                || (lower
                    && (is_past_form(w) || w.ends_with("ing") || speech::cue_lemma(w).is_some())))
        {
            break;
        }
        b += 1;
    }
    if b > a + 1 && b < k && token(doc, b) != "," && looks_like_speaker(doc, a, b) {
        let np = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
        return Some(described(doc, np, cue, 0.7));
    }
    None
}

/// The speaker of "…, SEGMENT, said": "Smith, a spokesman for the council, said" and
/// "Eddery, who chairs the committee, said" name the person before the first comma; "the
/// charity’s chief executive, Janet Moore, said" names the person between the commas.
fn between_commas(doc: &Document, comma: usize, lo: usize, cue: Span) -> Option<Attribution> {
    let mut first = None;
    let mut m = comma;
    while m > 0 && comma - m < 24 {
        m -= 1;
        if doc.tokens[m].span.start < lo {
            break;
        }
        if token(doc, m) == "," {
            first = Some(m);
            break;
        }
    }
    let inner = |m: usize| -> Option<Attribution> {
        let (span, entity, kind) = mention_ending_at(doc, doc.tokens[comma - 1].span.end)?;
        (span.start == doc.tokens[m + 1].span.start && kind == MentionKind::Name)
            .then(|| make(span, entity, kind, cue, 0.85))
    };
    let before = |m: usize| -> Option<Attribution> {
        let end = doc.tokens[m.checked_sub(1)?].span.end;
        if let Some((span, entity, kind)) = mention_ending_at(doc, end) {
            return Some(make(span, entity, kind, cue, 0.85));
        }
        // "Luis Ortega of Grand Rapids, who chairs ..., said": the person before "of"
        let of = (m.saturating_sub(6)..m)
            .rev()
            .find(|&t| token(doc, t) == "of")?;
        let (span, entity, kind) = mention_ending_at(doc, doc.tokens[of.checked_sub(1)?].span.end)?;
        Some(make(span, entity, kind, cue, 0.85))
    };
    match first {
        Some(m) => {
            let opener = token(doc, m + 1).to_lowercase();
            let descriptive = matches!(
                opener.as_str(),
                "who"
                    | "whose"
                    | "which"
                    | "a"
                    | "an"
                    | "the"
                    | "one"
                    | "now"
                    | "then"
                    | "also"
                    | "herself"
                    | "himself"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "aged"
            ) || opener.chars().all(|c| c.is_ascii_digit());
            if descriptive {
                before(m).or_else(|| inner(m))
            } else {
                inner(m).or_else(|| before(m))
            }
        }
        // no earlier comma in reach: "In a statement, Janet Moore, ..." is rare; try the mention
        // right before this comma
        None => {
            let (span, entity, kind) =
                mention_ending_at(doc, doc.tokens[comma.checked_sub(1)?].span.end)?;
            Some(make(span, entity, kind, cue, 0.8))
        }
    }
}

/// Tokens `[a, b)` read as a speaking noun phrase: its last word is a speaking noun, a
/// capitalised name or a role.
fn looks_like_speaker(doc: &Document, a: usize, b: usize) -> bool {
    // "Those over 60 say", "those polled said": a group of people
    if b - a <= 5 && token(doc, a).eq_ignore_ascii_case("those") {
        return true;
    }
    // "most of them said", "many of those said"
    if b == a + 3
        && token(doc, a + 1) == "of"
        && matches!(token(doc, a + 2), "them" | "us" | "those" | "these")
        && matches!(
            token(doc, a).to_lowercase().as_str(),
            "most"
                | "many"
                | "some"
                | "all"
                | "several"
                | "both"
                | "each"
                | "half"
                | "few"
                | "none"
                | "one"
                | "two"
                | "three"
        )
    {
        return true;
    }
    // "a narrator in the Clinton ad", "the 34-year-old mother of three": the head noun stands
    // before the first preposition
    if let Some(p) = (a + 2..b).find(|&t| {
        matches!(
            token(doc, t),
            "of" | "in" | "for" | "at" | "from" | "with" | "on" | "and"
        )
    }) {
        if b - a <= 8 && looks_like_speaker(doc, a, p) {
            return true;
        }
    }
    let last = token(doc, b - 1);
    let first = token(doc, a);
    // "the family said", "her lawyers said": after a determiner, a plain noun can speak
    // ... or after a possessive: "Obama's former campaign strategist said"
    let possessive = b > a + 2 && matches!(token(doc, a + 1), "’s" | "'s");
    // ("both candidates said", "many voters say": a quantifier determines the noun too)
    let determined = byline_lexicon::words::is_article_or_possessive(first)
        || matches!(
            first.to_lowercase().as_str(),
            "another" | "one" | "both" | "many" | "some" | "several" | "most" | "these" | "those"
        )
        || possessive;
    // ("the 43-year-old asked")
    let plain_noun = b - a <= if possessive { 5 } else { 4 }
        && last
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && last.chars().any(|c| c.is_ascii_lowercase())
        && last.len() > 1
        && (!last.ends_with("ly") || matches!(last, "family" | "ally" | "assembly" | "rally"))
        && !byline_lexicon::words::is_function_word(last);
    let head_ok = is_speaking_noun(&last.to_lowercase())
        || is_office(last)
        || last.chars().next().is_some_and(char::is_uppercase)
        || (determined && plain_noun);
    let start_ok = matches!(
        first.to_lowercase().as_str(),
        "a" | "an"
            | "another"
            | "both"
            | "the"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "these"
            | "those"
            | "our"
            | "several"
            | "some"
            | "many"
            | "other"
            | "senior"
            | "local"
            | "its"
            | "his"
            | "her"
            | "their"
            | "my"
            | "your"
    ) || first.chars().next().is_some_and(char::is_uppercase)
        || is_speaking_noun(first);
    // "restructuring experts say", "labor-policy experts say": a short phrase ending in a
    // plural speaking noun needs no determiner
    let plural_head = b - a <= 3 && last.ends_with('s') && is_speaking_noun(&last.to_lowercase());
    head_ok
        && (start_ok || plural_head)
        && !doc.tokens[a..b]
            .iter()
            .any(|t| t.kind == TokenKind::QuoteMark)
}

/// Token `t` is a full stop that does not end its sentence: an abbreviation's ("Mr.", "R-Ky.").
fn is_inner_stop(doc: &Document, t: usize) -> bool {
    token(doc, t) == "."
        && doc
            .sentence_index(doc.tokens[t].span.start)
            .is_some_and(|s| doc.sentences[s].end > doc.tokens[t].span.end)
}

/// An office written lower-case as a head noun ("the Vermont senator", "the mayor").
fn is_office(w: &str) -> bool {
    let mut c = w.chars();
    let Some(first) = c.next() else {
        return false;
    };
    let title: String = first.to_uppercase().chain(c).collect();
    byline_lexicon::people::is_office_title(&title)
}

fn description_after(doc: &Document, j: usize, hi: usize) -> Option<Span> {
    let first = token(doc, j);
    if !(matches!(first, "a" | "an" | "the" | "one")
        || first.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let mut e = j;
    while e < doc.tokens.len()
        && doc.tokens[e].span.end <= hi
        && doc.tokens[e].kind == TokenKind::Word
        && e < j + 10
    {
        if is_auxiliary(token(doc, e)) {
            // "said the candidate could be …" is a reported clause, not a speaker
            return None;
        }
        e += 1;
    }
    (e > j).then(|| Span::new(doc.tokens[j].span.start, doc.tokens[e - 1].span.end))
}

/// A cue at token `k`, or the phrase "according to" starting there.
fn cue_at(doc: &Document, k: usize, limit: usize) -> Option<Span> {
    let t = doc.tokens.get(k)?;
    if t.span.end > limit || t.kind != TokenKind::Word {
        return None;
    }
    let w = token(doc, k);
    if speech::cue_lemma(w).is_some() && !is_not_speech(doc, k) {
        return Some(t.span);
    }
    // "as Tom Ridge put it, ''…''": the idiom is a cue
    if matches!(w, "put" | "puts")
        && doc
            .tokens
            .get(k + 1)
            .is_some_and(|n| doc.slice(n.span) == "it")
    {
        return Some(t.span);
    }
    None
}

/// "called for", "said to be", "told to", "asked for", "wrote off": not speech.
fn is_not_speech(doc: &Document, k: usize) -> bool {
    let w = token(doc, k).to_lowercase();
    let next = doc
        .tokens
        .get(k + 1)
        .map(|t| doc.text[t.span.start..t.span.end].to_lowercase());
    let prev = k.checked_sub(1).map(|p| token(doc, p).to_lowercase());
    match next.as_deref() {
        // "said to be", "told to leave"; "said to reporters", "said to People" is speech
        Some("to") if matches!(w.as_str(), "said" | "told" | "asked" | "called") => {
            return w == "called" || !addressee_follows(doc, k + 2)
        }
        Some("for" | "on" | "off" | "up")
            if matches!(
                w.as_str(),
                "called" | "calls" | "calling" | "call" | "asked"
            ) =>
        {
            return true
        }
        // "wrote off", "wrote up"; "wrote on Twitter" is speech
        Some("off" | "up") if matches!(w.as_str(), "wrote" | "writes" | "write") => return true,
        _ => {}
    }
    matches!(
        prev.as_deref(),
        Some("is" | "are" | "was" | "were" | "be" | "been")
    ) && w == "said"
}

/// True when token `i` (after "said to") starts the person or audience spoken to rather than
/// an infinitive: a capitalised word, a determiner or an object pronoun.
fn addressee_follows(doc: &Document, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    let w = &doc.text[t.span.start..t.span.end];
    w.chars().next().is_some_and(char::is_uppercase)
        || byline_lexicon::words::is_determiner(w)
        || matches!(
            w,
            "these"
                | "those"
                | "me"
                | "him"
                | "them"
                | "us"
                | "you"
                | "reporters"
                | "supporters"
                | "cheers"
                | "applause"
        )
}

/// A speaker mention after up to four title words ("Senate Majority Leader", "Rep.", "panel
/// Chairman", "9/11 widow") that the mention leaves out; the returned span includes them.
pub(crate) fn titled_mention(
    doc: &Document,
    i: usize,
    hi: usize,
) -> Option<(Span, Option<usize>, MentionKind)> {
    let first = token(doc, i);
    if !first.chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    for k in i + 1..(i + 5).min(doc.tokens.len()) {
        let t = doc.tokens[k];
        if t.span.end > hi {
            return None;
        }
        if let Some((span, entity, MentionKind::Name)) = mention_starting_at(doc, t.span.start) {
            return Some((
                Span::new(doc.tokens[i].span.start, span.end),
                entity,
                MentionKind::Name,
            ));
        }
        let w = token(doc, k);
        // "9/11 widow", "U.S. Rep."
        if !(matches!(t.kind, TokenKind::Word | TokenKind::Number)
            || matches!(w, "." | "/" | "-" | "&"))
        {
            return None;
        }
        // a title has no verb in it: "said Obama wasn't targeting just Trump" names no
        // titled Trump
        if w.contains(['\'', '’']) || is_auxiliary(w) {
            return None;
        }
    }
    None
}

/// A personal pronoun that coreference left without an entity ("they wrote").
fn bare_pronoun(doc: &Document, i: usize) -> Option<(Span, Option<usize>, MentionKind)> {
    let w = token(doc, i);
    matches!(
        w.to_lowercase().as_str(),
        "he" | "she" | "they" | "i" | "we" | "it"
    )
    .then(|| (doc.tokens[i].span, None, MentionKind::Pronoun))
}

/// The cue after an apposition or a parenthesis that follows a speaker: "(R-Fla.) said",
/// ", 82, told", ", the Republican attorney general of Oklahoma, one of the states suing, said".
fn cue_after_apposition(doc: &Document, j: usize, hi: usize) -> Option<Span> {
    let n = doc.tokens.len();
    let open = |t: usize| t < n && doc.tokens[t].span.end <= hi;
    if open(j) && token(doc, j) == "(" {
        let close = (j + 1..(j + 8).min(n)).find(|&t| token(doc, t) == ")")?;
        return cue_after(doc, close + 1, hi).or_else(|| cue_after_apposition(doc, close + 1, hi));
    }
    // "Mr. Morgan of the Sierra Club said"
    if open(j) && token(doc, j) == "of" {
        let end = (j + 1..(j + 8).min(n))
            .take_while(|&t| open(t) && doc.tokens[t].kind == TokenKind::Word)
            .last()?;
        return (j + 2..=end + 1).find_map(|t| cue_at(doc, t, hi));
    }
    if !(open(j) && token(doc, j) == ",") {
        return None;
    }
    // up to three commas within 40 tokens; a quotation mark or a sentence end stops the search
    let mut commas = 0;
    let mut t = j + 1;
    while open(t) && t < j + 40 {
        let w = token(doc, t);
        // the full stop of an abbreviation ("McConnell, R-Ky., said", "Mr. Obama's adviser")
        // does not end the search: only a sentence's last stop does
        if doc.tokens[t].kind == TokenKind::QuoteMark
            || (matches!(w, "." | "?" | "!" | ";") && !is_inner_stop(doc, t))
        {
            return None;
        }
        if w == "," {
            commas += 1;
            if let Some(cue) = cue_after(doc, t + 1, hi) {
                return Some(cue);
            }
            if commas == 3 {
                return None;
            }
        }
        t += 1;
    }
    None
}

/// The first cue at or after token `j` with only fillers in between.
fn cue_after(doc: &Document, mut j: usize, hi: usize) -> Option<Span> {
    let mut fillers = 0;
    while j < doc.tokens.len() && fillers <= 2 {
        if let Some(c) = cue_at(doc, j, hi) {
            return Some(c);
        }
        if !is_filler(token(doc, j)) {
            return None;
        }
        fillers += 1;
        j += 1;
    }
    None
}

/// A person/organisation mention starting exactly at `start`: (span, entity, kind). The longest
/// one wins ("Sir Keir Starmer" over a nested name).
pub(crate) fn mention_starting_at(
    doc: &Document,
    start: usize,
) -> Option<(Span, Option<usize>, MentionKind)> {
    let k = doc.mentions.partition_point(|m| m.span.start < start);
    doc.mentions[k..]
        .iter()
        .take_while(|m| m.span.start == start)
        .filter(|m| speaker_type(doc, m.entity, m.etype))
        .max_by_key(|m| m.span.end)
        .map(|m| (m.span, m.entity, m.kind))
}

/// A person/organisation mention ending exactly at `end`.
pub(crate) fn mention_ending_at(
    doc: &Document,
    end: usize,
) -> Option<(Span, Option<usize>, MentionKind)> {
    let k = doc.mentions.partition_point(|m| m.span.start < end);
    doc.mentions[..k]
        .iter()
        .rev()
        .take(12)
        .filter(|m| m.span.end == end && speaker_type(doc, m.entity, m.etype))
        .min_by_key(|m| m.span.start)
        .map(|m| (m.span, m.entity, m.kind))
}

fn speaker_type(doc: &Document, entity: Option<usize>, etype: byline_doc::EntityType) -> bool {
    use byline_doc::EntityType::*;
    let t = entity
        .and_then(|e| doc.entities.get(e))
        .map_or(etype, |e| e.etype);
    matches!(t, Per | Org)
        || (t == Loc
            && byline_lexicon::places::country(
                &entity
                    .and_then(|e| doc.entities.get(e))
                    .map_or(String::new(), |e| e.name.clone()),
            )
            .is_some())
}

/// The entity of the last person/organisation mention inside a description span.
fn best_entity_in(doc: &Document, span: Span) -> Option<usize> {
    let k = doc.mentions.partition_point(|m| m.span.start < span.start);
    doc.mentions[k..]
        .iter()
        .take_while(|m| m.span.end <= span.end)
        .filter(|m| m.span == span)
        .find_map(|m| m.entity)
}

/// The attribution to a described speaker, noun phrase `np` ("a spokesman for the council"),
/// resolved to the entity of a mention with exactly its span.
fn described(doc: &Document, np: Span, cue: Span, confidence: f32) -> Attribution {
    Attribution {
        speaker: best_entity_in(doc, np),
        mention: Some(np),
        cue: Some(cue),
        confidence,
    }
}

fn make(span: Span, entity: Option<usize>, kind: MentionKind, cue: Span, base: f32) -> Attribution {
    let confidence = match kind {
        MentionKind::Name => base,
        MentionKind::Nominal => base - 0.05,
        MentionKind::Pronoun => base - 0.1,
    };
    Attribution {
        speaker: entity,
        mention: Some(span),
        cue: Some(cue),
        confidence,
    }
}
