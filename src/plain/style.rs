//! Plain mode's first start: the learner picks a style by number, takes the informal
//! self-check (its statements one by one, 1–5 or an empty line to skip), or skips, as the app's
//! welcome offers. The scoring is `practice::selfcheck`'s; saving is the caller's
//! (`store::profile::set_learner`, as the app saves).

use std::io::{self, Write};

use super::{Answer, Answers};
use crate::content::styles::{LearnerStyle, StyleTexts};
use crate::content::text::display_safe;
use crate::i18n::{T, t, tf};
use crate::lang::Lang;
use crate::practice::selfcheck::{self, Tendency};
use crate::store::profile::SelfCheckRecord;

/// What the learner decided about their style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Save this style (`None`: not set, so the question is not asked again), with the
    /// self-check answers when the learner took it.
    Set {
        style: Option<LearnerStyle>,
        self_check: Option<SelfCheckRecord>,
    },
    /// `q`, or too many unusable answers: nothing is saved and the offer comes again.
    NotNow,
    /// Input ended: nothing is saved.
    Ended,
}

/// One item of the first list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    SelfCheck,
    Style(LearnerStyle),
    Skip,
}

fn safe(text: &str) -> String {
    display_safe(text).into_owned()
}

/// A style as a list names it: a style's name, or a blend's code with the first clause of its
/// self-check text ("Di – Mostly D, leaning towards i"), as the app's list does.
pub fn list_name(texts: &StyleTexts, style: LearnerStyle) -> String {
    safe(&match style {
        LearnerStyle::Pure(_) => texts.learner_style_name(style),
        LearnerStyle::Blend(b) => match texts.self_check.results.blends.get(&b) {
            Some(text) => format!("{} – {}", b.code(), text.split(':').next().unwrap_or(text)),
            None => b.code(),
        },
    })
}

fn numbered(out: &mut dyn Write, lang: Lang, labels: &[String]) -> io::Result<()> {
    let count = labels.len().to_string();
    for (i, label) in labels.iter().enumerate() {
        writeln!(
            out,
            "{}",
            tf(
                lang,
                T::PlainStyleOption,
                &[
                    ("n", &(i + 1).to_string()),
                    ("count", &count),
                    ("text", label)
                ]
            )
        )?;
    }
    Ok(())
}

/// Asks for one of `count` numbered items; `q` and a pipe of unusable answers are `NotNow`.
fn choose(
    answers: &mut Answers<'_>,
    out: &mut dyn Write,
    lang: Lang,
    count: usize,
) -> io::Result<Result<usize, Decision>> {
    let prompt = tf(lang, T::PlainStylePrompt, &[("count", &count.to_string())]);
    Ok(match answers.ask(out, lang, &prompt, count, true)? {
        Answer::Number(n) => Ok(n - 1),
        Answer::End => Err(Decision::Ended),
        Answer::Quit | Answer::Undo | Answer::GaveUp(_) => Err(Decision::NotNow),
    })
}

/// The first start's offer: the list, then the self-check or a style, written to `out`.
pub fn offer(
    texts: &StyleTexts,
    lang: Lang,
    answers: &mut Answers<'_>,
    out: &mut dyn Write,
) -> io::Result<Decision> {
    writeln!(out, "{}", t(lang, T::PlainStyleTitle))?;
    writeln!(out, "{}", t(lang, T::PlainStyleIntro))?;
    writeln!(out, "{}", t(lang, T::PlainStyleStored))?;
    writeln!(out, "{}", safe(&texts.disclaimer))?;
    let items: Vec<Item> = std::iter::once(Item::SelfCheck)
        .chain(LearnerStyle::all().into_iter().map(Item::Style))
        .chain([Item::Skip])
        .collect();
    let labels: Vec<String> = items
        .iter()
        .map(|item| match item {
            Item::SelfCheck => t(lang, T::TakeSelfCheck).to_owned(),
            Item::Style(s) => list_name(texts, *s),
            Item::Skip => t(lang, T::SkipForNow).to_owned(),
        })
        .collect();
    numbered(out, lang, &labels)?;
    let decision = match choose(answers, out, lang, items.len())? {
        Err(decision) => decision,
        Ok(i) => match items[i] {
            Item::SelfCheck => {
                writeln!(out)?;
                self_check(texts, lang, answers, out)?
            }
            Item::Style(style) => Decision::Set {
                style: Some(style),
                self_check: None,
            },
            Item::Skip => Decision::Set {
                style: None,
                self_check: None,
            },
        },
    };
    Ok(decision)
}

/// The self-check: its intro and scale, each statement, then the result and what to do with
/// it (use it, pick a style by hand, or answer again).
pub fn self_check(
    texts: &StyleTexts,
    lang: Lang,
    answers: &mut Answers<'_>,
    out: &mut dyn Write,
) -> io::Result<Decision> {
    let check = &texts.self_check;
    loop {
        writeln!(out, "{}", safe(&check.title))?;
        writeln!(out, "{}", safe(&check.intro))?;
        for (i, label) in check.scale.iter().enumerate() {
            writeln!(
                out,
                "{}",
                tf(
                    lang,
                    T::PlainScaleLine,
                    &[("n", &(i + 1).to_string()), ("label", &safe(label))]
                )
            )?;
        }
        writeln!(out)?;
        let total = check.statements.len().to_string();
        let scale = check.scale.len().max(1);
        let mut given: Vec<Option<u8>> = Vec::with_capacity(check.statements.len());
        for (i, statement) in check.statements.iter().enumerate() {
            writeln!(
                out,
                "{}",
                tf(
                    lang,
                    T::StatementOf,
                    &[("n", &(i + 1).to_string()), ("total", &total)]
                )
            )?;
            writeln!(out, "{}", safe(&statement.text))?;
            let prompt = t(lang, T::PlainStatementPrompt);
            match answers.ask_or_skip(out, lang, prompt, scale)? {
                None => given.push(None),
                Some(Answer::Number(n)) => given.push(u8::try_from(n).ok()),
                Some(Answer::End) => return Ok(Decision::Ended),
                Some(_) => return Ok(Decision::NotNow),
            }
            writeln!(out)?;
        }
        let tendency = selfcheck::result(&check.statements, &given);
        let suggested = match tendency {
            Tendency::Clear(style) => Some(style),
            Tendency::NoClearPreference => None,
        };
        let record = SelfCheckRecord {
            language: texts.language.clone(),
            answers: given,
            suggested,
        };
        let text = match suggested {
            Some(style) => {
                writeln!(
                    out,
                    "{}",
                    tf(
                        lang,
                        T::PlainSelfCheckResult,
                        &[("style", &safe(&texts.learner_style_name(style)))]
                    )
                )?;
                match style {
                    LearnerStyle::Pure(s) => check.results.styles.get(&s),
                    LearnerStyle::Blend(b) => check.results.blends.get(&b),
                }
                .cloned()
                .unwrap_or_default()
            }
            None => {
                writeln!(out, "{}", t(lang, T::PlainNoClearPreference))?;
                check.results.no_preference.clone()
            }
        };
        if !text.is_empty() {
            writeln!(out, "{}", safe(&text))?;
        }
        writeln!(out, "{}", safe(&check.explanation))?;
        writeln!(out, "{}", safe(&texts.disclaimer))?;
        let use_it = if suggested.is_some() {
            T::UseResult
        } else {
            T::LeaveUnset
        };
        let labels = [use_it, T::PickMyself, T::AnswerAgain].map(|k| t(lang, k).to_owned());
        numbered(out, lang, &labels)?;
        match choose(answers, out, lang, labels.len())? {
            Err(decision) => return Ok(decision),
            Ok(0) => {
                return Ok(Decision::Set {
                    style: suggested,
                    self_check: Some(record),
                });
            }
            Ok(1) => {
                writeln!(out)?;
                return pick(texts, lang, answers, out, record);
            }
            Ok(_) => writeln!(out)?,
        }
    }
}

/// After the self-check: a style picked by hand from the list; the answers are kept too.
fn pick(
    texts: &StyleTexts,
    lang: Lang,
    answers: &mut Answers<'_>,
    out: &mut dyn Write,
    record: SelfCheckRecord,
) -> io::Result<Decision> {
    let styles: Vec<Option<LearnerStyle>> = std::iter::once(None)
        .chain(LearnerStyle::all().into_iter().map(Some))
        .collect();
    let labels: Vec<String> = styles
        .iter()
        .map(|s| match s {
            None => t(lang, T::NotSetItem).to_owned(),
            Some(s) => list_name(texts, *s),
        })
        .collect();
    writeln!(out, "{}", t(lang, T::ChooseStyle))?;
    numbered(out, lang, &labels)?;
    Ok(match choose(answers, out, lang, labels.len())? {
        Err(decision) => decision,
        Ok(i) => Decision::Set {
            style: styles[i],
            self_check: Some(record),
        },
    })
}
