//! The analyzer's lints (K0901–K0909) as diagnostics at their place in the file, for an
//! editor to show beside `check`'s: a lint about a choice points at the choice, one about an
//! ending at its id, one about the whole scenario at the scenario's `id`. Lints `check`
//! raises itself (K0607, K0608) are left to it.

use super::analyze::{Analysis, ChoiceRef};
use crate::content::diagnostic::{Diagnostic, Source};
use crate::content::outline::{Outline, Seg};
use crate::content::{Code, Scenario};
use crate::words;

/// Each lint `analysis` raised, notes included.
pub fn lint_diagnostics(
    analysis: &Analysis,
    scenario: &Scenario,
    source: &Source,
    outline: &Outline,
) -> Vec<Diagnostic> {
    let lints = &analysis.lints;
    let raised = |code: Code| lints.warnings.contains(&code) || lints.notes.contains(&code);
    let at = |path: &[Seg]| outline.span(path).unwrap_or(0..0);
    let top = at(&[Seg::Field("id")]);
    let mut out = Vec::new();
    for f in &lints.focus_broken {
        let span = scenario
            .nodes
            .iter()
            .position(|n| n.id == f.ending)
            .map_or(top.clone(), |i| {
                at(&[Seg::Field("nodes"), Seg::Index(i), Seg::Field("id")])
            });
        let (outcome, ending, step) = (f.outcome.name(), &f.ending, &f.step);
        out.push(Diagnostic::new(
            f.code,
            source,
            span,
            words!(LintFocusBroken, outcome, ending, step),
        ));
    }
    if let Some(c) = lints.answer_by_length.as_ref().filter(|c| raised(c.code)) {
        let (good, nodes, share, chance) =
            (c.longest_good, c.nodes, c.share_percent, c.chance_percent);
        let message = words!(LintAnswerByLength, good, nodes, share, chance);
        out.push(Diagnostic::new(c.code, source, top.clone(), message));
    }
    if let Some(g) = lints
        .longest_choice
        .as_ref()
        .filter(|_| raised(Code::LongestWins))
    {
        let fit = g.fit.unwrap_or(0);
        let message = words!(LintLongestWins, fit);
        out.push(Diagnostic::new(
            Code::LongestWins,
            source,
            top.clone(),
            message,
        ));
    }
    if let Some(m) = lints.mood_key.as_ref().filter(|m| raised(m.code)) {
        let (separated, nodes) = (m.separated, m.nodes);
        let message = words!(LintMoodAnswerKey, separated, nodes);
        out.push(Diagnostic::new(m.code, source, top.clone(), message));
    }
    if let Some(b) = lints.best_path.as_ref().filter(|b| raised(b.code)) {
        let fit = b.fit.unwrap_or(0);
        let message = words!(LintBestPathImperfect, fit);
        out.push(Diagnostic::new(b.code, source, top.clone(), message));
    }
    let choice = |c: &ChoiceRef| {
        at(&[
            Seg::Field("nodes"),
            Seg::Index(c.node_index),
            Seg::Field("choices"),
            Seg::Index(c.choice_index),
        ])
    };
    for r in &lints.no_recovery {
        out.push(Diagnostic::new(
            r.code,
            source,
            choice(&r.choice),
            words!(LintNoRecovery),
        ));
    }
    let mood = |c: &ChoiceRef| format!("{:+}", c.mood);
    for c in &lints.mistake_raises_mood {
        let (steps, mood) = (c.steps.join(", "), mood(c));
        let message = words!(LintMistakeRaisesMood, steps, mood);
        out.push(Diagnostic::new(
            Code::MistakeRaisesMood,
            source,
            choice(c),
            message,
        ));
    }
    for c in &lints.good_lowers_mood {
        let (steps, mood) = (c.steps.join(", "), mood(c));
        let message = words!(LintGoodLowersMood, steps, mood);
        out.push(Diagnostic::new(
            Code::GoodLowersMood,
            source,
            choice(c),
            message,
        ));
    }
    out.sort_by_key(|d| d.span.start);
    out
}
