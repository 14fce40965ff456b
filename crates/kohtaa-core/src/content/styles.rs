//! The style file, `styles/disc.<lang>.ron`: how the app speaks about the four styles.
//!
//! It holds, per style, its description, how it likes feedback, how to meet a customer of that
//! style and how feedback to a learner of that style is framed; the 16 learner × customer
//! watch-out tips; and the informal self-check. Field names and meanings are a public contract
//! (the README, "Style files"): add optional fields, never rename or remove one.
//!
//! A framing changes the order, the lead-in words and the amount of detail of feedback, never
//! what was measured: validation insists that every framing shows the same core parts.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::codes::Code;
use super::diagnostic::{Diagnostic, Message};
use super::library::Loaded;
use super::outline::Seg;
use super::types::{Outcome, Style};
use crate::words;

/// The fewest and most statements a self-check may have.
pub const MIN_STATEMENTS: usize = 12;
pub const MAX_STATEMENTS: usize = 16;
/// Points on the agreement scale.
pub const SCALE_POINTS: usize = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "StyleTexts", deny_unknown_fields)]
pub struct StyleTexts {
    /// The style set's id; the bundled one is "disc".
    pub id: String,
    pub language: String,
    /// The trademark line shown on the self-check and profile screens.
    pub disclaimer: String,
    /// One entry for each of D, i, S and C.
    pub styles: BTreeMap<Style, StyleText>,
    /// How feedback is framed when the learner has set no style.
    pub neutral: Framing,
    /// Learner style → customer style → one watch-out tip (16 in all).
    pub watch_outs: BTreeMap<Style, BTreeMap<Style, String>>,
    /// Words the framings share.
    pub words: Words,
    pub self_check: SelfCheck,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "StyleText", deny_unknown_fields)]
pub struct StyleText {
    /// E.g. "D – direct, results-focused".
    pub name: String,
    /// One or two sentences describing the style.
    pub short: String,
    /// How a learner of this style tends to like feedback.
    pub likes_feedback: String,
    /// How to meet a customer of this style: the "meeting this customer" hint.
    pub meet_customer: String,
    pub strength: String,
    pub risk: String,
    /// How feedback is framed for a learner of this style.
    pub framing: Framing,
}

/// One part of composed feedback. Parts with nothing to say for a choice or run are left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Part {
    /// The author's feedback text for the choice; in a debrief, the ending's summary.
    Message,
    /// Debrief only: how the conversation ended and the model fit.
    Outcome,
    /// The steps shown.
    Worked,
    /// The steps broken (with the pitfalls named) and, in a debrief, the steps missed.
    Change,
    /// The full standard: each step concerned and each pitfall, with its description.
    Standard,
    /// Step by step: each step concerned with its result, in the model's order.
    Steps,
    /// What happened to the customer's mood.
    Impact,
    /// Debrief only: steps taken out of the model's order.
    Order,
    /// The framing's closing sentence.
    Closing,
}

impl Part {
    pub const ALL: [Part; 9] = [
        Part::Message,
        Part::Outcome,
        Part::Worked,
        Part::Change,
        Part::Standard,
        Part::Steps,
        Part::Impact,
        Part::Order,
        Part::Closing,
    ];

    /// What every framing must show after a choice and in a debrief: the same message for
    /// every learner. `Steps` says what `Worked` and `Change` say, as a list.
    pub fn missing_core(parts: &[Part], debrief: bool) -> Vec<Part> {
        let lead = if debrief {
            Part::Outcome
        } else {
            Part::Message
        };
        let mut missing = Vec::new();
        if !parts.contains(&lead) {
            missing.push(lead);
        }
        if !parts.contains(&Part::Steps) {
            for p in [Part::Worked, Part::Change] {
                if !parts.contains(&p) {
                    missing.push(p);
                }
            }
        }
        missing
    }

    pub fn name(self) -> &'static str {
        match self {
            Part::Message => "Message",
            Part::Outcome => "Outcome",
            Part::Worked => "Worked",
            Part::Change => "Change",
            Part::Standard => "Standard",
            Part::Steps => "Steps",
            Part::Impact => "Impact",
            Part::Order => "Order",
            Part::Closing => "Closing",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Framing", deny_unknown_fields)]
pub struct Framing {
    /// The parts shown after each choice, in order.
    pub after_choice: Vec<Part>,
    /// The parts of the debrief summary, in order.
    pub debrief: Vec<Part>,
    /// A heading or lead-in phrase per part; a part without one is shown bare.
    #[serde(default)]
    pub leads: BTreeMap<Part, String>,
    /// After a choice that raised the mood; `{n}` is by how much.
    pub mood_up: String,
    /// After a choice that lowered the mood; `{n}` is by how much.
    pub mood_down: String,
    /// After a choice that left the mood where it was.
    pub mood_same: String,
    /// After a harmful choice that found the mood already at its lowest (−5), so the scale
    /// kept it from lowering it: the answer was still harmful. `mood_same` when absent.
    #[serde(default)]
    pub mood_floor: Option<String>,
    /// After a helpful choice that found the mood already at its highest (+5), so the scale
    /// kept it from raising it: the answer was still good. `mood_same` when absent.
    #[serde(default)]
    pub mood_ceiling: Option<String>,
    /// In a debrief; `{start}` and `{end}` are the first and last mood (-5..5).
    pub mood_run: String,
    /// In a debrief whose mood ended where it started; `{start}` is that mood. `mood_run`
    /// when absent ("from −2 to −2" reads as a slip).
    #[serde(default)]
    pub mood_run_held: Option<String>,
    /// The sentence of the `Closing` part, whatever happened; the fallback for a result that
    /// `choice_closings` or `debrief_closings` leaves out.
    #[serde(default)]
    pub closing: Option<String>,
    /// The `Closing` part after a choice, by how the answer went.
    #[serde(default)]
    pub choice_closings: BTreeMap<Went, String>,
    /// The `Closing` part of the debrief, by how the run went.
    #[serde(default)]
    pub debrief_closings: BTreeMap<Went, String>,
}

/// How an answer or a run went, so a closing line never consoles after a good one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Went {
    /// An answer that showed a step and broke none; a run with every scored step shown and
    /// no order note.
    Good,
    /// An answer that showed and broke nothing; a run in between.
    Mixed,
    /// An answer that broke a step; a run with less than half of its scored steps shown.
    Poor,
}

impl Went {
    pub const ALL: [Went; 3] = [Went::Good, Went::Mixed, Went::Poor];

    pub fn name(self) -> &'static str {
        match self {
            Went::Good => "Good",
            Went::Mixed => "Mixed",
            Went::Poor => "Poor",
        }
    }
}

impl Framing {
    /// The words for a harmful answer at the lowest mood: `mood_floor`, else `mood_same`.
    pub fn mood_floor(&self) -> &str {
        self.mood_floor.as_deref().unwrap_or(&self.mood_same)
    }

    /// The words for a helpful answer at the highest mood: `mood_ceiling`, else `mood_same`.
    pub fn mood_ceiling(&self) -> &str {
        self.mood_ceiling.as_deref().unwrap_or(&self.mood_same)
    }

    /// The closing line after an answer that went `went`: its own, else `closing`.
    pub fn choice_closing(&self, went: Went) -> Option<&str> {
        self.choice_closings
            .get(&went)
            .or(self.closing.as_ref())
            .map(String::as_str)
    }

    /// The debrief's closing line after a run that went `went`: its own, else `closing`.
    pub fn debrief_closing(&self, went: Went) -> Option<&str> {
        self.debrief_closings
            .get(&went)
            .or(self.closing.as_ref())
            .map(String::as_str)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Words", deny_unknown_fields)]
pub struct Words {
    /// A step's result, as the `Steps` part lists it.
    pub shown: String,
    pub broken: String,
    pub missed: String,
    /// Each ending outcome, as the `Outcome` part names it.
    pub outcomes: BTreeMap<Outcome, String>,
    /// The model fit; `{fit}` is a whole percent.
    pub fit: String,
    /// One order note; `{early}` and `{late}` are step names.
    pub order: String,
    /// Lead-in for an author's tip to the learner.
    pub style_tip: String,
    /// Lead-in for the learner × customer watch-out tip.
    pub watch_out: String,
    /// Lead-in for the "meeting this customer" hint.
    pub meet_customer: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "SelfCheck", deny_unknown_fields)]
pub struct SelfCheck {
    pub title: String,
    /// What the self-check is, and that it is informal; shown before the first statement.
    pub intro: String,
    /// How to read the result: two axes, a tendency and not a type, always overridable.
    pub explanation: String,
    /// The five answer labels, from "strongly disagree" to "strongly agree".
    pub scale: Vec<String>,
    pub statements: Vec<Statement>,
    pub results: SelfCheckResults,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Statement", deny_unknown_fields)]
pub struct Statement {
    pub text: String,
    /// The pole that agreeing with the statement points to; it also names the axis.
    pub agree: Pole,
}

/// The ends of the two axes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Pole {
    /// Pace: quick to act and decide.
    Fast,
    /// Pace: takes time to think first.
    Reflective,
    /// Focus: the matter, facts and results.
    Task,
    /// Focus: the person and the relationship.
    People,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Axis {
    Pace,
    Focus,
}

impl Pole {
    pub fn axis(self) -> Axis {
        match self {
            Pole::Fast | Pole::Reflective => Axis::Pace,
            Pole::Task | Pole::People => Axis::Focus,
        }
    }

    /// +1 for Fast and People, -1 for Reflective and Task.
    pub fn sign(self) -> i32 {
        match self {
            Pole::Fast | Pole::People => 1,
            Pole::Reflective | Pole::Task => -1,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "SelfCheckResults", deny_unknown_fields)]
pub struct SelfCheckResults {
    /// A clear single tendency.
    pub styles: BTreeMap<Style, String>,
    /// A main tendency leaning towards a neighbour: Di, iD, iS, Si, SC, CS, CD, DC.
    pub blends: BTreeMap<Blend, String>,
    pub no_preference: String,
}

/// A main style leaning towards a neighbour on the circle (D–i–S–C–D), main style first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Blend {
    #[serde(rename = "Di")]
    DI,
    #[serde(rename = "iD")]
    ID,
    #[serde(rename = "iS")]
    IS,
    #[serde(rename = "Si")]
    SI,
    #[serde(rename = "SC")]
    SC,
    #[serde(rename = "CS")]
    CS,
    #[serde(rename = "CD")]
    CD,
    #[serde(rename = "DC")]
    DC,
}

impl Blend {
    pub const ALL: [Blend; 8] = [
        Blend::DI,
        Blend::ID,
        Blend::IS,
        Blend::SI,
        Blend::SC,
        Blend::CS,
        Blend::CD,
        Blend::DC,
    ];

    /// The main style and the neighbour it leans towards.
    pub fn parts(self) -> (Style, Style) {
        use Style::{C, D, I, S};
        match self {
            Blend::DI => (D, I),
            Blend::ID => (I, D),
            Blend::IS => (I, S),
            Blend::SI => (S, I),
            Blend::SC => (S, C),
            Blend::CS => (C, S),
            Blend::CD => (C, D),
            Blend::DC => (D, C),
        }
    }

    pub fn main(self) -> Style {
        self.parts().0
    }

    /// The blend of `main` leaning towards `lean`; `None` unless they are neighbours.
    pub fn of(main: Style, lean: Style) -> Option<Blend> {
        Blend::ALL.into_iter().find(|b| b.parts() == (main, lean))
    }

    /// "Di", "SC" ...
    pub fn code(self) -> String {
        let (a, b) = self.parts();
        format!("{a}{b}")
    }
}

/// Neighbours on the circle D–i–S–C–D share one axis; opposites (D–S, i–C) share none.
pub fn are_neighbours(a: Style, b: Style) -> bool {
    Blend::of(a, b).is_some()
}

/// A learner's style as chosen or suggested: one style, or a main style with a neighbour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum LearnerStyle {
    Pure(Style),
    Blend(Blend),
}

impl LearnerStyle {
    /// The style whose framing and watch-out tips the learner gets.
    pub fn main(self) -> Style {
        match self {
            LearnerStyle::Pure(s) => s,
            LearnerStyle::Blend(b) => b.main(),
        }
    }

    /// "D", "i", "Di", "SC" ...
    pub fn code(self) -> String {
        match self {
            LearnerStyle::Pure(s) => s.letter().to_owned(),
            LearnerStyle::Blend(b) => b.code(),
        }
    }

    /// Reads a code such as "D", "i", "Di" or "SC" (letters in either case).
    pub fn parse(code: &str) -> Option<LearnerStyle> {
        let letters: Vec<Style> = code
            .chars()
            .map(|c| Style::from_letter(&c.to_string()))
            .collect::<Option<_>>()?;
        match letters.as_slice() {
            [one] => Some(LearnerStyle::Pure(*one)),
            [main, lean] => Blend::of(*main, *lean).map(LearnerStyle::Blend),
            _ => None,
        }
    }

    /// Every style a learner can pick: the four, then the eight blends.
    pub fn all() -> Vec<LearnerStyle> {
        Style::ALL
            .into_iter()
            .map(LearnerStyle::Pure)
            .chain(Blend::ALL.into_iter().map(LearnerStyle::Blend))
            .collect()
    }
}

impl fmt::Display for LearnerStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

impl From<LearnerStyle> for String {
    fn from(s: LearnerStyle) -> String {
        s.code()
    }
}

impl TryFrom<String> for LearnerStyle {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        LearnerStyle::parse(&s).ok_or_else(|| format!("not a style or neighbour blend: {s:?}"))
    }
}

impl StyleTexts {
    /// The texts of one style. Validation guarantees all four are present in a loaded file.
    pub fn style(&self, style: Style) -> Option<&StyleText> {
        self.styles.get(&style)
    }

    /// The framing for a learner style; neutral when none is set.
    pub fn framing(&self, learner: Option<LearnerStyle>) -> &Framing {
        learner
            .and_then(|l| self.styles.get(&l.main()))
            .map_or(&self.neutral, |s| &s.framing)
    }

    /// The watch-out tip for a learner of `learner`'s main style meeting a `customer`.
    pub fn watch_out(&self, learner: LearnerStyle, customer: Style) -> Option<&str> {
        self.watch_outs
            .get(&learner.main())?
            .get(&customer)
            .map(String::as_str)
    }

    /// The display name of a learner style: "D – ..." or, for a blend, both names.
    pub fn learner_style_name(&self, learner: LearnerStyle) -> String {
        let name = |s: Style| {
            self.styles
                .get(&s)
                .map_or_else(|| s.letter().to_owned(), |t| t.name.clone())
        };
        match learner {
            LearnerStyle::Pure(s) => name(s),
            LearnerStyle::Blend(b) => {
                let (main, lean) = b.parts();
                format!("{} ({} + {})", b.code(), name(main), name(lean))
            }
        }
    }
}

/// Placeholders a template may use, by the field it is in.
const MOOD_CHANGE_VARS: &[&str] = &["n"];
const MOOD_RUN_VARS: &[&str] = &["start", "end"];
const FIT_VARS: &[&str] = &["fit"];
const ORDER_VARS: &[&str] = &["early", "late"];

/// Fills `{name}` placeholders in `template`; unknown ones stay as written.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}`s a template uses.
fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        found.push(&after[..close]);
        rest = &after[close + 1..];
    }
    found
}

/// Problems of meaning in a style file that parsed.
pub fn validate(file: &Loaded<StyleTexts>) -> Vec<Diagnostic> {
    let mut v = Validator {
        file,
        found: Vec::new(),
    };
    v.check();
    v.found
}

struct Validator<'a> {
    file: &'a Loaded<StyleTexts>,
    found: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn at(&mut self, code: Code, path: &[Seg], message: Message) -> &mut Diagnostic {
        let span = self.file.outline.span(path).unwrap_or(0..0);
        self.found
            .push(Diagnostic::new(code, &self.file.source, span, message));
        self.found.last_mut().expect("just pushed")
    }

    fn check(&mut self) {
        let t = &self.file.value;
        if t.language.is_empty()
            || t.language.len() > 8
            || !t.language.chars().all(|c| c.is_ascii_lowercase())
        {
            self.at(Code::BadLanguage, &[Seg::Field("language")], {
                let tag = &t.language;
                words!(NotLanguageTagSuch, tag)
            });
        }
        self.text(&[Seg::Field("disclaimer")], &t.disclaimer);

        for style in Style::ALL {
            let letter = style.letter();
            match t.styles.get(&style) {
                None => {
                    self.at(
                        Code::StyleIncomplete,
                        &[Seg::Field("styles")],
                        words!(NoTextsStyle, letter),
                    )
                    .add_note(words!(EveryFileDescribesAll));
                }
                Some(s) => {
                    let base = [Seg::Field("styles"), Seg::Key(letter)];
                    for (field, text) in [
                        ("name", &s.name),
                        ("short", &s.short),
                        ("likes_feedback", &s.likes_feedback),
                        ("meet_customer", &s.meet_customer),
                        ("strength", &s.strength),
                        ("risk", &s.risk),
                    ] {
                        self.text(&[base[0], base[1], Seg::Field(field)], text);
                    }
                    self.framing(&[base[0], base[1], Seg::Field("framing")], &s.framing);
                }
            }
        }
        self.framing(&[Seg::Field("neutral")], &t.neutral);

        for learner in Style::ALL {
            let Some(row) = t.watch_outs.get(&learner) else {
                self.at(
                    Code::StyleIncomplete,
                    &[Seg::Field("watch_outs")],
                    words!(NoWatchOutTips, learner),
                );
                continue;
            };
            for customer in Style::ALL {
                let path = [
                    Seg::Field("watch_outs"),
                    Seg::Key(learner.letter()),
                    Seg::Key(customer.letter()),
                ];
                match row.get(&customer) {
                    Some(tip) => self.text(&path, tip),
                    None => {
                        self.at(
                            Code::StyleIncomplete,
                            &path[..2],
                            words!(NoWatchOutTip, learner, customer),
                        );
                    }
                }
            }
        }

        let w = &t.words;
        for outcome in Outcome::ALL {
            if !w.outcomes.contains_key(&outcome) {
                self.at(
                    Code::StyleIncomplete,
                    &[Seg::Field("words"), Seg::Field("outcomes")],
                    {
                        let outcome = outcome.name();
                        words!(NoWordOutcome, outcome)
                    },
                );
            }
        }
        self.template(&[Seg::Field("words"), Seg::Field("fit")], &w.fit, FIT_VARS);
        self.template(
            &[Seg::Field("words"), Seg::Field("order")],
            &w.order,
            ORDER_VARS,
        );

        self.self_check(&t.self_check);
    }

    fn text(&mut self, path: &[Seg], text: &str) {
        if text.trim().is_empty() {
            self.at(Code::EmptyText, path, words!(EmptyText));
        }
    }

    fn template(&mut self, path: &[Seg], text: &str, allowed: &[&str]) {
        self.text(path, text);
        for name in placeholders(text) {
            if !allowed.contains(&name) {
                let list: Vec<String> = allowed.iter().map(|a| format!("{{{a}}}")).collect();
                self.at(
                    Code::UnknownPlaceholder,
                    path,
                    words!(UnknownPlaceholder, name),
                )
                .add_note({
                    let list = list.join(", ");
                    words!(ThisTextMayUse, list)
                });
            }
        }
    }

    fn framing(&mut self, base: &[Seg], f: &Framing) {
        let with = |field| {
            let mut p = base.to_vec();
            p.push(Seg::Field(field));
            p
        };
        for (field, parts, debrief) in [
            ("after_choice", &f.after_choice, false),
            ("debrief", &f.debrief, true),
        ] {
            for part in Part::missing_core(parts, debrief) {
                {
                    self.at(Code::FramingLeavesOut, &with(field), {
                        let part = part.name();
                        words!(LeavesOutPart, field, part)
                    })
                    .add_note(words!(FramingChangesOrder));
                }
            }
            for (i, part) in parts.iter().enumerate() {
                if parts[..i].contains(part) {
                    self.at(
                        Code::DuplicateId,
                        &{
                            let mut p = with(field);
                            p.push(Seg::Index(i));
                            p
                        },
                        {
                            let part = part.name();
                            words!(PartListedTwice, part)
                        },
                    );
                }
            }
        }
        self.template(&with("mood_up"), &f.mood_up, MOOD_CHANGE_VARS);
        self.template(&with("mood_down"), &f.mood_down, MOOD_CHANGE_VARS);
        self.template(&with("mood_same"), &f.mood_same, &[]);
        for (field, text) in [
            ("mood_floor", &f.mood_floor),
            ("mood_ceiling", &f.mood_ceiling),
        ] {
            if let Some(text) = text {
                self.template(&with(field), text, &[]);
            }
        }
        self.template(&with("mood_run"), &f.mood_run, MOOD_RUN_VARS);
        if let Some(text) = &f.mood_run_held {
            self.template(&with("mood_run_held"), text, &MOOD_RUN_VARS[..1]);
        }
        if let Some(text) = &f.closing {
            self.template(&with("closing"), text, &[]);
        }
        for (field, map) in [
            ("choice_closings", &f.choice_closings),
            ("debrief_closings", &f.debrief_closings),
        ] {
            for (went, text) in map {
                let mut path = with(field);
                path.push(Seg::Key(went.name()));
                self.template(&path, text, &[]);
            }
        }
        // Each result a framing can close on needs its words: its own, or `closing` (whose
        // own emptiness is reported above).
        let fallback = f.closing.is_some();
        for (parts, map) in [
            (&f.after_choice, &f.choice_closings),
            (&f.debrief, &f.debrief_closings),
        ] {
            let lacking: Vec<&str> = Went::ALL
                .iter()
                .filter(|w| !map.contains_key(w))
                .map(|w| w.name())
                .collect();
            if parts.contains(&Part::Closing) && !fallback && !lacking.is_empty() {
                let lacking = lacking.join(", ");
                self.at(
                    Code::EmptyText,
                    &with("closing"),
                    words!(PartUsedButHas, lacking),
                );
                break;
            }
        }
    }

    fn self_check(&mut self, sc: &SelfCheck) {
        let base = Seg::Field("self_check");
        self.text(&[base, Seg::Field("title")], &sc.title);
        self.text(&[base, Seg::Field("intro")], &sc.intro);
        self.text(&[base, Seg::Field("explanation")], &sc.explanation);
        if sc.scale.len() != SCALE_POINTS {
            self.at(Code::ScaleLabels, &[base, Seg::Field("scale")], {
                let n = sc.scale.len();
                words!(ScaleHasLabelsNeeds, n, scale_points = SCALE_POINTS)
            });
        }
        for (i, label) in sc.scale.iter().enumerate() {
            self.text(&[base, Seg::Field("scale"), Seg::Index(i)], label);
        }
        let n = sc.statements.len();
        if !(MIN_STATEMENTS..=MAX_STATEMENTS).contains(&n) {
            self.at(
                Code::StyleQuestionCount,
                &[base, Seg::Field("statements")],
                words!(
                    SelfCheckHasStatements,
                    n,
                    min_statements = MIN_STATEMENTS,
                    max_statements = MAX_STATEMENTS
                ),
            );
        }
        for (i, s) in sc.statements.iter().enumerate() {
            self.text(
                &[
                    base,
                    Seg::Field("statements"),
                    Seg::Index(i),
                    Seg::Field("text"),
                ],
                &s.text,
            );
        }
        // Balanced poles keep a habit of agreeing with everything from tilting the result.
        for pole in [Pole::Fast, Pole::Reflective, Pole::Task, Pole::People] {
            let count = sc.statements.iter().filter(|s| s.agree == pole).count();
            if count < 2 {
                self.at(
                    Code::SelfCheckUnbalanced,
                    &[base, Seg::Field("statements")],
                    words!(OnlyStatementSPoint, count, pole = format!("{pole:?}")),
                );
            }
        }
        let results = [base, Seg::Field("results")];
        for style in Style::ALL {
            match sc.results.styles.get(&style) {
                Some(t) => self.text(
                    &[
                        results[0],
                        results[1],
                        Seg::Field("styles"),
                        Seg::Key(style.letter()),
                    ],
                    t,
                ),
                None => {
                    self.at(
                        Code::StyleIncomplete,
                        &[results[0], results[1], Seg::Field("styles")],
                        words!(NoResultTextStyle, style),
                    );
                }
            }
        }
        for blend in Blend::ALL {
            let code = blend.code();
            match sc.results.blends.get(&blend) {
                Some(t) => {
                    let t = t.clone();
                    self.text(
                        &[
                            results[0],
                            results[1],
                            Seg::Field("blends"),
                            Seg::Key(&code),
                        ],
                        &t,
                    )
                }
                None => {
                    self.at(
                        Code::StyleIncomplete,
                        &[results[0], results[1], Seg::Field("blends")],
                        words!(NoResultTextBlend, code),
                    );
                }
            }
        }
        self.text(
            &[results[0], results[1], Seg::Field("no_preference")],
            &sc.results.no_preference,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(fill("up by {n}, {x}", &[("n", "2")]), "up by 2, {x}");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open { brace", &[("n", "1")]), "open { brace");
    }

    #[test]
    fn learner_style_codes_round_trip() {
        for s in LearnerStyle::all() {
            assert_eq!(LearnerStyle::parse(&s.code()), Some(s));
        }
        assert_eq!(LearnerStyle::parse("DS"), None, "opposites are not a blend");
        assert_eq!(LearnerStyle::parse("iC"), None);
        assert_eq!(LearnerStyle::parse(""), None);
        assert_eq!(LearnerStyle::parse("sc"), LearnerStyle::parse("SC"));
        assert_eq!(LearnerStyle::all().len(), 12);
    }
}
