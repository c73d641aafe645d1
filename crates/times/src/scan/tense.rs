//! The tense of the clause around an expression, which places bare weekdays, months and seasons
//! before or after the anchor date.
//!
//! A clause runs between commas, semicolons, quotation marks and clause words ("but", "which",
//! "after"). The cue nearest the expression decides ("will", "is set to", "said", "-ed"); a
//! clause with no cue ("On Monday,") borrows the tense of its neighbours.

use super::Scanner;
use crate::lexicon::{self, Cue, W};
use crate::resolve::Rel;
use crate::token::Kind;

/// The tense of a clause, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Tense {
    Unknown,
    Past,
    Present,
    Future,
}

/// How far (in tokens) clauses and tense cues are looked for around an expression; keeps a
/// pathological one-sentence document linear.
const REACH: usize = 40;

impl Scanner<'_, '_> {
    /// True for punctuation and words that end a clause.
    fn is_boundary(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return true;
        };
        match t.kind {
            // brackets are no boundary: "plunged on the exchange (BSE) on Friday"
            Kind::Punct => t.text.starts_with([',', ';', ':', '—', '–', '"', '“', '”']),
            _ => matches!(t.w, W::Cue(Cue::Boundary) | W::Before | W::After),
        }
    }

    fn clause_start(&self, a: usize) -> usize {
        let floor = a.saturating_sub(REACH);
        let mut k = a;
        while k > floor && !self.is_boundary(k - 1) {
            k -= 1;
        }
        k
    }

    pub(super) fn clause_end(&self, b: usize) -> usize {
        let ceil = (b + REACH).min(self.toks.len());
        let mut k = b;
        while k < ceil && !self.is_boundary(k) {
            k += 1;
        }
        k
    }

    /// The tense a cue word at `k` signals, if it is one.
    fn cue_at(&self, k: usize) -> Option<Tense> {
        let to_follows = self.is(k + 1, "to");
        Some(match self.w(k) {
            // "would have been": what did not happen
            W::Cue(Cue::Future) if self.is(k, "would") && self.is(k + 1, "have") => Tense::Past,
            W::Cue(Cue::Future) | W::Next | W::Tomorrow => Tense::Future,
            // "is set to", "is to meet"
            W::Cue(Cue::FutureTo | Cue::Present) | W::Am if to_follows => Tense::Future,
            W::Cue(Cue::Due) if to_follows || self.time_follows(k + 1) => Tense::Future,
            W::Cue(Cue::Present) | W::Am => Tense::Present,
            W::Cue(Cue::NamePresent) if self.prev(k).is_some_and(|p| p.is_capitalised()) => {
                Tense::Present
            }
            // "to be held"
            W::Cue(Cue::Past) if k >= 2 && self.is(k - 1, "be") && self.is(k - 2, "to") => {
                Tense::Future
            }
            // a participle ("has been told", "will stay closed", "is planned") leaves the tense
            // to its auxiliary
            W::Cue(Cue::Past) if self.prev(k).is_some_and(|p| lexicon::is_copula(p.text)) => {
                return None;
            }
            W::Cue(Cue::Past)
                if matches!(self.prev(k).map(|p| p.w), Some(W::Cue(Cue::Present))) =>
            {
                return None;
            }
            // nor before "to", "with", "by": "results compared to", "arrested by police"
            W::Cue(Cue::Past) if ["to", "with", "by"].iter().any(|w| self.is(k + 1, w)) => {
                return None;
            }
            W::Cue(Cue::Past) => Tense::Past,
            _ => return None,
        })
    }

    /// The strongest tense cue among tokens `from..to`.
    pub(super) fn strongest(&self, from: usize, to: usize) -> Tense {
        (from..to.min(self.toks.len()))
            .filter_map(|k| self.cue_at(k))
            .max()
            .unwrap_or(Tense::Unknown)
    }

    /// The tense cue nearest to tokens `a..b` among tokens `from..to` (left first at equal
    /// distance): in "the minister, who said on Monday that he will resign" Monday goes with
    /// "said", not "will".
    fn nearest(&self, from: usize, to: usize, a: usize, b: usize) -> Tense {
        let to = to.min(self.toks.len());
        let (mut left, mut right) = (a, b);
        while left > from || right < to {
            if left > from {
                left -= 1;
                if let Some(t) = self.cue_at(left) {
                    return t;
                }
            }
            if right < to {
                if let Some(t) = self.cue_at(right) {
                    return t;
                }
                right += 1;
            }
        }
        Tense::Unknown
    }

    /// True when a time expression (or its signal word) starts at token `k`: "on Thursday",
    /// "today", "next week".
    fn time_follows(&self, k: usize) -> bool {
        let signal = ["on", "in", "at", "for", "later"]
            .iter()
            .any(|s| self.is(k, s));
        signal
            || matches!(
                self.w(k),
                W::Today | W::Tonight | W::Tomorrow | W::Next | W::This | W::Weekday(_)
            )
    }

    /// The tense of the clause holding tokens `a..b`; a clause with no verb ("On Monday,")
    /// takes the tense of the nearest clause after it, else before it. After "since" it is
    /// always the past.
    pub(super) fn tense(&self, a: usize, b: usize) -> Tense {
        if self.prev(a).is_some_and(|p| p.is("since")) {
            return Tense::Past;
        }
        let (cs, ce) = (self.clause_start(a), self.clause_end(b));
        // "he expected the first contracts to go out to bid in January": an intention verb with
        // an infinitive before the expression looks ahead
        const INTENT: [&str; 14] = [
            "expected", "expects", "plans", "planned", "hopes", "hoped", "intends", "intended",
            "wants", "wanted", "aims", "aimed", "promised", "vowed",
        ];
        let intent = (cs..a).find(|&k| INTENT.iter().any(|w| self.is(k, w)));
        if let Some(k) = intent {
            let passive = k > 0 && ["was", "were", "had"].iter().any(|w| self.is(k - 1, w));
            if !passive && (k + 1..a).any(|j| self.is(j, "to")) {
                return Tense::Future;
            }
        }
        let t = self.nearest(cs, ce, a, b);
        if t != Tense::Unknown {
            return t;
        }
        let mut k = ce;
        while k < self.toks.len() && k < b + REACH {
            let e = self.clause_end(k + 1);
            let t = self.nearest(k + 1, e, k + 1, k + 1);
            if t != Tense::Unknown {
                return t;
            }
            k = e;
        }
        let mut k = cs;
        while k > 0 && k + REACH > a {
            let e = k - 1;
            let s = self.clause_start(e);
            let t = self.nearest(s, e, e, e);
            if t != Tense::Unknown {
                return t;
            }
            k = s;
        }
        Tense::Unknown
    }

    /// True when the clause says the day is today ("later today", "later on Monday").
    fn today_cue(&self, a: usize, b: usize) -> bool {
        (self.clause_start(a)..self.clause_end(b))
            .any(|k| matches!(self.w(k), W::Today | W::Tonight | W::Later))
    }

    /// Which occurrence a bare weekday means: the most recent in a past clause, the next in a
    /// future one (the anchor's own only with a "today" cue), the coming one in the present.
    pub(super) fn weekday_rel(&self, a: usize, b: usize) -> Rel {
        match self.tense(a, b) {
            Tense::Future if self.today_cue(a, b) => Rel::Upcoming,
            Tense::Future => Rel::Next,
            Tense::Present => Rel::Upcoming,
            Tense::Past | Tense::Unknown => Rel::Past,
        }
    }

    /// Which occurrence a bare month, season or quarter means.
    pub(super) fn period_rel(&self, a: usize, b: usize) -> Rel {
        if self.tense(a, b) >= Tense::Present {
            Rel::Upcoming
        } else {
            Rel::Past
        }
    }
}
