//! Stable diagnostic codes. A code, once published, keeps its meaning: editors and CI match on it.

use serde::Serialize;

use super::diagnostic::Level;

macro_rules! codes {
    ($($variant:ident = $code:literal, $level:ident, $title:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable code, e.g. `K0101`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            pub fn level(self) -> Level {
                match self { $(Code::$variant => Level::$level,)* }
            }

            /// A short title for the code, as `kohtaa explain` lists it.
            pub fn title(self) -> &'static str {
                match self { $(Code::$variant => $title,)* }
            }

            pub fn parse(code: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|c| c.as_str().eq_ignore_ascii_case(code))
            }
        }
    };
}

codes! {
    // K01: the file as a whole, and RON structure.
    Syntax = "K0101", Error, "RON syntax error";
    UnknownField = "K0102", Error, "unknown field";
    MissingField = "K0103", Error, "missing field";
    WrongType = "K0104", Error, "value of the wrong type";
    UnknownVariant = "K0105", Error, "unknown variant";
    DuplicateField = "K0106", Error, "field given twice";
    FileTooLarge = "K0107", Error, "file too large";
    TooDeep = "K0108", Error, "nesting too deep";
    NotUtf8 = "K0109", Error, "file is not UTF-8";
    Unreadable = "K0110", Error, "file cannot be read";
    UnknownFileKind = "K0111", Error, "file is not a scenario, model, style or test file";
    // K02: values.
    OutOfRange = "K0201", Error, "value out of range";
    BadId = "K0202", Error, "malformed id";
    DuplicateId = "K0203", Error, "duplicate id";
    BadLanguage = "K0204", Error, "malformed language tag";
    EmptyText = "K0205", Error, "empty text";
    WrongFolder = "K0206", Warning, "file in a folder that does not match its contents";
    MoodWordTwice = "K0207", Error, "mood given two words";
    MoodWordLines = "K0208", Error, "mood word on more than one line";
    LongMoodWord = "K0209", Warning, "long mood word";
    // K03: the graph.
    UnknownStart = "K0301", Error, "start names no node";
    UnknownNext = "K0302", Error, "next names no node";
    UnknownRouteTarget = "K0303", Error, "route names no node";
    ChoicesAndEnding = "K0304", Error, "node has both choices and an ending";
    NoChoicesNoEnding = "K0305", Error, "node has neither choices nor an ending";
    ChoiceCount = "K0306", Error, "node has too few or too many choices";
    NothingSaid = "K0307", Error, "node has neither narration nor say";
    RouteWithoutBound = "K0308", Error, "route without min_mood or max_mood";
    RouteNeverMatches = "K0309", Error, "route whose min_mood is above its max_mood";
    // K04: the encounter model.
    UnknownStep = "K0401", Error, "unknown step id";
    UnknownPitfall = "K0402", Error, "unknown pitfall id";
    UnknownModel = "K0403", Error, "no model file for the scenario's model and language";
    DuplicatePitfall = "K0404", Error, "pitfall id used twice in a model";
    FitsAndBreaks = "K0405", Error, "choice both fits and breaks the same step";
    EmptyModel = "K0406", Error, "model without steps";
    // K05: text hygiene.
    ControlCharacter = "K0501", Error, "control character in text";
    BidiControl = "K0502", Error, "bidirectional control character in text";
    InvisibleCharacter = "K0503", Warning, "invisible character in text";
    // K06: warnings about the scenario as a whole.
    UnreachableNode = "K0601", Warning, "node cannot be reached from start";
    NoEndingReachable = "K0602", Warning, "no ending can be reached from this node";
    UntaggedChoice = "K0603", Warning, "choice with neither fits, breaks nor feedback";
    NoStepPractised = "K0604", Warning, "scenario practises no step";
    OneLanguageOnly = "K0605", Warning, "scenario present in one language only";
    Override = "K0606", Note, "user scenario overrides a bundled one";
    FocusNotFitted = "K0607", Warning, "focus step that no choice fits";
    NoFeedback = "K0608", Warning, "choice without feedback";
    // K07: scenario test files.
    TestUnknownScenario = "K0701", Error, "test file names no scenario";
    TestUnknownNode = "K0702", Error, "playthrough names no node";
    TestBadChoice = "K0703", Error, "playthrough names no such choice";
    TestFailed = "K0704", Error, "playthrough does not meet its expectation";
    // K08: style files.
    StyleIncomplete = "K0801", Error, "style file is missing a style or a pair";
    StyleQuestionCount = "K0802", Error, "self-check has too few or too many statements";
    UnknownPlaceholder = "K0803", Error, "unknown placeholder in a style text";
    ScaleLabels = "K0804", Error, "self-check scale without five labels";
    SelfCheckUnbalanced = "K0805", Warning, "self-check pole with fewer than two statements";
    FramingLeavesOut = "K0806", Error, "feedback framing leaves out a part every style shows";
    // K09: design advice from `kohtaa analyze`, which looks at every path.
    FocusBrokenResolved = "K0901", Warning, "Resolved ending reachable with a focus step broken";
    AnswerByLength = "K0902", Warning, "the longest answer is a good one more often than chance";
    LongestWins = "K0903", Warning, "always taking the longest answer reaches the best fit";
    MoodAnswerKey = "K0904", Warning, "the mood change gives the answer away";
    BestPathImperfect = "K0905", Warning, "the best path is not perfect";
    NoRecovery = "K0906", Warning, "no recovery from a bad first answer";
    MistakeRaisesMood = "K0907", Note, "a bad choice raises the mood";
    GoodLowersMood = "K0908", Note, "a good choice lowers the mood";
    FocusBrokenPartial = "K0909", Note, "Partial ending reachable with a focus step broken";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
