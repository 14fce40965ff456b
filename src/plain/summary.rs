//! What plain mode says about the learner's history: "Practise next" and a short progress
//! summary above the scenario list, and the last "next time" plan before a run. The numbers
//! come from `practice::progress` and `practice::recommend` (abandoned runs never count missed
//! steps against the learner); this module only puts them into words.

use crate::content::text::display_safe;
use crate::content::{Library, Scenario};
use crate::i18n::{self, T, t, tf};
use crate::lang::Lang;
use crate::practice::progress::progress;
use crate::practice::recommend::Recommendation;
use crate::practice::record::{RunRecord, RunStatus, last_next_time};

fn safe(text: &str) -> String {
    display_safe(text).into_owned()
}

/// A step's name from the models in `lang` (the id when no model names it).
fn step_name(library: &Library, lang: Lang, id: &str) -> String {
    let in_lang = library
        .models
        .iter()
        .filter(|m| m.value.language == lang.code());
    let any = library.models.iter();
    in_lang
        .chain(any)
        .find_map(|m| m.value.step(id))
        .map_or_else(|| safe(id), |s| safe(&s.name))
}

/// "Practise next: <title> – <why> (number N in the list below)." `list` is the scenario list
/// as numbered (from 1); `None` when the recommendation is not in it.
pub fn practise_next(
    lang: Lang,
    library: &Library,
    next: &Recommendation,
    list: &[&Scenario],
) -> Option<String> {
    let n = list.iter().position(|s| s.id == next.scenario)? + 1;
    let scenario = list[n - 1];
    let name = |id: &str| match library.model_for(scenario).and_then(|m| m.step(id)) {
        Some(step) => safe(&step.name),
        None => step_name(library, lang, id),
    };
    Some(tf(
        lang,
        T::PlainPractiseNext,
        &[
            ("title", &safe(&scenario.title)),
            ("why", &i18n::recommendation_reason(lang, next, &name)),
            ("n", &n.to_string()),
        ],
    ))
}

/// The progress summary, three lines once there are runs: how many (finished and not), the
/// step missed or broken most often, and the last run's fit.
pub fn progress_lines(lang: Lang, library: &Library, records: &[RunRecord]) -> Vec<String> {
    if records.is_empty() {
        return vec![t(lang, T::PlainProgressNone).to_owned()];
    }
    let p = progress(records);
    let finished = p
        .runs
        .iter()
        .filter(|r| r.status == RunStatus::Finished)
        .count();
    let left = (p.runs.len() - finished).to_string();
    let finished = finished.to_string();
    let runs_key = if p.runs.len() == 1 {
        T::PlainProgressOneRun
    } else {
        T::PlainProgressRuns
    };
    let mut lines = vec![tf(
        lang,
        runs_key,
        &[
            ("n", &p.runs.len().to_string()),
            ("finished", &finished),
            ("left", &left),
        ],
    )];
    lines.push(match p.most_failed() {
        Some(step) => tf(
            lang,
            T::PlainProgressWeakest,
            &[
                ("step", &step_name(library, lang, &step.step)),
                ("n", &step.failed().to_string()),
                ("in_play", &step.in_play().to_string()),
            ],
        ),
        None => t(lang, T::PlainProgressNoWeakest).to_owned(),
    });
    if let Some(last) = p.runs.iter().max_by_key(|r| r.ended) {
        let title = library
            .scenario(&last.scenario, &last.language)
            .map_or_else(|| safe(&last.scenario), |s| safe(&s.value.title));
        let when = i18n::date(lang, last.ended.date());
        lines.push(match last.fit {
            Some(fit) => tf(
                lang,
                T::PlainProgressLastFit,
                &[
                    ("fit", &fit.to_string()),
                    ("title", &title),
                    ("date", &when),
                ],
            ),
            None => tf(
                lang,
                T::PlainProgressLastNoFit,
                &[("title", &title), ("date", &when)],
            ),
        });
    }
    lines
}

/// "Last time you planned: “…”", from the newest run with a plan, as the app's briefing shows.
pub fn last_plan(lang: Lang, records: &[RunRecord]) -> Option<String> {
    let plan = last_next_time(records)?.reflection.next_time.as_deref()?;
    Some(tf(
        lang,
        T::PlainLastPlan,
        &[(
            "plan",
            &tf(lang, T::Quoted, &[("text", &safe(plan.trim()))]),
        )],
    ))
}
