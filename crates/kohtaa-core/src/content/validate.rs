//! Checks of meaning, after a file has parsed: references, ranges, the graph.
//!
//! Every check is one pass with hash maps, so a scenario of tens of thousands of nodes checks
//! in linear time. Positions come from the file's outline: serde keeps none.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use super::codes::Code;
use super::diagnostic::{Diagnostic, Message, Source};
use super::library::Loaded;
use super::outline::{Outline, Seg, Value};
use super::parse::did_you_mean;
use super::suggest::Suggester;
use super::tests_file::ScenarioTests;
use super::types::{Choice, EncounterModel, MOOD_MAX, MOOD_MIN, Node, Scenario};
use crate::words;

/// Most choices a node may offer: more do not fit a screen or a learner's attention.
pub const MAX_CHOICES: usize = 6;

/// Whether `id` is a well-formed id: lower-case ASCII letters, digits and hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `tag` is a BCP 47 primary language tag: two or three lower-case letters.
pub fn is_valid_language(tag: &str) -> bool {
    (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase())
}

/// The id an author probably meant: lower case, spaces and underscores as hyphens.
fn id_suggestion(id: &str) -> Option<String> {
    let fixed: String = id
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' | '_' | '-' => Some('-'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect();
    (is_valid_id(&fixed) && fixed != id).then_some(fixed)
}

/// What a check is about: words of their own (`what-…` in the diagnostics catalogue), in the
/// form the message needs them (in Finnish: nominative for [`Report::text`] and
/// [`Report::range`], genitive for [`Report::id`]).
type What = Message;

/// Collects diagnostics for one file, finding positions through its outline.
struct Report<'a> {
    source: &'a Source,
    outline: &'a Outline,
    out: Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    fn new<T>(file: &'a Loaded<T>) -> Self {
        Report {
            source: &file.source,
            outline: &file.outline,
            out: Vec::new(),
        }
    }

    /// The span of the value at `path`, or of the nearest enclosing value.
    fn span(&self, path: &[Seg]) -> Range<usize> {
        self.outline.span(path).unwrap_or(0..0)
    }

    /// The span of a field's name, for problems with the field as a whole.
    fn name_span(&self, path: &[Seg]) -> Range<usize> {
        self.outline
            .field_name_span(path)
            .unwrap_or_else(|| self.span(path))
    }

    fn at(&mut self, code: Code, span: Range<usize>, message: Message) -> &mut Diagnostic {
        self.out
            .push(Diagnostic::new(code, self.source, span, message));
        self.out.last_mut().expect("just pushed")
    }

    fn push(&mut self, code: Code, path: &[Seg], message: Message) -> &mut Diagnostic {
        let span = self.span(path);
        self.at(code, span, message)
    }

    /// `where` the value at `path` stands, for notes such as "first defined at line 12".
    fn line_of(&self, path: &[Seg]) -> usize {
        self.source.line_col(self.span(path).start).0
    }

    fn id(&mut self, path: &[Seg], id: &str, what: What) {
        if !is_valid_id(id) {
            let suggestion = id_suggestion(id);
            let d = self.push(Code::BadId, path, words!(MalformedIdUseLower, what, id));
            if let Some(s) = suggestion {
                d.offer(Some(&s));
            }
        }
    }

    fn language(&mut self, path: &[Seg], tag: &str) {
        if !is_valid_language(tag) {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let d = self.push(
                Code::BadLanguage,
                path,
                words!(MalformedLanguageTagUse, tag),
            );
            if is_valid_language(&primary) {
                d.offer(Some(&primary));
            }
        }
    }

    /// Required text: must hold more than white space.
    fn text(&mut self, path: &[Seg], text: &str, what: What) {
        if text.trim().is_empty() {
            self.push(Code::EmptyText, path, words!(TextIsEmpty, what));
        }
    }

    fn range(&mut self, path: &[Seg], value: i64, (lo, hi): (i64, i64), what: What) {
        if value < lo || value > hi {
            self.push(
                Code::OutOfRange,
                path,
                words!(OutRangeMustBe, what, value, lo, hi),
            );
        }
    }
}

const MOODS: (i64, i64) = (MOOD_MIN as i64, MOOD_MAX as i64);

/// Longest mood word, in characters, before a warning: the word stands beside the mood meter,
/// which must fit an 80-column screen and a projector.
pub const MOOD_WORD_MAX: usize = 30;

/// The customer's own mood words: one short line for each mood, each mood at most once, in
/// the scale's range. Read from the outline, which keeps what serde forgets: each key as
/// written, where it stands, and a key given twice (the map would keep only the last).
fn mood_words(r: &mut Report, words: &BTreeMap<i64, String>) {
    if words.is_empty() {
        return;
    }
    let path = [Seg::Field("customer"), Seg::Field("mood_words")];
    let entries: Vec<(String, Range<usize>, Range<usize>)> = match r.outline.value(&path) {
        Some(Value::Map { entries, .. }) => entries
            .iter()
            .map(|e| (e.key.trim().to_owned(), e.key_span.clone(), e.value.span()))
            .collect(),
        _ => return,
    };
    let mut seen: HashMap<i64, usize> = HashMap::new();
    for (key, key_span, span) in entries {
        // ron reads the keys as serde's map holds them; one written some other way (`0x2`)
        // is still checked there, only without a position of its own.
        let Some((mood, word)) = key.parse().ok().and_then(|m| words.get_key_value(&m)) else {
            continue;
        };
        let mood = *mood;
        let (lo, hi) = MOODS;
        if mood < lo || mood > hi {
            r.at(
                Code::OutOfRange,
                key_span,
                words!(MoodOutRangeMust, key, lo, hi),
            );
            continue;
        }
        if let Some(&first) = seen.get(&mood) {
            let line = r.source.line_col(first).0;
            r.at(
                Code::MoodWordTwice,
                key_span,
                words!(MoodGivenTwoWords, key),
            )
            .add_note(words!(FirstGivenLine, line));
            continue;
        }
        seen.insert(mood, key_span.start);
        let chars = word.chars().count();
        if word.trim().is_empty() {
            r.at(Code::EmptyText, span, words!(MoodWordEmpty, key));
        } else if word.contains(['\n', '\r']) {
            r.at(Code::MoodWordLines, span, words!(MoodWordRunsOver, key));
        } else if chars > MOOD_WORD_MAX {
            r.at(
                Code::LongMoodWord,
                span,
                words!(
                    MoodWordCharactersLong,
                    key,
                    chars,
                    mood_word_max = MOOD_WORD_MAX
                ),
            );
        }
    }
}

/// Problems in one scenario, checked against its model (`None`: no model file for it, which
/// is reported).
pub fn scenario(scenario: &Loaded<Scenario>, model: Option<&EncounterModel>) -> Vec<Diagnostic> {
    let models: Vec<&EncounterModel> = model.into_iter().collect();
    scenario_among(scenario, &models)
}

/// Problems in one scenario, whose model is looked up among `models` by id and language.
pub fn scenario_among(scenario: &Loaded<Scenario>, models: &[&EncounterModel]) -> Vec<Diagnostic> {
    let s = &scenario.value;
    let mut r = Report::new(scenario);
    header(&mut r, s);
    let model = models
        .iter()
        .copied()
        .find(|m| m.id == s.model && m.language == s.language);
    if model.is_none() && is_valid_language(&s.language) && is_valid_id(&s.model) {
        unknown_model(&mut r, s, models);
    }
    let mut check = Checking::new(s, model);
    check.index_nodes(&mut r);
    let start = check.target(
        &mut r,
        Code::UnknownStart,
        &[Seg::Field("start")],
        &s.start,
        words!(WhatStart),
    );
    for (n, node) in s.nodes.iter().enumerate() {
        check.node(&mut r, n, node);
    }
    check.focus(&mut r);
    graph(
        &mut r,
        s,
        start,
        &check.edges,
        &check.dangling,
        &check.index,
    );
    r.out
}

/// The scenario's own fields, before its nodes.
fn header(r: &mut Report, s: &Scenario) {
    use Seg::{Field as F, Index as I};
    r.id(&[F("id")], &s.id, words!(WhatScenario));
    r.language(&[F("language")], &s.language);
    r.text(&[F("title")], &s.title, words!(WhatTitle));
    r.text(&[F("summary")], &s.summary, words!(WhatSummary));
    r.text(
        &[F("learner_role")],
        &s.learner_role,
        words!(WhatLearnerRole),
    );
    for (i, tag) in s.tags.iter().enumerate() {
        r.text(&[F("tags"), I(i)], tag, words!(WhatTag));
    }
    r.range(
        &[F("difficulty")],
        s.difficulty,
        (1, 3),
        words!(WhatDifficulty),
    );
    r.id(&[F("model")], &s.model, words!(WhatModel));
    r.text(
        &[F("customer"), F("name")],
        &s.customer.name,
        words!(WhatCustomerName),
    );
    r.range(
        &[F("customer"), F("mood")],
        s.customer.mood,
        MOODS,
        words!(WhatMood),
    );
    if let Some(about) = &s.customer.about {
        r.text(&[F("customer"), F("about")], about, words!(WhatAbout));
    }
    mood_words(r, &s.customer.mood_words);
}

/// What checking a scenario's nodes learns as it goes: the model's names, the nodes by id,
/// the graph's edges, and which steps some choice practises.
struct Checking<'a> {
    s: &'a Scenario,
    model: Option<&'a EncounterModel>,
    steps: HashSet<&'a str>,
    /// Pitfall id -> the step it belongs to.
    pitfalls: HashMap<&'a str, &'a str>,
    // "Did you mean" over the model's steps, its pitfalls and the nodes: each list sorted
    // once, when the first unknown name needs it (see [`Suggester`]).
    step_suggester: OnceCell<Suggester<'a>>,
    pitfall_suggester: OnceCell<Suggester<'a>>,
    node_suggester: OnceCell<Suggester<'a>>,
    /// The first node of each id.
    index: HashMap<&'a str, usize>,
    /// By node: the nodes its choices and routes lead to.
    edges: Vec<Vec<usize>>,
    /// Nodes with a `next` or route to nowhere: their real edges are unknown.
    dangling: Vec<bool>,
    fitted: HashSet<&'a str>,
    practised: bool,
}

impl<'a> Checking<'a> {
    fn new(s: &'a Scenario, model: Option<&'a EncounterModel>) -> Checking<'a> {
        let steps = model
            .map(|m| m.steps.iter().map(|st| st.id.as_str()).collect())
            .unwrap_or_default();
        let pitfalls = model
            .map(|m| {
                m.steps
                    .iter()
                    .flat_map(|st| st.pitfalls.iter().map(|p| (p.id.as_str(), st.id.as_str())))
                    .collect()
            })
            .unwrap_or_default();
        Checking {
            s,
            model,
            steps,
            pitfalls,
            step_suggester: OnceCell::new(),
            pitfall_suggester: OnceCell::new(),
            node_suggester: OnceCell::new(),
            index: HashMap::with_capacity(s.nodes.len()),
            edges: vec![Vec::new(); s.nodes.len()],
            dangling: vec![false; s.nodes.len()],
            fitted: HashSet::new(),
            practised: false,
        }
    }

    fn step_ids(&self) -> &Suggester<'a> {
        self.step_suggester.get_or_init(|| {
            Suggester::new(
                self.model
                    .into_iter()
                    .flat_map(|m| m.steps.iter().map(|s| s.id.as_str())),
            )
        })
    }

    /// Node ids: well formed and unique; indexed for the graph.
    fn index_nodes(&mut self, r: &mut Report) {
        use Seg::{Field as F, Index as I};
        for (n, node) in self.s.nodes.iter().enumerate() {
            let path = [F("nodes"), I(n), F("id")];
            r.id(&path, &node.id, words!(WhatNode));
            if let Some(&first) = self.index.get(node.id.as_str()) {
                let line = r.line_of(&[F("nodes"), I(first), F("id")]);
                let id = &node.id;
                r.push(Code::DuplicateId, &path, words!(NodeIdUsedTwice, id))
                    .add_note(words!(FirstUsedLine, line));
            } else {
                self.index.insert(&node.id, n);
            }
        }
    }

    /// The node `id` names, or an error (with a did-you-mean) when it names none.
    fn target(
        &self,
        r: &mut Report,
        code: Code,
        path: &[Seg],
        id: &str,
        what: What,
    ) -> Option<usize> {
        let found = self.index.get(id).copied();
        if found.is_none() {
            let suggestion = self
                .node_suggester
                .get_or_init(|| Suggester::new(self.s.nodes.iter().map(|n| n.id.as_str())))
                .suggest(id);
            let d = r.push(code, path, words!(NamesNoNode, what, id));
            d.offer(suggestion);
        }
        found
    }

    /// A node's texts and shape, then each of its choices.
    fn node(&mut self, r: &mut Report, n: usize, node: &'a Node) {
        use Seg::{Field as F, Index as I};
        let id_path = [F("nodes"), I(n), F("id")];
        let id = &node.id;
        for (field, what, text) in [
            ("narration", words!(WhatNarration), &node.narration),
            ("say", words!(WhatSay), &node.say),
            ("facilitator", words!(WhatFacilitator), &node.facilitator),
        ] {
            if let Some(text) = text {
                r.text(&[F("nodes"), I(n), F(field)], text, what);
            }
        }
        if node.narration.is_none() && node.say.is_none() {
            r.push(
                Code::NothingSaid,
                &id_path,
                words!(NodeHasNeitherNarrationNorSay, id),
            );
        }
        match (&node.choices, &node.ending) {
            (Some(_), Some(_)) => {
                let span = r.name_span(&[F("nodes"), I(n), F("ending")]);
                r.at(Code::ChoicesAndEnding, span, words!(NodeHasBoth, id))
                    .add_note(words!(NodeEitherOffersChoices));
            }
            (None, None) => {
                r.push(
                    Code::NoChoicesNoEnding,
                    &id_path,
                    words!(NodeHasNeitherChoicesNorEnding, id),
                );
            }
            _ => {}
        }
        if let Some(ending) = &node.ending {
            r.text(
                &[F("nodes"), I(n), F("ending"), F("summary")],
                &ending.summary,
                words!(WhatEndingSummary),
            );
        }
        let choices = node.choice_list();
        if node.choices.is_some() && choices.is_empty() {
            r.push(
                Code::ChoiceCount,
                &[F("nodes"), I(n), F("choices")],
                words!(NodeHasEmptyList, id, max_choices = MAX_CHOICES),
            );
        } else if choices.len() > MAX_CHOICES {
            let count = choices.len();
            r.push(
                Code::ChoiceCount,
                &[F("nodes"), I(n), F("choices"), I(MAX_CHOICES)],
                words!(NodeHasChoicesMost, id, count, max_choices = MAX_CHOICES),
            );
        }
        for (c, choice) in choices.iter().enumerate() {
            self.choice(r, n, c, choice);
        }
    }

    /// A choice's texts and `next`, its tags against the model, its routes, and whether it
    /// teaches anything.
    fn choice(&mut self, r: &mut Report, n: usize, c: usize, choice: &'a Choice) {
        use Seg::{Field as F, Index as I};
        let at = |field: &'static str| [F("nodes"), I(n), F("choices"), I(c), F(field)];
        r.text(&at("say"), &choice.say, words!(WhatChoiceSay));
        match self.target(
            r,
            Code::UnknownNext,
            &at("next"),
            &choice.next,
            words!(WhatNext),
        ) {
            Some(to) => self.edges[n].push(to),
            None => self.dangling[n] = true,
        }
        r.range(&at("mood"), choice.mood, MOODS, words!(WhatMoodChange));
        if let Some(feedback) = &choice.feedback {
            r.text(&at("feedback"), feedback, words!(WhatFeedback));
        }
        for (style, tip) in &choice.style_tips {
            let path = [
                F("nodes"),
                I(n),
                F("choices"),
                I(c),
                F("style_tips"),
                Seg::Key(style.letter()),
            ];
            r.text(&path, tip, words!(WhatStyleTip));
        }
        self.tags(r, n, c, choice);
        self.routes(r, n, c, choice);
        let tagged =
            !choice.fits.is_empty() || !choice.breaks.is_empty() || !choice.pitfalls.is_empty();
        if !tagged && choice.feedback.is_none() {
            r.push(
                Code::UntaggedChoice,
                &at("say"),
                words!(ChoiceHasNeitherNor),
            )
            .add_note(words!(TagWithStepsShows));
        } else if choice.feedback.is_none() {
            r.push(
                Code::NoFeedback,
                &at("say"),
                words!(ChoiceWithoutLearnerNot),
            );
        }
    }

    /// A choice's `fits`, `breaks` and `pitfalls` against the model.
    fn tags(&mut self, r: &mut Report, n: usize, c: usize, choice: &'a Choice) {
        use Seg::{Field as F, Index as I};
        let path =
            |field: &'static str, k: usize| [F("nodes"), I(n), F("choices"), I(c), F(field), I(k)];
        let mut fits_here: HashMap<&str, usize> = HashMap::new();
        for (k, step) in choice.fits.iter().enumerate() {
            self.known_step(r, &path("fits", k), step);
            fits_here.entry(step).or_insert(k);
            self.fitted.insert(step);
            self.practised = true;
        }
        for (k, step) in choice.breaks.iter().enumerate() {
            let path = path("breaks", k);
            self.known_step(r, &path, step);
            if fits_here.contains_key(&**step) {
                r.push(Code::FitsAndBreaks, &path, words!(ThisChoiceBothFits, step))
                    .add_note(words!(ResponseEitherShowsStep));
            }
        }
        for (k, pitfall) in choice.pitfalls.iter().enumerate() {
            let path = path("pitfalls", k);
            match self.pitfalls.get(pitfall.as_str()) {
                Some(step) if fits_here.contains_key(step) => {
                    r.push(
                        Code::FitsAndBreaks,
                        &path,
                        words!(ThisChoiceFitsStep, step, pitfall),
                    )
                    .add_note(words!(PitfallBreaksStepRemove));
                }
                Some(_) => {}
                None if self.model.is_some() => {
                    let suggestion = self
                        .pitfall_suggester
                        .get_or_init(|| Suggester::new(self.pitfalls.keys().copied()))
                        .suggest(pitfall);
                    let d = r.push(Code::UnknownPitfall, &path, {
                        let model = &self.s.model;
                        words!(UnknownPitfallModelHas, pitfall, model)
                    });
                    d.offer(suggestion);
                }
                None => {}
            }
        }
    }

    /// An error when the model has no step `step` (none without a model: that is reported
    /// once, at `model`).
    fn known_step(&self, r: &mut Report, path: &[Seg], step: &str) {
        if self.model.is_some() && !self.steps.contains(step) {
            unknown_step(r, path, step, self.step_ids(), &self.pitfalls);
        }
    }

    /// A choice's routes on mood: their targets, bounds and ranges.
    fn routes(&mut self, r: &mut Report, n: usize, c: usize, choice: &Choice) {
        use Seg::{Field as F, Index as I};
        for (k, route) in choice.routes.iter().enumerate() {
            let rp = |field: &'static str| {
                [
                    F("nodes"),
                    I(n),
                    F("choices"),
                    I(c),
                    F("routes"),
                    I(k),
                    F(field),
                ]
            };
            if let Some(to) = self.target(
                r,
                Code::UnknownRouteTarget,
                &rp("next"),
                &route.next,
                words!(WhatRoute),
            ) {
                self.edges[n].push(to);
            }
            match (route.min_mood, route.max_mood) {
                (None, None) => {
                    r.push(
                        Code::RouteWithoutBound,
                        &[F("nodes"), I(n), F("choices"), I(c), F("routes"), I(k)],
                        words!(RouteWithoutWouldAlways),
                    )
                    .add_note(words!(GiveBoundMakeTarget));
                }
                (Some(min), Some(max)) if min > max => {
                    let line = r.line_of(&rp("max_mood"));
                    r.push(
                        Code::RouteNeverMatches,
                        &rp("min_mood"),
                        words!(RouteCanNeverBe, min, max),
                    )
                    .add_note(words!(MaxMoodAtLine, line));
                }
                _ => {}
            }
            if let Some(min) = route.min_mood {
                r.range(&rp("min_mood"), min, MOODS, words!(WhatMinMood));
            }
            if let Some(max) = route.max_mood {
                r.range(&rp("max_mood"), max, MOODS, words!(WhatMaxMood));
            }
        }
    }

    /// Focus steps: in the model, and practised by some choice; and some step practised.
    fn focus(&self, r: &mut Report) {
        use Seg::{Field as F, Index as I};
        for (k, step) in self.s.focus.iter().enumerate() {
            let path = [F("focus"), I(k)];
            if self.model.is_some() && !self.steps.contains(step.as_str()) {
                unknown_step(r, &path, step, self.step_ids(), &self.pitfalls);
            } else if !self.fitted.contains(step.as_str()) {
                r.push(Code::FocusNotFitted, &path, words!(FocusStepNotAny, step));
            }
        }
        if !self.practised {
            r.push(Code::NoStepPractised, &[F("id")], {
                let id = &self.s.id;
                words!(ScenarioPractisesNoStep, id)
            });
        }
    }
}

/// An unknown step id, with a hint when it is really a pitfall id.
fn unknown_step(
    r: &mut Report,
    path: &[Seg],
    step: &str,
    step_ids: &Suggester,
    pitfalls: &HashMap<&str, &str>,
) {
    let suggestion = step_ids.suggest(step);
    let d = r.push(Code::UnknownStep, path, words!(UnknownStep, step));
    d.offer(suggestion);
    if let Some(owner) = pitfalls.get(step) {
        d.add_note(words!(PitfallStepListUnder, step, owner));
    }
}

fn unknown_model(r: &mut Report, s: &Scenario, models: &[&EncounterModel]) {
    let here: Vec<&str> = models
        .iter()
        .filter(|m| m.language == s.language)
        .map(|m| m.id.as_str())
        .collect();
    let elsewhere: Vec<&str> = models
        .iter()
        .filter(|m| m.id == s.model)
        .map(|m| m.language.as_str())
        .collect();
    // Point at `model` when the author wrote one, else at the language that has no default.
    let named = r.outline.field_name_span(&[Seg::Field("model")]).is_some();
    let path = if named {
        [Seg::Field("model")]
    } else {
        [Seg::Field("language")]
    };
    let suggestion = did_you_mean(&s.model, here.iter().copied());
    let (model, language) = (&s.model, &s.language);
    let d = r.push(
        Code::UnknownModel,
        &path,
        words!(NoEncounterModelLanguage, model, language),
    );
    d.offer(suggestion.filter(|_| named));
    if !elsewhere.is_empty() {
        let elsewhere = elsewhere.join(", ");
        d.add_note(words!(ExistsAddModelsRon, model, elsewhere, language));
    } else if !here.is_empty() {
        let here = here.join(", ");
        d.add_note(words!(ModelsInLanguage, language, here));
    } else {
        d.add_note(words!(AddModelsRonScenario, model, language));
    }
}

/// Unreachable nodes, and nodes from which no ending can be reached. Routes count as edges.
/// An edge to nowhere (`dangling`, already an error) may be meant for any node: reachability
/// is then not judged at all, and its node is taken to lead to an ending.
fn graph(
    r: &mut Report,
    s: &Scenario,
    start: Option<usize>,
    edges: &[Vec<usize>],
    dangling: &[bool],
    index: &HashMap<&str, usize>,
) {
    // A duplicate node has its own error; report the graph only for the first of an id.
    let is_first = |i: usize| index.get(s.nodes[i].id.as_str()) == Some(&i);
    use Seg::{Field as F, Index as I};
    let n = s.nodes.len();
    if let Some(start) = start.filter(|_| !dangling.contains(&true)) {
        let mut seen = vec![false; n];
        let mut stack = vec![start];
        seen[start] = true;
        while let Some(here) = stack.pop() {
            for &to in &edges[here] {
                if !seen[to] {
                    seen[to] = true;
                    stack.push(to);
                }
            }
        }
        for (i, node) in s.nodes.iter().enumerate() {
            if !seen[i] && is_first(i) {
                let (id, start) = (&node.id, &s.start);
                r.push(
                    Code::UnreachableNode,
                    &[F("nodes"), I(i), F("id")],
                    words!(NodeCannotBeReached, id, start),
                );
            }
        }
    }

    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (from, tos) in edges.iter().enumerate() {
        for &to in tos {
            reverse[to].push(from);
        }
    }
    let mut ends = vec![false; n];
    let mut stack: Vec<usize> = (0..n)
        .filter(|&i| s.nodes[i].ending.is_some() || dangling[i])
        .collect();
    for &i in &stack {
        ends[i] = true;
    }
    while let Some(here) = stack.pop() {
        for &from in &reverse[here] {
            if !ends[from] {
                ends[from] = true;
                stack.push(from);
            }
        }
    }
    for (i, node) in s.nodes.iter().enumerate() {
        // A node with neither choices nor ending already has its own error.
        if !ends[i] && node.choices.is_some() && is_first(i) {
            let id = &node.id;
            r.push(
                Code::NoEndingReachable,
                &[F("nodes"), I(i), F("id")],
                words!(NoEndingCanBe, id),
            )
            .add_note(words!(EveryPathFromHere));
        }
    }
}

/// Problems in an encounter model.
pub fn model(model: &Loaded<EncounterModel>) -> Vec<Diagnostic> {
    use Seg::{Field as F, Index as I};
    let m = &model.value;
    let mut r = Report::new(model);
    r.id(&[F("id")], &m.id, words!(WhatModel));
    r.language(&[F("language")], &m.language);
    r.text(&[F("name")], &m.name, words!(WhatModelName));
    if m.steps.is_empty() {
        let id = &m.id;
        r.push(Code::EmptyModel, &[F("steps")], words!(ModelHasNoSteps, id));
    }
    let mut steps: HashMap<&str, usize> = HashMap::new();
    let mut pitfalls: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, step) in m.steps.iter().enumerate() {
        let sp = |field: &'static str| [F("steps"), I(i), F(field)];
        r.id(&sp("id"), &step.id, words!(WhatStep));
        if let Some(&first) = steps.get(step.id.as_str()) {
            let line = r.line_of(&[F("steps"), I(first), F("id")]);
            let id = &step.id;
            r.push(Code::DuplicateId, &sp("id"), words!(StepIdUsedTwice, id))
                .add_note(words!(FirstUsedLine, line));
        } else {
            steps.insert(&step.id, i);
        }
        r.text(&sp("name"), &step.name, words!(WhatStepName));
        r.text(
            &sp("description"),
            &step.description,
            words!(WhatStepDescription),
        );
        for (k, text) in step.looks_like.iter().enumerate() {
            r.text(
                &[F("steps"), I(i), F("looks_like"), I(k)],
                text,
                words!(WhatLooksLikeEntry),
            );
        }
        for (k, pitfall) in step.pitfalls.iter().enumerate() {
            let pp = |field: &'static str| [F("steps"), I(i), F("pitfalls"), I(k), F(field)];
            r.id(&pp("id"), &pitfall.id, words!(WhatPitfall));
            if let Some(&(si, pi)) = pitfalls.get(pitfall.id.as_str()) {
                let line = r.line_of(&[F("steps"), I(si), F("pitfalls"), I(pi), F("id")]);
                let (id, first_step) = (&pitfall.id, &m.steps[si].id);
                r.push(
                    Code::DuplicatePitfall,
                    &pp("id"),
                    words!(PitfallIdUsedTwice, id),
                )
                .add_note(words!(FirstUsedLineStep, line, first_step));
            } else {
                pitfalls.insert(&pitfall.id, (i, k));
            }
            r.text(&pp("name"), &pitfall.name, words!(WhatPitfallName));
            r.text(
                &pp("description"),
                &pitfall.description,
                words!(WhatPitfallDescription),
            );
        }
    }
    r.out
}

/// Where a scenario file stands in the library, for checks across files.
pub struct Presence<'a> {
    pub id: &'a str,
    pub language: &'a str,
}

/// Problems that need the whole library, such as a scenario in one language only.
pub fn library(scenarios: &[Loaded<Scenario>]) -> Vec<Diagnostic> {
    let others: Vec<Presence> = Vec::new();
    library_among(scenarios, &others, &[])
}

/// As [`library`], also counting `others` (scenario files not checked here, or broken ones)
/// as present, and `languages` as languages the library is written in.
pub fn library_among(
    scenarios: &[Loaded<Scenario>],
    others: &[Presence],
    languages: &[&str],
) -> Vec<Diagnostic> {
    let mut present: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut all_languages: HashSet<&str> = languages.iter().copied().collect();
    let pairs = scenarios
        .iter()
        .map(|s| (s.value.id.as_str(), s.value.language.as_str()))
        .chain(others.iter().map(|p| (p.id, p.language)));
    for (id, language) in pairs {
        present.entry(id).or_default().insert(language);
        all_languages.insert(language);
    }
    let mut out = Vec::new();
    for s in scenarios {
        let v = &s.value;
        let langs = &present[v.id.as_str()];
        if langs.len() > 1 {
            continue;
        }
        let mut missing: Vec<&str> = all_languages
            .iter()
            .copied()
            .filter(|l| *l != v.language && is_valid_language(l))
            .collect();
        if missing.is_empty() {
            continue;
        }
        missing.sort_unstable();
        let span = s.outline.span(&[Seg::Field("language")]).unwrap_or(0..0);
        let (id, language) = (&v.id, &v.language);
        let languages = missing
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let files = missing
            .iter()
            .map(|l| format!("{l}/{id}.ron"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            Diagnostic::new(
                Code::OneLanguageOnly,
                &s.source,
                span,
                words!(ScenarioExistsOnly, id, language),
            )
            .note(words!(AddVersion, languages, files)),
        );
    }
    out
}

/// The language a file's folder names (`en/x.ron` → `en`), if the folder is named after one
/// of `languages` (the languages the library has models in; `/tmp` is not Tumbuka).
pub fn folder_language<'a>(name: &'a str, languages: &[&str]) -> Option<&'a str> {
    let parent = Path::new(name).parent()?.file_name()?.to_str()?;
    let parent = parent.rsplit(':').next().unwrap_or(parent);
    languages.contains(&parent).then_some(parent)
}

/// A scenario in a language folder of another language: the library sorts by content, but a
/// reader of the folder is misled.
pub fn folder(scenario: &Loaded<Scenario>, languages: &[&str]) -> Option<Diagnostic> {
    let folder = folder_language(&scenario.source.name, languages)?;
    let language = scenario.value.language.as_str();
    (folder != language && is_valid_language(language)).then(|| {
        let span = scenario
            .outline
            .span(&[Seg::Field("language")])
            .unwrap_or(0..0);
        Diagnostic::new(
            Code::WrongFolder,
            &scenario.source,
            span,
            words!(ScenarioLanguageFolder, language, folder),
        )
        .note(words!(MoveFolderNamed, language))
    })
}

/// Problems in a scenario test file: the scenario it names, and each path's nodes and choice
/// numbers. The scenario is looked up among `candidates`, in the language the file's folder
/// names if it is one of `languages`. `broken` lists ids of scenarios that exist but could not
/// be loaded (they have their own errors, so their tests are not checked further).
pub fn tests<'s>(
    tests: &Loaded<ScenarioTests>,
    candidates: &[&'s Scenario],
    broken: &[&str],
    languages: &[&str],
    model: impl Fn(&Scenario) -> Option<&'s EncounterModel>,
) -> Vec<Diagnostic> {
    use Seg::{Field as F, Index as I};
    let t = &tests.value;
    let mut r = Report::new(tests);
    let language = folder_language(&tests.source.name, languages);
    let in_language = |s: &&&Scenario| language.is_none_or(|l| s.language == l);
    let Some(scenario) = candidates
        .iter()
        .filter(in_language)
        .find(|s| s.id == t.scenario)
        .copied()
    else {
        if broken.contains(&t.scenario.as_str()) {
            return r.out;
        }
        let ids = candidates.iter().filter(in_language).map(|s| s.id.as_str());
        let suggestion = did_you_mean(&t.scenario, ids);
        let id = &t.scenario;
        let message = match language {
            Some(l) => words!(NoScenarioInLanguage, id, l),
            None => words!(NoScenarioWithId, id),
        };
        let d = r.push(Code::TestUnknownScenario, &[F("scenario")], message);
        d.offer(suggestion);
        return r.out;
    };
    let nodes: HashMap<&str, &super::types::Node> =
        scenario.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let node_suggester = OnceCell::new();
    let node_ids = || {
        node_suggester.get_or_init(|| Suggester::new(scenario.nodes.iter().map(|n| n.id.as_str())))
    };
    let step_suggester = OnceCell::new();
    let model = model(scenario);
    for (i, play) in t.tests.iter().enumerate() {
        for (k, (node, number)) in play.path.iter().enumerate() {
            let step = [F("tests"), I(i), F("path"), I(k)];
            let Some(found) = nodes.get(node.as_str()) else {
                let suggestion = node_ids().suggest(node);
                let id = &scenario.id;
                let d = r.push(
                    Code::TestUnknownNode,
                    &[step[0], step[1], step[2], step[3], I(0)],
                    words!(ScenarioHasNoNode, id, node),
                );
                d.offer(suggestion);
                continue;
            };
            let count = found.choice_list().len();
            if *number < 1 || *number as u64 > count as u64 {
                let range = match count {
                    0 => words!(NodeHasNoChoices, node),
                    1 => words!(NodeHas1Choice, node),
                    n => words!(NodeHasChoices1, node, n),
                };
                r.push(
                    Code::TestBadChoice,
                    &[step[0], step[1], step[2], step[3], I(1)],
                    words!(NoChoiceHere, number, range),
                )
                .add_note(words!(ChoicesAreCountedFrom));
            }
        }
        let expect = |field: &'static str| [F("tests"), I(i), F("expect"), F(field)];
        if let Some(ending) = &play.expect.ending
            && !nodes.contains_key(ending.as_str())
        {
            let suggestion = node_ids().suggest(ending);
            let id = &scenario.id;
            let d = r.push(
                Code::TestUnknownNode,
                &expect("ending"),
                words!(ScenarioHasNoEndingNode, id, ending),
            );
            d.offer(suggestion);
        }
        for (field, what, bound) in [
            (
                "fit_at_least",
                words!(WhatFitAtLeast),
                play.expect.fit_at_least,
            ),
            (
                "fit_at_most",
                words!(WhatFitAtMost),
                play.expect.fit_at_most,
            ),
        ] {
            if let Some(v) = bound {
                r.range(&expect(field), v, (0, 100), what);
            }
        }
        for (field, what, bound) in [
            (
                "mood_at_least",
                words!(WhatMoodAtLeast),
                play.expect.mood_at_least,
            ),
            (
                "mood_at_most",
                words!(WhatMoodAtMost),
                play.expect.mood_at_most,
            ),
        ] {
            if let Some(v) = bound {
                r.range(&expect(field), v, MOODS, what);
            }
        }
        if let Some(v) = play.expect.order_notes {
            // A pair of steps raises at most one note: a model of 64 steps is far past any real one.
            r.range(&expect("order_notes"), v, (0, 2016), words!(WhatOrderNotes));
        }
        if let Some(model) = model {
            for (field, list) in [
                ("shown", &play.expect.shown),
                ("broken", &play.expect.broken),
                ("missed", &play.expect.missed),
                ("not_reached", &play.expect.not_reached),
            ] {
                for (k, step) in list.iter().enumerate() {
                    if model.step(step).is_none() {
                        let suggestion = step_suggester
                            .get_or_init(|| {
                                Suggester::new(model.steps.iter().map(|s| s.id.as_str()))
                            })
                            .suggest(step);
                        let path = [F("tests"), I(i), F("expect"), F(field), I(k)];
                        let d = r.push(Code::UnknownStep, &path, words!(UnknownStep, step));
                        d.offer(suggestion);
                    }
                }
            }
        }
    }
    r.out
}
