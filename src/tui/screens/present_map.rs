//! Explore, for the presenter: every path the room has taken through a scenario, kept as a
//! tree of decisions, so the facilitator can go back to any earlier decision and take another
//! branch, and the room can see where it has been and where it is now.

use crate::content::Outcome;
use crate::practice::Run;

/// The paths explored so far, as lists of choices (file order) from the start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Explored {
    paths: Vec<Vec<usize>>,
}

/// One row of the branch map: a moment the room has reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapRow {
    /// The choices from the start that lead here.
    pub prefix: Vec<usize>,
    pub node: String,
    /// The choice that led here, as the room saw it: its shown number and its words.
    pub via: Option<(usize, String)>,
    /// The ending's outcome, when this moment is an ending.
    pub outcome: Option<Outcome>,
    pub mood: i32,
    pub here: Here,
}

/// Where a row is relative to the room's current place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Here {
    /// The room is here now.
    Now,
    /// On the way to where the room is now.
    OnPath,
    /// Explored earlier, off the current path.
    Elsewhere,
}

impl Explored {
    /// Adds a path; paths that are beginnings of another are kept once, as part of it.
    pub fn record(&mut self, path: &[usize]) {
        if self.paths.iter().any(|p| p.starts_with(path)) {
            return;
        }
        self.paths.retain(|p| !path.starts_with(p));
        self.paths.push(path.to_vec());
    }

    /// How many distinct paths have been explored.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The branch map: every moment on every explored path once, in tree order (a decision,
    /// then each branch taken from it, in the order its choices were shown). `run` is the room's run; its scenario,
    /// model and seed rebuild each moment, and its path says where the room is.
    pub fn rows(&self, run: &Run) -> Vec<MapRow> {
        let current: Vec<usize> = run.taken().iter().map(|t| t.choice).collect();
        let mut prefixes: Vec<Vec<usize>> = vec![Vec::new()];
        for path in self.paths.iter().chain(std::iter::once(&current)) {
            for end in 1..=path.len() {
                prefixes.push(path[..end].to_vec());
            }
        }
        prefixes.sort();
        prefixes.dedup();
        let mut replay = run.clone();
        let mut rows: Vec<(Vec<usize>, MapRow)> = prefixes
            .into_iter()
            .filter_map(|prefix| {
                replay.restart();
                let mut via = None;
                let mut shown_path = Vec::new();
                for &choice in &prefix {
                    let shown = replay.choice_order().iter().position(|&i| i == choice)?;
                    let words = replay.node().choice_list().get(choice)?.say.clone();
                    via = Some((shown + 1, words));
                    shown_path.push(shown);
                    replay.choose(choice).ok()?;
                }
                let here = if prefix == current {
                    Here::Now
                } else if current.starts_with(&prefix) {
                    Here::OnPath
                } else {
                    Here::Elsewhere
                };
                Some((
                    shown_path,
                    MapRow {
                        node: replay.node().id.clone(),
                        outcome: replay.ending().map(|e| e.outcome),
                        mood: replay.mood(),
                        via,
                        here,
                        prefix,
                    },
                ))
            })
            .collect();
        // Branches in the order the room saw them numbered.
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        rows.into_iter().map(|(_, row)| row).collect()
    }
}

/// Takes `run` to the moment after `prefix` (from the start), as the room saw it then.
pub fn go_to(run: &mut Run, prefix: &[usize]) -> bool {
    let current: Vec<usize> = run.taken().iter().map(|t| t.choice).collect();
    if current.starts_with(prefix) {
        run.rewind_to(prefix.len());
        return true;
    }
    run.restart();
    prefix.iter().all(|&c| run.choose(c).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_extends_another_replaces_it() {
        let mut e = Explored::default();
        e.record(&[0]);
        e.record(&[0, 1]);
        e.record(&[0]);
        e.record(&[1]);
        assert_eq!(e.paths, vec![vec![0, 1], vec![1]]);
        assert_eq!(e.len(), 2);
    }
}
