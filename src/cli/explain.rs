//! `kohtaa explain [CODE]`: what a diagnostic code means and how to fix it.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use crate::content::Code;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A diagnostic code such as K0302 (without one: list every code).
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
}

pub fn run(args: &ExplainArgs) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let Some(code) = &args.code else {
        for code in Code::ALL {
            let _ = writeln!(
                out,
                "{}  {:<7}  {}",
                code.as_str(),
                code.level().name(),
                code.title()
            );
        }
        return ExitCode::SUCCESS;
    };
    match Code::parse(code.trim()) {
        Some(code) => {
            let _ = write!(out, "{}", explain(code));
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "error: no such code `{}`; run `kohtaa explain` to list them all",
                crate::content::text::display_safe(code)
            );
            ExitCode::from(2)
        }
    }
}

/// The full text for one code: headline, then what it means and how to fix it.
pub fn explain(code: Code) -> String {
    let body = EXPLANATIONS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("", |(_, text)| text);
    format!(
        "{} ({}): {}\n\n{}\n",
        code.as_str(),
        code.level().name(),
        code.title(),
        body.trim()
    )
}

/// One entry per code; a test keeps the table complete.
pub const EXPLANATIONS: &[(Code, &str)] = &[
    (
        Code::Syntax,
        "The file is not valid RON: a bracket, comma, colon or quote is missing or extra.
Look at the spot shown and just before it: an unclosed `(` or `\"` often shows up
further down. Strings are written in double quotes; fields are `name: value,`.",
    ),
    (
        Code::UnknownField,
        "A field name that this kind of value does not have. A typo is never ignored,
because the text it holds would silently disappear. Use the suggested name, or see
the README's authoring section for the fields of each value.",
    ),
    (
        Code::MissingField,
        "A required field is absent. RON points at the closing `)` of the value that lacks
it. Add the field; the README lists which fields are required.",
    ),
    (
        Code::WrongType,
        "A value of the wrong kind: text where a number belongs, a number where a list
belongs, and so on. Text is in double quotes, numbers bare, lists in `[ ]`, values
such as `Customer(...)` in parentheses.",
    ),
    (
        Code::UnknownVariant,
        "A name that is not one of the allowed ones, e.g. a customer style other than
D, i, S or C, an outcome other than Resolved, Partial, Unresolved or Escalated, or
a struct name (before the parentheses) that does not fit the place.",
    ),
    (
        Code::DuplicateField,
        "The same field is written twice in one value. Keep one of them.",
    ),
    (
        Code::FileTooLarge,
        "Files over 16 MiB are refused before reading, to protect the program. Split the
content into several scenarios.",
    ),
    (
        Code::TooDeep,
        "Values are nested deeper than the parser allows. Content files are shallow;
this usually means runaway brackets.",
    ),
    (
        Code::NotUtf8,
        "The file is not valid UTF-8 at the spot shown. Save it as UTF-8 in your editor.",
    ),
    (
        Code::Unreadable,
        "The file or folder could not be read (permissions, or it vanished). The message
gives the system's reason.",
    ),
    (
        Code::UnknownFileKind,
        "The file is not a scenario, model, style or test file. Start it with
`Scenario(`, `EncounterModel(`, `ScenarioTests(` or the style file's name.",
    ),
    (
        Code::OutOfRange,
        "A number outside its allowed range: difficulty 1 to 3; moods (start mood, mood
changes, route bounds) -5 to 5; in test files, fit percentages 0 to 100.",
    ),
    (
        Code::BadId,
        "Ids (of scenarios, nodes, models, steps and pitfalls) use only lower-case
letters a-z, digits and hyphens, e.g. `waiting-room`. They are stable keys that other
files and saved history refer to; use the suggested form.",
    ),
    (
        Code::DuplicateId,
        "Two nodes of a scenario, two steps of a model, or two scenario files of the same
language share an id. Ids must be unique; rename one. The note says where the
other one is.",
    ),
    (
        Code::BadLanguage,
        "The language is a BCP 47 primary tag: two or three lower-case letters, such as
`en` or `fi`. Region tags like `en-GB` are not used.",
    ),
    (
        Code::EmptyText,
        "A text field holds nothing but white space. Write the text, or leave the field
out if it is optional.",
    ),
    (
        Code::WrongFolder,
        "A scenario sits in a language folder (`en/`, `fi/`) of another language than its
`language` field. Move the file, or correct the field.",
    ),
    (
        Code::UnknownStart,
        "`start` names no node of the scenario. Use the id of the first node; the message
suggests the closest id.",
    ),
    (
        Code::UnknownNext,
        "A choice's `next` names no node of the scenario. Fix the id (see the suggestion)
or add the node.",
    ),
    (
        Code::UnknownRouteTarget,
        "A route's `next` names no node of the scenario. Fix the id or add the node.",
    ),
    (
        Code::ChoicesAndEnding,
        "A node has both `choices` and an `ending`. A node either offers the learner
choices or ends the conversation: remove one of them.",
    ),
    (
        Code::NoChoicesNoEnding,
        "A node has neither `choices` nor an `ending`, so the conversation would stop
without an outcome. Add choices, or an `ending: Ending(outcome: ..., summary: ...)`.",
    ),
    (
        Code::ChoiceCount,
        "A node offers 1 to 6 choices. An empty list leaves the learner stuck; more than
six do not fit the screen or the learner's attention. Split the moment into two nodes.",
    ),
    (
        Code::NothingSaid,
        "A node has neither `narration` nor `say`, so the learner would see nothing
happen. Add what happens (`narration`) or what the customer says (`say`).",
    ),
    (
        Code::RouteWithoutBound,
        "A route has neither `min_mood` nor `max_mood`, so it would always be taken and
the choice's own `next` never. Give a bound, or move its target to `next`.",
    ),
    (
        Code::RouteNeverMatches,
        "A route's `min_mood` is above its `max_mood`, so no mood can match it. Bounds are
inclusive; swap or correct them.",
    ),
    (
        Code::UnknownStep,
        "A step id (in `fits`, `breaks`, `focus` or a test's expectations) that the
scenario's encounter model does not have. Use the suggested id; a pitfall id goes in
`pitfalls`, not in `breaks`.",
    ),
    (
        Code::UnknownPitfall,
        "A pitfall id in `pitfalls` that the encounter model does not have. Use the
suggested id, or add the pitfall to the model.",
    ),
    (
        Code::UnknownModel,
        "No encounter model file has the scenario's `model` id (default `default`) in the
scenario's language. Fix the id, or add `models/<id>.<language>.ron` to your
scenario folder.",
    ),
    (
        Code::DuplicatePitfall,
        "Two pitfalls of a model share an id. Pitfall ids are unique across the whole model,
so a scenario's `pitfalls` name exactly one; rename one.",
    ),
    (
        Code::FitsAndBreaks,
        "A choice lists the same step in `fits` and in `breaks`, or fits a step while one
of its `pitfalls` breaks that step. A response shows a step or goes against it;
remove one.",
    ),
    (
        Code::EmptyModel,
        "An encounter model without steps: scenarios could tag nothing. Add its steps.",
    ),
    (
        Code::ControlCharacter,
        "A control character (such as ESC, written raw or as an escape like `\\u{1b}`) in
text. It could rewrite a learner's terminal, so it is refused. Remove it; newlines
and tabs are fine.",
    ),
    (
        Code::BidiControl,
        "A bidirectional control character (U+202A-U+202E, U+2066-U+2069 and the like) in
text. It can make a line display differently from what it says. Remove it.",
    ),
    (
        Code::InvisibleCharacter,
        "An invisible character (zero-width space, soft hyphen, byte-order mark...) in
text. It is harmless to show but hides what the text really holds, e.g. an id that
looks right and does not match. Remove it unless you mean it.",
    ),
    (
        Code::UnreachableNode,
        "No path of choices and routes from `start` leads to this node, so no learner will
see it. Point a `next` or a route at it, or remove it.",
    ),
    (
        Code::NoEndingReachable,
        "From this node every path loops without reaching an ending, so a learner could
never finish. Lead at least one choice towards an ending.",
    ),
    (
        Code::UntaggedChoice,
        "A choice with neither `fits`, `breaks` (or `pitfalls`) nor `feedback` teaches
nothing: the debrief cannot mention it. Tag the steps it shows or breaks and say why.",
    ),
    (
        Code::NoStepPractised,
        "No choice of the scenario lists a step in `fits`, so a run measures no model fit.
Tag the good responses with the steps they show.",
    ),
    (
        Code::OneLanguageOnly,
        "The scenario exists in one language only while the library has others. Add a
translation with the same `id` in the other language's folder, so every learner can
practise it.",
    ),
    (
        Code::Override,
        "A scenario in your own folder has the id and language of a bundled one, and is used
instead of it. Nothing to fix if that is what you meant; otherwise change its id.",
    ),
    (
        Code::FocusNotFitted,
        "A `focus` step that no choice lists in `fits`: the scenario claims to train a step
that a learner can never show. Tag a choice with it, or remove it from `focus`.",
    ),
    (
        Code::NoFeedback,
        "A tagged choice without `feedback`: the learner is not told why the response
worked or not. Write a sentence or two of feedback.",
    ),
    (
        Code::TestUnknownScenario,
        "A test file names a scenario that does not exist in its language folder. Fix the
`scenario` id; a test file lives beside its scenario, as `<id>.tests.ron`.",
    ),
    (
        Code::TestUnknownNode,
        "A playthrough's path (or its expected ending) names a node the scenario does not
have. Use the suggested node id.",
    ),
    (
        Code::TestBadChoice,
        "A playthrough picks a choice number the node does not have. Choices are counted
from 1, in the order they are written in the scenario file.",
    ),
    (
        Code::TestFailed,
        "A playthrough did not reach what its `expect` says (ending, outcome, fit, steps
shown or broken, mood). Either the scenario changed or the expectation is wrong.",
    ),
    (
        Code::StyleIncomplete,
        "A style file lacks one of the four styles (D, i, S, C) or a (learner, customer)
style pair. Every style and every pair needs its text.",
    ),
    (
        Code::StyleQuestionCount,
        "The informal self-check has too few or too many statements. See the style file's
documentation for the allowed number.",
    ),
    (
        Code::UnknownPlaceholder,
        "A style text uses a `{name}` placeholder that this text cannot fill, often a typo.
Each text has its own placeholders: `mood_up` and `mood_down` may use `{n}`, `mood_run`
`{start}` and `{end}`, `words.fit` `{fit}`, `words.order` `{early}` and `{late}`;
`mood_same`, `mood_floor` and `mood_ceiling` have none. Use one of the names the note
lists, or write the text without it.",
    ),
    (
        Code::ScaleLabels,
        "The self-check's answer scale needs exactly five labels, from \"disagree\" to
\"agree\", in that order. Add or remove labels until there are five.",
    ),
    (
        Code::SelfCheckUnbalanced,
        "One pole of the self-check (fast, reflective, task or people) has fewer than two
statements. With so few, a habit of agreeing with everything tilts the result. Give
every pole at least two statements.",
    ),
    (
        Code::FramingLeavesOut,
        "A style's framing may change the order and the words of feedback, never what it
says. After a choice every framing shows `Message`; in a debrief `Outcome`; both show
`Worked` and `Change`, or `Steps`. Add the part the message names to the list.",
    ),
];
