//! After a finished run in plain mode: the app's three reflection prompts (what happened, what
//! worked, what you will do differently) and "how useful was this for your work?" 1–5. Every
//! answer may be skipped with an empty line; input that ends keeps what was given so far.

use std::io::{self, Write};

use super::{Answer, Answers};
use crate::i18n::{T, t, tf};
use crate::lang::Lang;
use crate::practice::record::{Reflection, USEFULNESS_MAX};

/// The prompts, in the app's order.
const PROMPTS: [T; 3] = [T::ReflectHappened, T::ReflectWorked, T::ReflectNextTime];

/// What the learner answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answered {
    pub reflection: Reflection,
    /// 1..=5, when answered.
    pub usefulness: Option<u8>,
    /// Input ended (or the learner typed `q` at the rating) before the last question.
    pub cut_short: bool,
}

impl Answered {
    pub fn is_empty(&self) -> bool {
        self.reflection.is_empty() && self.usefulness.is_none()
    }
}

/// Asks the three prompts and the usefulness question, writing to `out`. `saved` is false
/// with `--no-save`: the learner is told before they answer.
pub fn ask(
    lang: Lang,
    saved: bool,
    answers: &mut Answers<'_>,
    out: &mut dyn Write,
) -> io::Result<Answered> {
    writeln!(out, "{}", t(lang, T::PlainReflectTitle))?;
    writeln!(out, "{}", t(lang, T::ReflectIntro))?;
    if !saved {
        writeln!(out, "{}", t(lang, T::NotSaved))?;
    }
    let mut texts: [String; 3] = Default::default();
    let mut answered = Answered::default();
    for (i, key) in PROMPTS.iter().enumerate() {
        let prompt = tf(
            lang,
            T::PlainReflectPrompt,
            &[("n", &(i + 1).to_string()), ("question", t(lang, *key))],
        );
        match answers.text(out, &prompt)? {
            Some(text) => texts[i] = text,
            None => {
                answered.cut_short = true;
                break;
            }
        }
    }
    let [happened, worked, next_time] = &texts;
    answered.reflection = Reflection::from_answers(happened, worked, next_time);
    if !answered.cut_short {
        let count = usize::from(USEFULNESS_MAX);
        match answers.ask_or_skip(out, lang, t(lang, T::PlainUsefulness), count)? {
            Some(Answer::Number(n)) => answered.usefulness = u8::try_from(n).ok(),
            Some(Answer::End | Answer::Quit | Answer::GaveUp(_)) => answered.cut_short = true,
            Some(Answer::Undo) | None => {}
        }
    }
    Ok(answered)
}
