//! The scanner: splits one sentence into tokens and finds the numeric claims in it.
//!
//! A claim is read left to right as `[hedge] [currency] number [scale] [unit]`, where the number
//! is digits ("1,200", "4.2", "45m") or words ("two hundred and fifty", "a dozen"), and the unit
//! is a percent sign or phrase, a currency name, or the counted noun of the following noun
//! phrase. Each candidate then passes a series of vetoes (times, names, years, references back,
//! labels, clock times, phone numbers) before it is kept.

use crate::lexicon as lx;
use byline_doc::{Qualifier, Quantity, Span};
use byline_lexicon::numbers;

/// Longest word whose lowercase form is kept for table lookups.
const LC_CAP: usize = 24;

/// Longest run of digits accepted as a number (longer runs are identifiers, and stay exact in
/// a `u64`).
const MAX_DIGITS: usize = 18;

/// A word's lowercase form, kept inline: ASCII only, with the curly apostrophe folded to `'`.
/// Words that are longer, or hold other non-ASCII characters, have an empty form and match no
/// table.
#[derive(Clone, Copy)]
struct Lc {
    buf: [u8; LC_CAP],
    len: u8,
}

impl Lc {
    const EMPTY: Lc = Lc {
        buf: [0; LC_CAP],
        len: 0,
    };

    fn new(word: &str) -> Lc {
        let mut lc = Lc::EMPTY;
        let mut n = 0;
        for c in word.chars() {
            let b = match c {
                '\u{2019}' => b'\'',
                c if c.is_ascii() => c.to_ascii_lowercase() as u8,
                _ => return Lc::EMPTY,
            };
            if n == LC_CAP {
                return Lc::EMPTY;
            }
            lc.buf[n] = b;
            n += 1;
        }
        // n <= LC_CAP = 24, so it fits in a u8.
        lc.len = n as u8;
        lc
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or("")
    }
}

/// Token classes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Starts with a letter (or a non-ASCII digit): "drones", "twenty-five", "Covid-19", "G7".
    Word,
    /// Starts with an ASCII digit: "352", "1,200", "4.2", "45m", "100-year", "3.30pm".
    Num,
    /// Any other single character.
    Punct(char),
}

/// One token of a sentence, with byte offsets into the document text.
#[derive(Clone, Copy)]
pub(crate) struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    lc: Lc,
}

/// Characters that join two alphanumeric runs into one token when they stand between them.
fn joins(prev: char, joiner: char, next: char) -> bool {
    match joiner {
        '.' | ',' | ':' | '/' if prev.is_ascii_digit() => next.is_ascii_digit(),
        // initialisms: "U.S", "U.K" (the final full stop stays apart)
        '.' => prev.is_ascii_uppercase() && next.is_ascii_uppercase(),
        '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => next.is_alphanumeric(),
        '\'' | '\u{2019}' => next.is_alphabetic(),
        _ => false,
    }
}

/// The char starting at byte `i` of `s` and its length, if any.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Appends the tokens of `text[from..to]` to `out` (which is cleared first). The range must lie
/// on char boundaries.
pub(crate) fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    out.clear();
    let Some(s) = text.get(from..to) else { return };
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let (c, len) = if bytes[i] < 0x80 {
            (char::from(bytes[i]), 1)
        } else {
            match char_at(s, i) {
                Some(x) => x,
                None => break,
            }
        };
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        if !c.is_alphanumeric() {
            out.push(Tok {
                start: from + start,
                end: from + i,
                kind: Kind::Punct(c),
                lc: Lc::EMPTY,
            });
            continue;
        }
        let mut prev = c;
        let mut initialism = false;
        while let Some((c2, l2)) = char_at(s, i) {
            if c2.is_alphanumeric() {
                prev = c2;
                i += l2;
                continue;
            }
            match char_at(s, i + l2) {
                Some((c3, l3)) if joins(prev, c2, c3) => {
                    initialism |= c2 == '.' && !prev.is_ascii_digit();
                    prev = c3;
                    i += l2 + l3;
                }
                _ => {
                    // "U.S.": an initialism keeps its final full stop.
                    if initialism && c2 == '.' && prev.is_ascii_uppercase() {
                        i += l2;
                    }
                    break;
                }
            }
        }
        let word = &s[start..i];
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else {
            Kind::Word
        };
        out.push(Tok {
            start: from + start,
            end: from + i,
            kind,
            lc: Lc::new(word),
        });
    }
}

/// True when `[a, b)` overlaps one of `spans` (sorted by start, non-overlapping, as built by
/// `lib.rs`).
fn blocked(spans: &[(usize, usize)], a: usize, b: usize) -> bool {
    let k = spans.partition_point(|&(_, e)| e <= a);
    k < spans.len() && spans[k].0 < b
}

/// What glued letters after the digits mean ("45m", "10km", "5pc").
#[derive(Clone, Copy, Debug, PartialEq)]
enum Suffix {
    None,
    Scale(f64),
    Measure(&'static str),
    Percent,
}

/// A number written in digits.
#[derive(Clone, Copy)]
struct Digits {
    /// All digits, integer and decimal, as one integer.
    mant: u64,
    /// How many of them are decimals.
    frac: u32,
    /// Digits before the decimal point.
    int_digits: usize,
    /// Thousands separators present.
    comma: bool,
    /// Starts with a 0 and has more digits before the point ("020", "007").
    leading_zero: bool,
    suffix: Suffix,
    /// The suffix is in capitals ("4K" is a screen resolution, "5500M" a model, unless money).
    upper_suffix: bool,
}

impl Digits {
    fn value(&self, scale: f64) -> f64 {
        // Scale first, then divide: "4.2" x 1e9 is 42e9 / 10, exactly 4.2e9.
        (self.mant as f64 * scale) / 10f64.powi(self.frac as i32)
    }
}

/// Reads a token that starts with a digit: "352", "1,200", "4.2", "45m", "1.3bn", "10km".
/// Scores, ordinals, clock times, decades, ranges and hyphenated compounds give `None`.
fn parse_digits(t: &str) -> Option<Digits> {
    let b = t.as_bytes();
    let mut i = 0;
    let mut mant: u64 = 0;
    let mut count = 0usize;
    let mut push = |d: u8, count: &mut usize| -> Option<()> {
        *count += 1;
        if *count > MAX_DIGITS {
            return None;
        }
        mant = mant * 10 + u64::from(d - b'0');
        Some(())
    };
    while i < b.len() && b[i].is_ascii_digit() {
        push(b[i], &mut count)?;
        i += 1;
    }
    let first_group = i;
    let mut comma = false;
    while i + 3 < b.len() + 1
        && b.get(i) == Some(&b',')
        && b.get(i + 1..i + 4)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
    {
        if first_group > 3 {
            return None;
        }
        for &d in &b[i + 1..i + 4] {
            push(d, &mut count)?;
        }
        comma = true;
        i += 4;
    }
    let int_digits = count;
    let mut frac = 0u32;
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            push(b[i], &mut count)?;
            frac += 1;
            i += 1;
        }
    }
    let rest = &t[i..];
    let suffix = if rest.is_empty() {
        Suffix::None
    } else {
        let lc = Lc::new(rest);
        let w = lc.as_str();
        if w.is_empty() || !w.bytes().all(|c| c.is_ascii_alphabetic()) {
            // ".", ",", ":", "/" left over (a bad group, a clock time, "24/7"), a hyphenated
            // compound ("100-year", "2-1"), a possessive ("10's").
            return None;
        }
        if let Some(s) = lx::scale_suffix(w) {
            Suffix::Scale(s)
        } else if w == "pc" {
            Suffix::Percent
        } else if let Some(m) = lx::measure_abbrev(w) {
            Suffix::Measure(m)
        } else {
            // "89th", "3.30pm", "1990s", "5G"
            return None;
        }
    };
    Some(Digits {
        mant,
        frac,
        int_digits,
        comma,
        leading_zero: b.first() == Some(&b'0') && int_digits > 1,
        suffix,
        upper_suffix: matches!(suffix, Suffix::Scale(_))
            && rest.bytes().any(|c| c.is_ascii_uppercase()),
    })
}

/// Classes of number words.
#[derive(Clone, Copy, PartialEq)]
enum NumWord {
    Zero,
    Unit(f64),
    Teen(f64),
    Tens(f64),
    TensUnit(f64),
    Hundred,
    Scale(f64),
    Dozen,
}

/// Classifies a lowercase word as a number word ("seven", "twenty-five", "million").
fn num_word(w: &str) -> Option<NumWord> {
    // Cheap filter before the lexicon lookup: number words are 3 to 9 letters and start with
    // one of these letters ("twenty-five" is longer and has a hyphen).
    let first = *w.as_bytes().first()?;
    if !b"zotfsenhmbd".contains(&first) || w.len() < 3 {
        return None;
    }
    if let Some((a, b)) = w.split_once('-') {
        let tens = numbers::word_value(a)?;
        let unit = numbers::word_value(b)?;
        if (20..=90).contains(&tens) && tens % 10 == 0 && (1..=9).contains(&unit) {
            return numbers::words_value(&[w]).map(|v| NumWord::TensUnit(v as f64));
        }
        return None;
    }
    if w.len() > 9 || w == "nil" {
        return None;
    }
    if w == "dozen" {
        return Some(NumWord::Dozen);
    }
    let v = numbers::word_value(w)?;
    Some(match v {
        0 => NumWord::Zero,
        1..=9 => NumWord::Unit(v as f64),
        10..=19 => NumWord::Teen(v as f64),
        100 => NumWord::Hundred,
        _ if numbers::is_multiplier(w) => NumWord::Scale(v as f64),
        _ => NumWord::Tens(v as f64),
    })
}

/// Denominators of word fractions, singular and plural.
fn is_denominator(w: &str, plural: bool) -> bool {
    if plural {
        matches!(
            w,
            "thirds" | "quarters" | "fifths" | "tenths" | "halves" | "fourths"
        )
    } else {
        matches!(w, "third" | "quarter" | "fifth" | "tenth" | "fourth")
    }
}

/// How the number of a candidate was written.
#[derive(Clone, Copy)]
enum Form {
    Digits(Digits),
    /// Number words; `single_one` for the lone word "one", `capital` when capitalised.
    Words {
        single_one: bool,
        capital: bool,
    },
    /// A word fraction ("two-thirds", "half of", "a quarter of").
    Fraction,
}

/// The number of a candidate, ending before token `end`.
#[derive(Clone, Copy)]
struct Core {
    end: usize,
    value: f64,
    form: Form,
    /// Multiplied by a scale word or suffix ("3 million", "45m").
    scaled: bool,
}

impl Core {
    /// Digits with no separator, decimals, suffix or scale: the shape of years, list and
    /// phone numbers.
    fn is_plain(&self) -> bool {
        matches!(self.form, Form::Digits(d) if !d.comma && d.frac == 0 && d.suffix == Suffix::None)
            && !self.scaled
    }

    /// Digits before the decimal point (0 for numbers in words).
    fn int_digits(&self) -> usize {
        match self.form {
            Form::Digits(d) => d.int_digits,
            _ => 0,
        }
    }
}

/// A candidate claim: where its number starts, the number, and its hedge.
#[derive(Clone, Copy)]
struct Claim {
    /// First token of the number (or of its currency sign).
    start: usize,
    core: Core,
    /// First token of the claim: the hedge, or `start`.
    first: usize,
    qualifier: Option<Qualifier>,
}

impl Claim {
    /// The claim as found, over tokens `[first, end)`.
    fn emit(&self, end: usize, value: f64, unit: Unit) -> Step {
        Step::Emit(Found {
            first: self.first,
            last: end - 1,
            value,
            unit,
            qualifier: self.qualifier,
            start: self.start,
            after_number: self.core.end,
        })
    }
}

/// The unit a candidate ends up with.
enum Unit {
    None,
    /// A currency code, "percent", "fraction", a measure.
    Static(&'static str),
    /// The counted noun: token index, and whether it must be made plural.
    Noun(usize, bool),
    /// A two-word counted noun ("prime ministers"): first and last token.
    Compound(usize, usize),
    /// A counted noun given as text (inherited from the previous claim, or "people").
    Counted(String),
}

/// A candidate that passed every veto.
struct Found {
    first: usize,
    last: usize,
    value: f64,
    unit: Unit,
    qualifier: Option<Qualifier>,
    /// First token of the number (after the hedge).
    start: usize,
    /// Token after the number itself (before any unit).
    after_number: usize,
}

enum Step {
    Emit(Found),
    /// Not a quantity; resume scanning at this token.
    Skip(usize),
    Next,
}

enum Head {
    Noun(usize),
    TimeUnit,
    None,
}

/// One sentence being scanned.
pub(crate) struct Sentence<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Tok],
    /// Time expression spans (merged, sorted).
    pub(crate) times: &'a [(usize, usize)],
    /// Entity name spans (merged, sorted).
    pub(crate) names: &'a [(usize, usize)],
}

impl Sentence<'_> {
    fn lc(&self, j: usize) -> &str {
        self.toks.get(j).map_or("", |t| t.lc.as_str())
    }

    fn raw(&self, j: usize) -> &str {
        self.toks
            .get(j)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn kind(&self, j: usize) -> Option<Kind> {
        self.toks.get(j).map(|t| t.kind)
    }

    fn is_word(&self, j: usize) -> bool {
        self.kind(j) == Some(Kind::Word)
    }

    fn punct(&self, j: usize) -> Option<char> {
        match self.kind(j)? {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn cap(&self, j: usize) -> bool {
        self.raw(j).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when token `j` touches token `j + 1` (no space between).
    fn glued(&self, j: usize) -> bool {
        match (self.toks.get(j), self.toks.get(j + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn in_time(&self, j: usize) -> bool {
        self.toks
            .get(j)
            .is_some_and(|t| blocked(self.times, t.start, t.end))
    }

    /// Finds the quantities of this sentence and appends them to `out`, after (and never
    /// overlapping) those already there.
    pub(crate) fn scan(&self, out: &mut Vec<Quantity>) {
        // (index in out, token after the number, first token of the number)
        let mut placed: Vec<(usize, usize, usize)> = Vec::new();
        // The counted noun of the previous quantity of this sentence, for elliptical counts.
        let mut noun_unit: Option<String> = None;
        let mut consumed = 0;
        let mut i = 0;
        while i < self.toks.len() {
            if !self.could_start(i) {
                i += 1;
                continue;
            }
            match self.candidate(i, consumed, noun_unit.as_deref()) {
                Step::Emit(f) => {
                    let start = self.toks[f.first].start;
                    let end = self.toks[f.last].end;
                    if start >= out.last().map_or(0, |q| q.span.end) {
                        let (unit, noun) = match f.unit {
                            Unit::None => (None, false),
                            Unit::Static(s) => (Some(s.to_string()), false),
                            Unit::Noun(j, true) => (Some(lx::pluralise(self.raw(j))), true),
                            Unit::Noun(j, false) => (Some(self.raw(j).to_string()), true),
                            Unit::Compound(a, b) => {
                                (Some(format!("{} {}", self.raw(a), self.raw(b))), true)
                            }
                            Unit::Counted(s) => (Some(s), true),
                        };
                        noun_unit = if noun { unit.clone() } else { None };
                        placed.push((out.len(), f.after_number, f.start));
                        out.push(Quantity {
                            span: Span::new(start, end),
                            value: f.value,
                            unit,
                            qualifier: f.qualifier,
                        });
                    }
                    consumed = f.last + 1;
                    i = consumed;
                }
                Step::Skip(next) => i = next.max(i + 1),
                Step::Next => i += 1,
            }
        }
        // Ranges and parts: "between 10 and 20 people", "from 20 to 30 per cent", "25 of 30
        // drones": the first number takes the unit of the second.
        for w in placed.windows(2) {
            let (a, after, _) = w[0];
            let (b, _, first_b) = w[1];
            let connector = matches!(self.lc(after), "to" | "and" | "or" | "of")
                || matches!(self.punct(after), Some('-' | '\u{2013}'));
            if out[a].unit.is_none()
                && connector
                && first_b == after + 1
                && out[b].unit.as_deref().is_some_and(|u| u != "fraction")
            {
                out[a].unit = out[b].unit.clone();
            }
        }
    }

    /// A cheap test that token `i` may begin a quantity (a digit, a currency sign or code, a
    /// number word, "a", "an" or "half").
    fn could_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            Kind::Num => true,
            Kind::Punct(c) => lx::currency_symbol(c).is_some(),
            Kind::Word => {
                let w = t.lc.as_str();
                matches!(w, "a" | "an" | "half")
                    || num_word(w).is_some()
                    || w.contains('-') && numbers::fraction(w).is_some()
                    || lx::iso_code(self.raw(i)).is_some()
                    || lx::dollar_prefix(w).is_some() && self.punct(i + 1) == Some('$')
            }
        }
    }

    /// A currency written before the number: "$", "£", "US$", "USD". Returns the code and the
    /// token where the number starts.
    fn currency_prefix(&self, i: usize) -> (Option<&'static str>, usize) {
        match self.kind(i) {
            Some(Kind::Punct(c)) => (lx::currency_symbol(c), i + 1),
            Some(Kind::Word) => {
                if self.punct(i + 1) == Some('$') && self.glued(i) {
                    if let Some(code) = lx::dollar_prefix(self.lc(i)) {
                        return (Some(code), i + 2);
                    }
                }
                match lx::iso_code(self.raw(i)) {
                    Some(code) if self.kind(i + 1) == Some(Kind::Num) => (Some(code), i + 1),
                    _ => (None, i),
                }
            }
            _ => (None, i),
        }
    }

    /// Reads number words from token `i`: "seven", "two hundred and fifty", "a dozen",
    /// "three million". Returns the token after them and the value.
    fn words_at(&self, i: usize) -> Option<(usize, f64)> {
        #[derive(Clone, Copy, PartialEq)]
        enum St {
            Start,
            A,
            Unit,
            Teen,
            Tens,
            TensUnit,
            Hundred,
            Scale,
        }
        let (mut total, mut cur) = (0.0f64, 0.0f64);
        let mut last_scale = f64::INFINITY;
        let mut st = St::Start;
        let mut j = i;
        let mut end = i;
        while self.is_word(j) {
            let w = self.lc(j);
            if w == "and" {
                let next = num_word(self.lc(j + 1));
                let part = matches!(
                    next,
                    Some(
                        NumWord::Unit(_)
                            | NumWord::Teen(_)
                            | NumWord::Tens(_)
                            | NumWord::TensUnit(_)
                    )
                );
                if matches!(st, St::Hundred | St::Scale) && part {
                    j += 1;
                    continue;
                }
                break;
            }
            if matches!(w, "a" | "an") && st == St::Start {
                match num_word(self.lc(j + 1)) {
                    Some(NumWord::Hundred | NumWord::Scale(_) | NumWord::Dozen) => {
                        cur = 1.0;
                        st = St::A;
                        j += 1;
                        continue;
                    }
                    _ => break,
                }
            }
            let Some(k) = num_word(w) else { break };
            match (k, st) {
                (NumWord::Zero, St::Start) => return Some((j + 1, 0.0)),
                (NumWord::Unit(v), St::Start | St::Tens | St::Hundred | St::Scale) => {
                    cur += v;
                    st = St::Unit;
                }
                (NumWord::Teen(v), St::Start | St::Hundred | St::Scale) => {
                    cur += v;
                    st = St::Teen;
                }
                (NumWord::Tens(v), St::Start | St::Hundred | St::Scale) => {
                    cur += v;
                    st = St::Tens;
                }
                (NumWord::TensUnit(v), St::Start | St::Hundred | St::Scale) => {
                    cur += v;
                    st = St::TensUnit;
                }
                (NumWord::Hundred, St::A | St::Unit | St::Teen | St::TensUnit) if cur < 100.0 => {
                    cur *= 100.0;
                    st = St::Hundred;
                }
                (
                    NumWord::Scale(s),
                    St::A | St::Unit | St::Teen | St::Tens | St::TensUnit | St::Hundred,
                ) if s < last_scale => {
                    total += cur * s;
                    cur = 0.0;
                    last_scale = s;
                    st = St::Scale;
                }
                (NumWord::Dozen, St::A | St::Unit | St::Teen | St::Tens | St::TensUnit) => {
                    return Some((j + 1, total + cur * 12.0));
                }
                _ => break,
            }
            j += 1;
            end = j;
        }
        (end > i).then_some((end, total + cur))
    }

    /// Reads the number at token `i` (after any currency sign).
    fn core_at(&self, i: usize) -> Option<Core> {
        match self.kind(i)? {
            Kind::Num => {
                let d = parse_digits(self.raw(i))?;
                let mut end = i + 1;
                let mut scale = match d.suffix {
                    Suffix::Scale(s) => s,
                    _ => 1.0,
                };
                if d.suffix == Suffix::None {
                    match num_word(self.lc(end)) {
                        Some(NumWord::Hundred) => {
                            scale = 100.0;
                            end += 1;
                        }
                        Some(NumWord::Scale(s)) => {
                            scale = s;
                            end += 1;
                        }
                        Some(NumWord::Dozen) => {
                            scale = 12.0;
                            end += 1;
                        }
                        _ => {}
                    }
                    // "3 hundred thousand", "1.5 thousand million"
                    if scale >= 100.0 {
                        if let Some(NumWord::Scale(s)) = num_word(self.lc(end)) {
                            if s > scale {
                                scale *= s;
                                end += 1;
                            }
                        }
                    }
                }
                Some(Core {
                    end,
                    value: d.value(scale),
                    form: Form::Digits(d),
                    scaled: scale != 1.0,
                })
            }
            Kind::Word => {
                let w = self.lc(i);
                if w.is_empty() {
                    return None;
                }
                if w == "half" {
                    let next = self.lc(i + 1);
                    if next == "a" {
                        // "half a million", "half a dozen"
                        let scale = match num_word(self.lc(i + 2))? {
                            NumWord::Scale(s) => s,
                            NumWord::Hundred => 100.0,
                            NumWord::Dozen => 12.0,
                            _ => return None,
                        };
                        let form = Form::Words {
                            single_one: false,
                            capital: self.cap(i),
                        };
                        return Some(Core {
                            end: i + 3,
                            value: 0.5 * scale,
                            form,
                            scaled: true,
                        });
                    }
                    if matches!(
                        next,
                        "of" | "the" | "its" | "their" | "his" | "her" | "our" | "all"
                    ) {
                        return Some(Core {
                            end: i + 1,
                            value: 0.5,
                            form: Form::Fraction,
                            scaled: false,
                        });
                    }
                    return None;
                }
                if matches!(w, "a" | "an")
                    && is_denominator(self.lc(i + 1), false)
                    && self.lc(i + 2) == "of"
                {
                    let value = numbers::fraction(self.lc(i + 1))?;
                    return Some(Core {
                        end: i + 2,
                        value,
                        form: Form::Fraction,
                        scaled: false,
                    });
                }
                if w.contains('-') {
                    if let Some(value) = numbers::fraction(w) {
                        return Some(Core {
                            end: i + 1,
                            value,
                            form: Form::Fraction,
                            scaled: false,
                        });
                    }
                }
                let (end, value) = self.words_at(i)?;
                if end == i + 1 && (1.0..=10.0).contains(&value) {
                    // "two thirds", "three quarters", "one third of"
                    let den = self.lc(end);
                    let fraction_word = (value >= 2.0 && is_denominator(den, true))
                        || (value == 1.0 && is_denominator(den, false) && self.lc(end + 1) == "of");
                    if fraction_word {
                        let value = numbers::fraction(&format!("{w}-{den}"))?;
                        return Some(Core {
                            end: end + 1,
                            value,
                            form: Form::Fraction,
                            scaled: false,
                        });
                    }
                }
                let single_one = end == i + 1 && w == "one";
                let form = Form::Words {
                    single_one,
                    capital: self.cap(i),
                };
                Some(Core {
                    end,
                    value,
                    form,
                    scaled: false,
                })
            }
            Kind::Punct(_) => None,
        }
    }

    /// A hedge ending just before token `p`, not reaching back before token `floor`.
    fn qualifier_before(&self, p: usize, floor: usize) -> Option<(Qualifier, usize)> {
        let words =
            |n: usize| p >= floor + n && (p - n..p).all(|j| self.is_word(j) && !self.in_time(j));
        if words(3) {
            if let Some(q) = lx::qualifier3(self.lc(p - 3), self.lc(p - 2), self.lc(p - 1)) {
                return Some((q, p - 3));
            }
        }
        if words(2) {
            if let Some(q) = lx::qualifier2(self.lc(p - 2), self.lc(p - 1)) {
                return Some((q, p - 2));
            }
        }
        if words(1) {
            if let Some(q) = lx::qualifier1(self.lc(p - 1)) {
                return Some((q, p - 1));
            }
        }
        None
    }

    /// Percent after the number: "%", "per cent", "percent", "percentage points".
    fn percent_at(&self, j: usize) -> Option<(usize, &'static str)> {
        if self.punct(j) == Some('%') {
            return Some((j + 1, "percent"));
        }
        match (self.lc(j), self.lc(j + 1)) {
            ("per", "cent") => Some((j + 2, "percent")),
            ("percent" | "pc" | "pct", _) => Some((j + 1, "percent")),
            ("percentage", "point" | "points") => Some((j + 2, "percentage points")),
            _ => None,
        }
    }

    /// A currency named after the number: "dollars", "US dollars", "pounds sterling", "EUR".
    fn currency_at(&self, j: usize) -> Option<(usize, &'static str)> {
        if let Some(code) = lx::currency_adjective(self.lc(j), self.lc(j + 1)) {
            if self.lc(j) == "hong" {
                return matches!(self.lc(j + 2), "dollar" | "dollars").then_some((j + 3, code));
            }
            return Some((j + 2, code));
        }
        if let Some(code) = lx::currency_word(self.lc(j)) {
            let end = if self.lc(j + 1) == "sterling" {
                j + 2
            } else {
                j + 1
            };
            return Some((end, code));
        }
        if self.is_word(j) {
            if let Some(code) = lx::iso_code(self.raw(j)) {
                return Some((j + 1, code));
            }
        }
        None
    }

    /// A word that can be part of the counted noun phrase: returns its lowercase form, or
    /// `None` at a function word, a verb form in -ing, a number word, a possessive, a time
    /// expression or anything that is not a word. With `modifier`, an -ing word is accepted
    /// when a plural noun follows it ("ten canning jars", "three polling stations").
    fn np_word(&self, j: usize, modifier: bool) -> Option<&str> {
        if !self.is_word(j) || self.in_time(j) {
            return None;
        }
        let w = self.lc(j);
        if w.is_empty() {
            // Non-ASCII or very long word: usable unless possessive.
            return (!self.raw(j).ends_with("’s")).then_some(w);
        }
        if w.ends_with("'s") || num_word(w).is_some() {
            return None;
        }
        // "US", "IT": an acronym is not the pronoun it spells.
        if lx::is_stop(w) && !self.is_acronym(j) {
            return None;
        }
        if w.len() > 4 && w.ends_with("ing") && !is_ing_noun(w) {
            let next_plural = modifier
                && !self.cap(j + 1)
                && self
                    .np_word(j + 1, false)
                    .is_some_and(|n| lx::looks_plural(self.raw(j + 1), n));
            if !next_plural {
                return None;
            }
        }
        Some(w)
    }

    /// The counted noun after a number other than one: the first plural noun within four
    /// words ("three senior officials"), stretched over a following plural ("arms dealers").
    fn plural_head(&self, k: usize) -> Head {
        let mut j = k;
        // "two more people", "90 other publications"
        if matches!(
            self.lc(k),
            "more" | "other" | "further" | "additional" | "extra"
        ) {
            j += 1;
        }
        let limit = j + 4;
        while j < limit {
            let Some(w) = self.np_word(j, true) else {
                return Head::None;
            };
            if lx::is_time_unit(w) {
                return Head::TimeUnit;
            }
            if lx::looks_plural(self.raw(j), w) {
                let mut h = j;
                while h + 1 < j + 3 {
                    match self.np_word(h + 1, false) {
                        Some(w2)
                            if !self.cap(h + 1)
                                && !lx::is_time_unit(w2)
                                && lx::looks_plural(self.raw(h + 1), w2) =>
                        {
                            h += 1
                        }
                        _ => break,
                    }
                }
                return Head::Noun(h);
            }
            j += 1;
        }
        Head::None
    }

    /// The counted noun after "one" or "1": the last word of the noun phrase ("one senior
    /// official said" → "official").
    fn singular_head(&self, k: usize) -> Head {
        let mut head = None;
        let mut j = k;
        while j < k + 3 {
            let Some(w) = self.np_word(j, false) else {
                break;
            };
            if w.is_empty() {
                // Not an English word: no plural can be made of it.
                break;
            }
            if lx::is_time_unit(w) {
                return Head::TimeUnit;
            }
            let past = w.len() > 3 && w.ends_with("ed") || lx::is_predicative(w);
            let verb_s =
                w.ends_with('s') && !lx::is_unmarked_plural(w) && lx::looks_plural(self.raw(j), w);
            // A name after a common noun ends the phrase ("1 jar Don Victor").
            let name_after = head.is_some() && self.cap(j) && !self.is_acronym(j);
            if past || verb_s || name_after {
                break;
            }
            head = Some(j);
            j += 1;
        }
        match head {
            // A capitalised head must be a people's name ("one Ukrainian", "one Briton"), not
            // a proper name ("one Apple").
            Some(h) if self.cap(h) && !self.is_acronym(h) && !lx::is_demonym_like(self.lc(h)) => {
                Head::None
            }
            Some(h) if lx::is_adjective(self.lc(h)) => Head::None,
            Some(h) => Head::Noun(h),
            None => Head::None,
        }
    }

    /// True when token `j` is a capitalised word inside the sentence (not its first word, not
    /// right after an opening quote or colon): a name, so a number after it is a label
    /// ("Boeing 737", "Formula One").
    fn is_name_word(&self, j: usize) -> bool {
        let inner_cap = self.raw(j).chars().skip(1).any(char::is_uppercase);
        if !self.is_word(j) || !(self.cap(j) || inner_cap) || j == 0 {
            return false;
        }
        let w = self.lc(j);
        if lx::is_stop(w) || w.ends_with("'s") || lx::qualifier1(w).is_some() {
            return false;
        }
        !matches!(
            self.punct(j - 1),
            Some(c) if byline_doc::text::is_quote_mark(c) || matches!(c, ':' | '(' | '.' | '!' | '?' | ';')
        )
    }

    /// Decides whether a quantity starts at token `i`.
    fn candidate(&self, i: usize, consumed: usize, prev_unit: Option<&str>) -> Step {
        let (currency, core_i) = self.currency_prefix(i);
        if currency.is_some() && self.kind(core_i) != Some(Kind::Num) {
            return Step::Next;
        }
        let Some(core) = self.core_at(core_i) else {
            return Step::Next;
        };
        let (start_byte, end_byte) = (self.toks[i].start, self.toks[core.end - 1].end);
        if blocked(self.times, start_byte, end_byte) || blocked(self.names, start_byte, end_byte) {
            return Step::Skip(core.end);
        }
        if currency.is_none() {
            if let Some(step) = self.number_veto(i, &core) {
                return step;
            }
        }
        let qualifier = self.qualifier_before(i, consumed);
        let c = Claim {
            start: i,
            core,
            first: qualifier.map_or(i, |(_, s)| s),
            qualifier: qualifier.map(|(q, _)| q),
        };
        if currency.is_none() && self.label_veto(&c) {
            return Step::Skip(core.end);
        }
        if let Some(code) = currency {
            return self.money(&c, code);
        }
        self.with_unit(&c)
            .or_else(|| self.count(&c, prev_unit))
            .unwrap_or(Step::Skip(core.end))
    }

    /// Vetoes on a number written without a currency, from its own shape and its immediate
    /// neighbours: identifiers, phone and list numbers, clock times, dates, ages.
    fn number_veto(&self, i: usize, core: &Core) -> Option<Step> {
        let skip = Some(Step::Skip(core.end));
        let d = match core.form {
            Form::Digits(d) => d,
            Form::Words { capital, .. } => {
                // "Formula One", "the Big Four": a capitalised number word inside a sentence
                // is part of a name.
                return (capital && i > 0 && self.is_word(i - 1)).then_some(Step::Skip(core.end));
            }
            Form::Fraction => return None,
        };
        let plain = core.is_plain();
        let prev = i.checked_sub(1).and_then(|p| self.punct(p));
        let next = self.lc(core.end);
        // "020", "007", "4K", "5500M", "+44", "#1", "§ 68", "archives/2364"
        if d.leading_zero || d.upper_suffix || matches!(prev, Some('+' | '#' | '§' | '/')) {
            return skip;
        }
        if self.punct(core.end) == Some('/') {
            return skip;
        }
        // "10 am", "9 a.m.", "10 GMT"
        let dotted = matches!(next, "a" | "p")
            && self.punct(core.end + 1) == Some('.')
            && self.lc(core.end + 2) == "m";
        if lx::is_clock_word(next) || dotted {
            return skip;
        }
        if !plain {
            return None;
        }
        // Phone numbers and runs of numbers: "020 7946 0000".
        if self.kind(core.end) == Some(Kind::Num) || i > 0 && self.kind(i - 1) == Some(Kind::Num) {
            let mut j = core.end;
            while self.kind(j) == Some(Kind::Num) {
                j += 1;
            }
            return Some(Step::Skip(j));
        }
        // List numbers: "1. Introduction", "(2)", "[3]".
        let list_start = i == 0 || matches!(prev, Some('(' | '['));
        if list_start && matches!(self.punct(core.end), Some('.' | ')' | ']')) {
            return skip;
        }
        // Dates: "May 18", "Oct. 25", "29 November".
        let month_before =
            i > 0 && (self.is_month(i - 1) || prev == Some('.') && i > 1 && self.is_month(i - 2));
        if month_before || self.is_month(core.end) {
            return skip;
        }
        // Ages in apposition: "Webb, 51, of Dallas".
        let commas = i > 1 && prev == Some(',') && self.punct(core.end) == Some(',');
        if commas && self.is_word(i - 2) && self.cap(i - 2) && core.value <= 120.0 {
            return skip;
        }
        None
    }

    /// True when the word before the claim makes the number a label: "Article 5", "No. 10",
    /// "Boeing 737", "aged 45".
    fn label_veto(&self, c: &Claim) -> bool {
        if c.qualifier.is_some() || c.first == 0 {
            return false;
        }
        let b = c.first - 1;
        let no_dot = self.punct(b) == Some('.') && b > 0 && matches!(self.lc(b - 1), "no" | "nos");
        lx::is_label_noun(self.lc(b)) || no_dot || self.is_name_word(b)
    }

    /// Money with a currency before the number: "$4.2 billion", "£45m", "US$2.5 trillion".
    fn money(&self, c: &Claim, code: &'static str) -> Step {
        let mut value = c.core.value;
        let mut end = c.core.end;
        let bare = matches!(c.core.form, Form::Digits(d) if d.suffix == Suffix::None);
        if bare && !c.core.scaled {
            // "$1.5 bn"
            if let Some(s) = lx::scale_suffix(self.lc(end)) {
                value *= s;
                end += 1;
            }
        }
        c.emit(end, value, Unit::Static(code))
    }

    /// A claim whose unit is not a counted noun: a word fraction, a glued unit ("10km",
    /// "5pc"), a percent, a currency named after the number.
    fn with_unit(&self, c: &Claim) -> Option<Step> {
        let (end, value) = (c.core.end, c.core.value);
        let before = self.lc_before(c);
        if let Form::Fraction = c.core.form {
            // "the other half", "a cup and a half of honey"
            if lx::is_reference_word(before) || matches!(before, "a" | "an") {
                return Some(Step::Skip(end));
            }
            return Some(c.emit(end, value, Unit::Static("fraction")));
        }
        if let Form::Digits(d) = c.core.form {
            match d.suffix {
                Suffix::Percent => return Some(c.emit(end, value, Unit::Static("percent"))),
                Suffix::Measure(m) => return Some(c.emit(end, value, Unit::Static(m))),
                _ => {}
            }
        }
        if let Some((e, u)) = self.percent_at(end) {
            return Some(c.emit(e, value, Unit::Static(u)));
        }
        let (e, code) = self.currency_at(end)?;
        Some(c.emit(e, value, Unit::Static(code)))
    }

    /// A count: the counted noun after the number ("three senior officials"), or for an
    /// elliptical count the noun of the previous claim ("including seven in Kyiv").
    /// `None` when the number is not a claim.
    fn count(&self, c: &Claim, prev_unit: Option<&str>) -> Option<Step> {
        let (end, value) = (c.core.end, c.core.value);
        let before = self.lc_before(c);
        let single_one = matches!(
            c.core.form,
            Form::Words {
                single_one: true,
                ..
            }
        );
        // References back ("the two leaders") and pronoun "one" ("no one") are not claims.
        if lx::is_reference_word(before) || single_one && lx::is_pronoun_one_context(before) {
            return None;
        }
        // "10 Downing Street", "221 Baker Street"
        if self.is_word(end) && self.cap(end) {
            let street = self.lc(end) == "downing"
                || self.is_word(end + 1)
                    && self.cap(end + 1)
                    && lx::is_street_word(self.lc(end + 1));
            if street {
                return None;
            }
        }
        if let Some(step) = self.ratio(c) {
            return Some(step);
        }
        // "10 km", "3 GW"
        let abbrev = self.lc(end);
        if let Some(m) = lx::measure_abbrev(abbrev).filter(|_| abbrev.len() > 1) {
            return Some(c.emit(end + 1, value, Unit::Static(m)));
        }
        let plain = c.core.is_plain();
        let year_like = plain && c.core.int_digits() == 4 && (1900.0..=2100.0).contains(&value);
        let year_signal = matches!(
            before,
            "in" | "since" | "by" | "from" | "until" | "of" | "during" | "before" | "after"
        );
        if year_like && year_signal {
            return None;
        }
        let singular = value == 1.0 && (single_one || plain);
        let head = if singular {
            self.singular_head(end)
        } else {
            self.plural_head(end)
        };
        match head {
            Head::TimeUnit => return None,
            Head::Noun(h) => {
                if single_one && lx::is_abstract_singular(self.lc(h)) {
                    return None;
                }
                // A year before a noun is a date ("the 2019 AirPods"); only a plain lowercase
                // plural right after it is counted ("2000 students").
                if year_like && (singular || h != end || self.cap(h) || self.lc(h).is_empty()) {
                    return None;
                }
                // "under three prime ministers": "under" is the preposition of authority.
                let qualifier = match c.qualifier {
                    Some(Qualifier::LessThan)
                        if self.lc(c.first) == "under" && lx::is_authority_noun(self.lc(h)) =>
                    {
                        let plain = Claim {
                            first: c.start,
                            qualifier: None,
                            ..*c
                        };
                        return Some(plain.emit(h + 1, value, self.noun_unit(h, singular)));
                    }
                    q => q,
                };
                let c = Claim { qualifier, ..*c };
                return Some(c.emit(h + 1, value, self.noun_unit(h, singular)));
            }
            Head::None => {}
        }
        let b = c.first.checked_sub(1);
        let zero = value == 0.0 && matches!(c.core.form, Form::Words { .. });
        // "a 129", "a 2182 score": a reading, not a count.
        let reading = matches!(before, "a" | "an");
        // "a sibling or two"
        let vague = before == "or" && value <= 3.0;
        let age = before == "of" && c.first > 1 && matches!(self.lc(c.first - 2), "age" | "ages");
        // Citations and lists of numbers: "(10, 11)", "[2]".
        let citation = plain
            && b.is_some_and(|b| {
                matches!(self.punct(b), Some('(' | '['))
                    || self.punct(b) == Some(',') && b > 0 && self.kind(b - 1) == Some(Kind::Num)
            });
        if single_one || year_like || zero || vague || age || reading || citation {
            return None;
        }
        if let Some((e, unit)) = self.partitive(end) {
            return Some(c.emit(e, value, unit));
        }
        // No noun: an elliptical count takes the unit of the previous claim of the sentence
        // when it ends a clause or a preposition follows.
        let next = self.lc(end);
        let clause_end = match self.kind(end) {
            None => true,
            Some(Kind::Punct(p)) => {
                matches!(
                    p,
                    ',' | '.' | ';' | ':' | ')' | '!' | '?' | '\u{2014}' | '\u{2013}'
                ) || byline_doc::text::is_quote_mark(p)
            }
            Some(_) => {
                matches!(
                    next,
                    "in" | "of" | "from" | "at" | "among" | "across" | "including"
                ) || matches!(next, "and" | "or" | "but") && !self.could_start_number(end + 1)
            }
        };
        let bracketed =
            b.is_some_and(|b| self.punct(b) == Some('(')) && self.punct(end) == Some(')');
        let inherit = clause_end && value.fract() == 0.0 && !bracketed;
        let Some(unit) = prev_unit.filter(|_| inherit) else {
            return Some(c.emit(end, value, Unit::None));
        };
        let mut last = end;
        if matches!(next, "in" | "at") {
            // "seven in Kyiv": keep the place name.
            let mut j = end + 1;
            while j < end + 4 && self.is_word(j) && self.cap(j) && !self.in_time(j) {
                let w = self.lc(j);
                if lx::is_stop(w) || num_word(w).is_some() {
                    break;
                }
                j += 1;
            }
            if j > end + 1 {
                last = j;
            }
        }
        Some(c.emit(last, value, Unit::Counted(unit.to_string())))
    }

    /// The unit for the head noun at `h`, with a lexicalised modifier ("prime ministers").
    fn noun_unit(&self, h: usize, singular: bool) -> Unit {
        if !singular && h > 0 && lx::is_compound_modifier(self.lc(h - 1), self.lc(h)) {
            return Unit::Compound(h - 1, h);
        }
        Unit::Noun(h, singular)
    }

    /// "seven of the dead", "two of the victims": the counted noun of a partitive, and the
    /// token after it.
    fn partitive(&self, end: usize) -> Option<(usize, Unit)> {
        if self.lc(end) != "of" || !matches!(self.lc(end + 1), "the" | "these" | "those") {
            return None;
        }
        let w = self.lc(end + 2);
        if lx::is_people_adjective(w) && !lx::looks_plural(self.raw(end + 2), w) {
            return Some((end + 3, Unit::Counted("people".to_string())));
        }
        match self.plural_head(end + 2) {
            Head::Noun(h) => Some((h + 1, self.noun_unit(h, false))),
            _ => None,
        }
    }

    /// "one in five", "seven out of 10": a ratio, recorded as a fraction.
    fn ratio(&self, c: &Claim) -> Option<Step> {
        let (end, value) = (c.core.end, c.core.value);
        if value.fract() != 0.0 || value < 1.0 {
            return None;
        }
        let m_at = match (self.lc(end), self.lc(end + 1)) {
            ("in", _) => end + 1,
            ("out", "of") => end + 2,
            _ => return None,
        };
        let m = self.core_at(m_at)?;
        let year = m.is_plain() && m.int_digits() == 4;
        if matches!(m.form, Form::Fraction) || year || m.value <= value || m.value > 1000.0 {
            return None;
        }
        let ratio = ((value / m.value) * 10_000.0).round() / 10_000.0;
        Some(c.emit(m.end, ratio, Unit::Static("fraction")))
    }

    /// The lowercase word just before the claim (its hedge included), or "".
    fn lc_before(&self, c: &Claim) -> &str {
        c.first.checked_sub(1).map_or("", |b| self.lc(b))
    }

    /// True when token `j` is written in capitals ("US", "CEO", "TFL").
    fn is_acronym(&self, j: usize) -> bool {
        let raw = self.raw(j);
        raw.len() > 1 && raw.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// True when token `j` is a month name or abbreviation ("June", "Oct").
    fn is_month(&self, j: usize) -> bool {
        self.is_word(j) && byline_lexicon::calendar::month(self.raw(j)).is_some()
    }

    /// True when a number (digits or a number word) starts at token `j`.
    fn could_start_number(&self, j: usize) -> bool {
        match self.kind(j) {
            Some(Kind::Num) => true,
            Some(Kind::Word) => num_word(self.lc(j)).is_some(),
            Some(Kind::Punct(c)) => lx::currency_symbol(c).is_some(),
            None => false,
        }
    }
}

/// Nouns that end in -ing ("building", "meeting"): they may be counted.
fn is_ing_noun(w: &str) -> bool {
    matches!(
        w,
        "building"
            | "meeting"
            | "painting"
            | "sibling"
            | "wedding"
            | "ceiling"
            | "offspring"
            | "string"
            | "spring"
            | "thing"
            | "being"
            | "dwelling"
            | "offering"
            | "recording"
            | "ruling"
            | "filling"
            | "bombing"
            | "shooting"
            | "stabbing"
            | "killing"
            | "hearing"
            | "briefing"
            | "crossing"
            | "sighting"
            | "uprising"
            | "warning"
            | "finding"
            | "setting"
            | "listing"
            | "landing"
            | "opening"
            | "outing"
            | "pudding"
            | "earring"
            | "duckling"
            | "seedling"
            | "darling"
            | "lightning"
            | "morning"
            | "evening"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize(s, 0, s.len(), &mut v);
        v.iter().map(|t| s[t.start..t.end].to_string()).collect()
    }

    #[test]
    fn tokens_keep_numbers_and_compounds_whole() {
        assert_eq!(
            toks("At least 1,200 people, £4.5bn; two-day 2-1 No 10’s 3.30pm U.S. troops."),
            [
                "At", "least", "1,200", "people", ",", "£", "4.5bn", ";", "two-day", "2-1", "No",
                "10’s", "3.30pm", "U.S.", "troops", "."
            ]
        );
    }

    #[test]
    fn digits() {
        let d = parse_digits("1,200").unwrap();
        assert_eq!(d.value(1.0), 1200.0);
        assert!(d.comma);
        assert_eq!(parse_digits("4.2").unwrap().value(1e9), 4.2e9);
        assert_eq!(parse_digits("45m").unwrap().suffix, Suffix::Scale(1e6));
        for bad in [
            "1,2", "89th", "3.30pm", "100-year", "2-1", "10:30", "1990s", "24/7", "10’s",
        ] {
            assert!(parse_digits(bad).is_none(), "{bad}");
        }
        assert!(parse_digits("1234567890123456789012").is_none());
    }

    #[test]
    fn number_words() {
        assert!(matches!(num_word("twenty-five"), Some(NumWord::TensUnit(v)) if v == 25.0));
        assert!(matches!(num_word("seven"), Some(NumWord::Unit(v)) if v == 7.0));
        assert!(num_word("hundreds").is_none());
        assert!(num_word("two-day").is_none());
        assert!(num_word("nil").is_none());
    }
}
