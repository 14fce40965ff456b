//! Plain mode: a run as numbered lines on stdout and answers read from stdin. No alternate
//! screen, no box drawing, no colour, so it works with a screen reader, and with a pipe, so
//! runs can be scripted and tested. The same engine as the app; only the presentation differs.

pub mod json;
pub mod reflect;
pub mod style;
pub mod summary;
pub mod transcript;

use std::io::{self, BufRead, Write};

use crate::lang::Lang;
use crate::practice::Run;
use crate::practice::feedback::Voice;

use crate::i18n::{T, t, tf};

/// How many answers in a row may be unusable when nobody is typing (a pipe or a file): a
/// pipe of garbage must end, not loop.
pub const INVALID_LIMIT: usize = 3;

/// Where reading answers comes from, and whether a person is typing them.
pub struct Answers<'a> {
    input: &'a mut dyn BufRead,
    /// A person at a terminal: their typing is echoed by the terminal, and they may retry
    /// invalid answers as often as they like.
    interactive: bool,
}

/// One answer read.
#[derive(Debug, PartialEq, Eq)]
pub enum Answer {
    /// A number from 1 to the count, as displayed.
    Number(usize),
    Undo,
    Quit,
    /// Input ended.
    End,
    /// Too many unusable answers in a row (only when not interactive).
    GaveUp(usize),
}

impl<'a> Answers<'a> {
    pub fn new(input: &'a mut dyn BufRead, interactive: bool) -> Answers<'a> {
        Answers { input, interactive }
    }

    /// Reads one line; `None` at end of input. Bytes that are not UTF-8 are replaced, not
    /// fatal: they are just an answer that is not a choice.
    fn line(&mut self) -> io::Result<Option<String>> {
        let mut buf = Vec::new();
        if self.input.read_until(b'\n', &mut buf)? == 0 {
            return Ok(None);
        }
        Ok(Some(String::from_utf8_lossy(&buf).trim().to_owned()))
    }

    /// Writes `prompt` and reads one answer, echoed when nobody's terminal shows it; `None`
    /// at end of input (the line is ended, so what follows starts on its own line).
    fn prompted(&mut self, out: &mut dyn Write, prompt: &str) -> io::Result<Option<String>> {
        write!(out, "{prompt} ")?;
        out.flush()?;
        let Some(line) = self.line()? else {
            writeln!(out)?;
            return Ok(None);
        };
        if !self.interactive {
            // Nobody's terminal echoed it: show it, so the transcript reads as a dialogue.
            writeln!(out, "{}", crate::content::text::display_safe(&line))?;
        }
        Ok(Some(line))
    }

    /// Asks for free text after `prompt`: `None` at end of input, an empty string for an empty
    /// line (a skipped answer).
    pub fn text(&mut self, out: &mut dyn Write, prompt: &str) -> io::Result<Option<String>> {
        self.prompted(out, prompt)
    }

    /// Asks for a number from 1 to `count` where an empty line skips the question: `Ok(None)`
    /// for a skip; `q` quits. Asks again after an unusable answer, as [`Answers::ask`] does.
    pub fn ask_or_skip(
        &mut self,
        out: &mut dyn Write,
        lang: Lang,
        prompt: &str,
        count: usize,
    ) -> io::Result<Option<Answer>> {
        let mut invalid = 0;
        loop {
            let Some(line) = self.prompted(out, prompt)? else {
                return Ok(Some(Answer::End));
            };
            if line.is_empty() {
                return Ok(None);
            }
            if let Some(answer) = Self::parse(&line, count, true)
                && answer != Answer::Undo
            {
                return Ok(Some(answer));
            }
            if let Some(gave_up) = self.not_a_choice(out, lang, &line, count, &mut invalid)? {
                return Ok(Some(gave_up));
            }
        }
    }

    /// A typed line as an answer: a number in range, or (with `commands`) `u` or `q`.
    fn parse(line: &str, count: usize, commands: bool) -> Option<Answer> {
        match line.to_lowercase().as_str() {
            "u" if commands => Some(Answer::Undo),
            "q" if commands => Some(Answer::Quit),
            answer => answer
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=count).contains(n))
                .map(Answer::Number),
        }
    }

    /// Says that `line` is not a choice; `GaveUp` once a pipe has sent too many of them.
    fn not_a_choice(
        &mut self,
        out: &mut dyn Write,
        lang: Lang,
        line: &str,
        count: usize,
        invalid: &mut usize,
    ) -> io::Result<Option<Answer>> {
        writeln!(
            out,
            "{}",
            tf(
                lang,
                T::PlainNotAChoice,
                &[
                    ("answer", &crate::content::text::display_safe(line)),
                    ("count", &count.to_string())
                ]
            )
        )?;
        *invalid += 1;
        Ok((!self.interactive && *invalid >= INVALID_LIMIT).then_some(Answer::GaveUp(*invalid)))
    }

    /// Asks for a number from 1 to `count` after `prompt`, asking again after an unusable
    /// answer. `commands` allows `u` (take back) and `q` (quit).
    pub fn ask(
        &mut self,
        out: &mut dyn Write,
        lang: Lang,
        prompt: &str,
        count: usize,
        commands: bool,
    ) -> io::Result<Answer> {
        let mut invalid = 0;
        loop {
            let Some(line) = self.prompted(out, prompt)? else {
                return Ok(Answer::End);
            };
            if let Some(answer) = Self::parse(&line, count, commands) {
                return Ok(answer);
            }
            if let Some(gave_up) = self.not_a_choice(out, lang, &line, count, &mut invalid)? {
                return Ok(gave_up);
            }
        }
    }
}

/// How a plain session ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Stop {
    /// The run reached an ending; the debrief was printed.
    Finished,
    /// The learner typed `q` at decision `decision` (counted from 1).
    Quit { decision: usize },
    /// Input ended before the run did.
    InputEnded { decision: usize },
    /// Too many unusable answers from a pipe.
    GaveUp { decision: usize, answers: usize },
}

impl Stop {
    /// The message for a run that did not finish because of its input, for stderr.
    pub fn error(&self, lang: Lang) -> Option<String> {
        match self {
            // A learner knows where they were by the decision's number, not by the file's ids.
            Stop::InputEnded { decision, .. } => Some(tf(
                lang,
                T::PlainInputEnded,
                &[("decision", &decision.to_string())],
            )),
            Stop::GaveUp {
                decision, answers, ..
            } => Some(tf(
                lang,
                T::PlainTooManyInvalid,
                &[
                    ("n", &answers.to_string()),
                    ("decision", &decision.to_string()),
                ],
            )),
            Stop::Finished | Stop::Quit { .. } => None,
        }
    }
}

fn lines(out: &mut dyn Write, lines: &[String]) -> io::Result<()> {
    for line in lines {
        writeln!(out, "{line}")?;
    }
    writeln!(out)
}

/// Plays `run` to its end (or until input ends or the learner quits), writing the transcript
/// to `out`: the introduction, each decision, the feedback after each choice, and the debrief,
/// worded by `voice` (the style texts and the learner's style) when there is one.
pub fn play(
    run: &mut Run,
    lang: Lang,
    voice: Option<&Voice>,
    answers: &mut Answers<'_>,
    out: &mut dyn Write,
) -> io::Result<Stop> {
    lines(out, &transcript::intro(run, lang))?;
    while !run.is_finished() {
        lines(out, &transcript::decision(run, lang))?;
        let order = run.choice_order();
        let decision = run.taken().len() + 1;
        match answers.ask(out, lang, &transcript::prompt(run, lang), order.len(), true)? {
            Answer::Number(n) => {
                let taken = run
                    .choose(order[n - 1])
                    .map_err(|e| io::Error::other(e.to_string()))?
                    .clone();
                writeln!(out)?;
                lines(out, &transcript::feedback(run, &taken, lang, voice))?;
            }
            Answer::Undo => {
                let key = if run.undo() {
                    T::PlainTakenBack
                } else {
                    T::PlainNothingToTakeBack
                };
                writeln!(out, "{}", t(lang, key))?;
                writeln!(out)?;
            }
            Answer::Quit => {
                let at = decision.to_string();
                writeln!(out, "{}", tf(lang, T::PlainQuit, &[("decision", &at)]))?;
                return Ok(Stop::Quit { decision });
            }
            Answer::End => return Ok(Stop::InputEnded { decision }),
            Answer::GaveUp(answers) => {
                return Ok(Stop::GaveUp { decision, answers });
            }
        }
    }
    lines(out, &transcript::ending(run, lang))?;
    lines(out, &transcript::debrief(run, lang, voice))?;
    Ok(Stop::Finished)
}
