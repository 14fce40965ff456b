//! "Did you mean": the closest known name to a misspelt one, at a bounded cost.
//!
//! Comparing every unknown name with every known one costs their product: a file with 20,000
//! `next` targets that name no node, in a scenario of 20,000 nodes, once took three minutes.
//! So the known names are sorted into buckets by length, and a question looks only where a
//! close enough name can be (a score of 0.6 needs lengths within 40 % of each other), nearest
//! lengths first, comparing at most [`PER_QUESTION`] names; and all the questions about one
//! list share a budget of [`BUDGET`] comparisons, after which they go without a suggestion.
//! A name longer than [`MAX_CHARS`] is no typo of an id and gets none. The suggestion for a
//! short list is the one a full search gives.

use std::cell::Cell;
use std::collections::BTreeMap;

/// The lowest similarity (normalised Damerau–Levenshtein, 0 to 1) worth suggesting.
const MIN_SCORE: f64 = 0.6;
/// Names compared for one question, at most.
pub const PER_QUESTION: usize = 2_000;
/// Names compared for all the questions about one list, at most.
pub const BUDGET: usize = 200_000;
/// Longer names get no suggestion (and longer known names are never suggested).
pub const MAX_CHARS: usize = 64;

/// Known names, ready to be asked about many misspelt ones.
pub struct Suggester<'a> {
    /// By length in characters: each name lower-cased, and its place in the list given.
    by_len: BTreeMap<usize, Vec<(String, usize, &'a str)>>,
    /// Comparisons left.
    budget: Cell<usize>,
}

impl<'a> Suggester<'a> {
    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Suggester<'a> {
        let mut by_len: BTreeMap<usize, Vec<(String, usize, &'a str)>> = BTreeMap::new();
        for (i, name) in candidates.into_iter().enumerate() {
            let len = name.chars().count();
            if len <= MAX_CHARS {
                by_len
                    .entry(len)
                    .or_default()
                    .push((name.to_lowercase(), i, name));
            }
        }
        Suggester {
            by_len,
            budget: Cell::new(BUDGET),
        }
    }

    /// The closest name to `found`, if one is close enough to be a likely typo. Of names
    /// equally close, the last in the list given.
    pub fn suggest(&self, found: &str) -> Option<&'a str> {
        let len = found.chars().count();
        if len > MAX_CHARS || self.budget.get() == 0 {
            return None;
        }
        let found = found.to_lowercase();
        // Lengths where a score of MIN_SCORE is possible: |a - b| <= 0.4 * max(a, b).
        let shortest = (len as f64 * MIN_SCORE).ceil() as usize;
        let longest = (len as f64 / MIN_SCORE).floor() as usize;
        let mut lengths: Vec<usize> = self
            .by_len
            .range(shortest..=longest)
            .map(|(&l, _)| l)
            .collect();
        lengths.sort_by_key(|&l| l.abs_diff(len));
        let mut best: Option<(f64, usize, &'a str)> = None;
        let mut asked = 0;
        'lengths: for l in lengths {
            for (lower, i, name) in &self.by_len[&l] {
                if asked == PER_QUESTION || self.budget.get() == 0 {
                    break 'lengths;
                }
                asked += 1;
                self.budget.set(self.budget.get() - 1);
                let score = strsim::normalized_damerau_levenshtein(&found, lower);
                let better = best.is_none_or(|(s, j, _)| score > s || (score == s && *i > j));
                if score >= MIN_SCORE && better {
                    best = Some((score, *i, name));
                }
            }
        }
        best.map(|(_, _, name)| name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the search of every name gave, before the buckets: the reference.
    fn full_search<'a>(found: &str, names: &[&'a str]) -> Option<&'a str> {
        let found = found.to_lowercase();
        names
            .iter()
            .map(|c| {
                (
                    strsim::normalized_damerau_levenshtein(&found, &c.to_lowercase()),
                    *c,
                )
            })
            .filter(|(score, _)| *score >= MIN_SCORE)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| c)
    }

    #[test]
    fn a_short_list_gets_the_suggestion_a_full_search_gives() {
        let names = [
            "greet",
            "listen",
            "acknowledge",
            "clarify",
            "explain",
            "agree",
            "close",
            "respect",
            "boundary",
            "done",
            "dnoe",
            "arrival",
            "a",
            "ab",
            "abc",
        ];
        for found in [
            "greeet",
            "lisen",
            "Acknowlege",
            "clarfy",
            "explian",
            "agre",
            "clse",
            "x",
            "dnoe",
            "done",
            "ac",
            "boundry",
            "arival",
            "",
        ] {
            assert_eq!(
                Suggester::new(names).suggest(found),
                full_search(found, &names),
                "{found:?}"
            );
        }
    }

    #[test]
    fn many_questions_about_many_names_stay_within_the_budget() {
        let names: Vec<String> = (0..20_000).map(|i| format!("node-{i}")).collect();
        let suggester = Suggester::new(names.iter().map(String::as_str));
        let start = std::time::Instant::now();
        let mut suggested = 0;
        for i in 0..20_000 {
            suggested += usize::from(suggester.suggest(&format!("nowhere-{i}")).is_some());
        }
        assert_eq!(suggester.budget.get(), 0);
        assert!(suggested <= BUDGET);
        // Generous for a debug build on a busy machine; a full search took minutes.
        assert!(start.elapsed() < std::time::Duration::from_secs(30));
        assert_eq!(suggester.suggest("node-1"), None, "the budget is spent");
        assert_eq!(Suggester::new(["node-1"]).suggest(&"x".repeat(65)), None);
    }
}
