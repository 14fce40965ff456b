//! `kohtaa explain [CODE]`: what a diagnostic code means and how to fix it.
//!
//! The explanations follow the interface language. The diagnostics themselves stay English
//! for now, so the Finnish texts keep field names, ids and RON snippets as written in a file.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use super::{Global, Lang, ui_language};
use crate::content::{Code, Level};

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A diagnostic code such as K0302 (without one: list every code).
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
}

pub fn run(global: &Global, args: &ExplainArgs) -> ExitCode {
    let lang = ui_language(global);
    let mut out = std::io::stdout().lock();
    let Some(code) = &args.code else {
        let width = Code::ALL
            .iter()
            .map(|c| level_in(c.level(), lang).chars().count())
            .max()
            .unwrap_or(0);
        for code in Code::ALL {
            let _ = writeln!(
                out,
                "{}  {:<width$}  {}",
                code.as_str(),
                level_in(code.level(), lang),
                title_in(*code, lang)
            );
        }
        return ExitCode::SUCCESS;
    };
    match Code::parse(code.trim()) {
        Some(code) => {
            let _ = write!(out, "{}", explain_in(code, lang));
            ExitCode::SUCCESS
        }
        None => {
            let code = crate::content::text::display_safe(code);
            match lang {
                Lang::En => {
                    eprintln!("error: no such code `{code}`; run `kohtaa explain` to list them all")
                }
                Lang::Fi => eprintln!(
                    "virhe: koodia `{code}` ei ole; kaikki koodit näet komennolla `kohtaa explain`"
                ),
            }
            ExitCode::from(2)
        }
    }
}

/// The full English text for one code: headline, then what it means and how to fix it.
pub fn explain(code: Code) -> String {
    explain_in(code, Lang::En)
}

/// The full text for one code in `lang`.
pub fn explain_in(code: Code, lang: Lang) -> String {
    format!(
        "{} ({}): {}\n\n{}\n",
        code.as_str(),
        level_in(code.level(), lang),
        title_in(code, lang),
        text_in(code, lang)
    )
}

/// The code's short title in `lang`, as the list shows it.
pub fn title_in(code: Code, lang: Lang) -> &'static str {
    match lang {
        Lang::En => code.title(),
        Lang::Fi => finnish(code).0,
    }
}

/// What the code means and how to fix it, in `lang`.
pub fn text_in(code: Code, lang: Lang) -> &'static str {
    match lang {
        Lang::En => EXPLANATIONS
            .iter()
            .find(|(c, _)| *c == code)
            .map_or("", |(_, text)| text)
            .trim(),
        Lang::Fi => finnish(code).1.trim(),
    }
}

/// The word for a level in `lang`.
pub fn level_in(level: Level, lang: Lang) -> &'static str {
    match lang {
        Lang::En => level.name(),
        Lang::Fi => match level {
            Level::Error => "virhe",
            Level::Warning => "varoitus",
            Level::Note => "huomautus",
        },
    }
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
        "Files over 16 MiB (16,777,216 bytes) are refused, to protect the program: the
message gives the file's size and the limit in bytes. Only that much is ever read,
whatever size the file claims. Split the content into several scenarios.",
    ),
    (
        Code::TooDeep,
        "Values are nested deeper than the parser allows. Content files are shallow;
this usually means runaway brackets.",
    ),
    (
        Code::NotUtf8,
        "The file is not valid UTF-8 at the spot shown. Save it as UTF-8 in your editor.
A byte-order mark at the start of the file is fine.",
    ),
    (
        Code::Unreadable,
        "The file or folder could not be read (permissions, or it vanished), or it is not a
regular file: a FIFO, a device or a link to one is never read, so that nothing can make
the program wait or read without end. The message gives the reason.",
    ),
    (
        Code::UnknownFileKind,
        "The file is not a scenario, model, style or test file. Start it with
`Scenario(`, `EncounterModel(`, `ScenarioTests(` or the style file's name.",
    ),
    (
        Code::OutOfRange,
        "A number outside its allowed range: difficulty 1 to 3; moods (start mood, mood
changes, route bounds, the moods in `mood_words`) -5 to 5; in test files, fit
percentages 0 to 100.",
    ),
    // The customer's own mood words (`mood_words`).
    (
        Code::MoodWordTwice,
        "The customer's `mood_words` give one mood two words, e.g. `-2:` on two lines.
Only one of them could ever show, so say which: keep one entry for each mood from -5
to 5.",
    ),
    (
        Code::MoodWordLines,
        "A mood word holds a line break. The word stands on one line beside the mood
meter and in plain mode's sentences: write it on one line.",
    ),
    (
        Code::LongMoodWord,
        "A mood word longer than 30 characters. It stands beside the mood meter, which
must fit an 80-column terminal and a projector: name the feeling in a word or two
(\"distressed\", \"relieved\"), not a sentence about it.",
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
        "A control character (such as ESC, written raw or as an escape like `\\u{1b}`; the
C1 controls U+0080-U+009F; DEL) or a line separator (U+2028, U+2029) in text. It could
rewrite a learner's terminal, or show differently in each, so it is refused. Remove it;
newlines (`\\n`) and tabs are fine.",
    ),
    (
        Code::BidiControl,
        "A bidirectional control character (U+202A-U+202E, U+2066-U+2069 and the like) in
text. It can make a line display differently from what it says. Remove it.",
    ),
    (
        Code::InvisibleCharacter,
        "An invisible character (zero-width space, soft hyphen, byte-order mark, variation
selector, Hangul filler...) in text. It is harmless to show but hides what the text
really holds, e.g. an id that looks right and does not match. Remove it unless you
mean it. Accepted where text needs it: a zero-width joiner between emoji, U+FE0F after
an emoji, a zero-width non-joiner between letters of a script that writes with it
(Arabic, Persian, Indic scripts), tag characters in a flag.",
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
`{start}` and `{end}`, `mood_run_held` `{start}`, `words.fit` `{fit}`, `words.order` `{early}` and `{late}`;
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
    (
        Code::FocusBrokenResolved,
        "A path breaks one of the scenario's `focus` steps and still ends at a `Resolved`
ending: the learner is told they succeeded while doing the very thing the scenario trains
against. `kohtaa analyze` names every such step for every such ending, each with the
shortest path that does it. Send the breaking choice towards a `Partial` or worse ending.",
    ),
    (
        Code::AnswerByLength,
        "At the nodes where some choices are good (they show a step and break none) and some
bad (they break a step or name a pitfall), the longest choice, counted in words, is a good
one more often than chance would give. Chance is the sum over those nodes of good choices
divided by all choices. The warning needs at least 3 such nodes, and that so many long good
answers would come by chance with a probability of 10 % or less. Learners notice: let a
wrong answer be the long, fluent one (the info-dump, the rule recital, the warm
overpromise), and a good one be what a skilled person would say in one or two moves.",
    ),
    (
        Code::LongestWins,
        "A learner who always picks the longest choice reaches the best model fit of the
scenario: the longest answer works as a strategy from the start to the end (see also
K0902). Shorten a good answer or lengthen a wrong one on the path shown.",
    ),
    (
        Code::MoodAnswerKey,
        "The mood meter gives the answer away: at more than half of the nodes with good and
bad choices (3 at least), every good choice changes the mood more than every bad one; or a
learner who always takes the highest mood change (following every tie) can reach an ending
with the best outcome of the scenario. Real mistakes often feel good at first: let a promise
that cannot be kept, or siding with the customer against a colleague, raise the mood now
and lead to a worse ending later.",
    ),
    (
        Code::BestPathImperfect,
        "No path scores 100 % with no order notes: the best path misses or breaks a step, or
shows the steps out of the model's order. A learner who does everything right must see a
perfect result. `kohtaa analyze` names the best path and what is wrong with it. A step is
missed when a choice on the path fits it but the path never shows it: offer it again
later on that path, or move the choices so the steps come in the model's order.",
    ),
    (
        Code::NoRecovery,
        "A bad first answer (a choice at `start` that breaks a step or names a pitfall) after
which no path reaches a `Partial` or `Resolved` ending. Real work asks for repair: from
every early mistake some path should still lead to a partial or good ending, so that the
learner practises turning the conversation round. Add a way back after the mistake.",
    ),
    (
        Code::MistakeRaisesMood,
        "A bad choice (it breaks a step or names a pitfall) raises the mood. Often true to
life, and then a fair trap: a promise that cannot be kept pleases now and costs later.
Make sure the feedback says what it costs, and that the path leads somewhere worse.
A note, shown by `kohtaa analyze --notes`.",
    ),
    (
        Code::GoodLowersMood,
        "A good choice (it shows a step and breaks none) lowers the mood by 2 or more. Often
true to life: a clear refusal is unwelcome. Make sure the feedback says why the answer was
right anyway. A note, shown by `kohtaa analyze --notes`.",
    ),
    (
        Code::FocusBrokenPartial,
        "A path breaks one of the `focus` steps and still ends at a `Partial` ending. Usually
intended: the learner repaired part of the conversation. Check that the ending's summary
and the feedback say what the broken step cost. A note, shown by `kohtaa analyze --notes`.",
    ),
];

/// The Finnish title and explanation of each code. A match with no catch-all arm, so a new
/// code does not compile until it has its Finnish text.
fn finnish(code: Code) -> (&'static str, &'static str) {
    match code {
        Code::Syntax => (
            "RON-syntaksivirhe",
            "Tiedosto ei ole kelvollista RON-muotoa: sulkumerkki, pilkku, kaksoispiste tai
lainausmerkki puuttuu tai on ylimääräinen. Katso näytettyä kohtaa ja sitä edeltävää
tekstiä: sulkematon `(` tai `\"` paljastuu usein vasta paljon alempana. Tekstit
kirjoitetaan lainausmerkkeihin, ja kentät muodossa `name: value,`.",
        ),
        Code::UnknownField => (
            "tuntematon kenttä",
            "Kenttä, jota tällaisella arvolla ei ole. Kirjoitusvirhettä ei koskaan ohiteta,
koska kentän teksti katoaisi silloin huomaamatta. Käytä ehdotettua nimeä, tai katso
README:n skenaarioiden kirjoittamista käsittelevästä osasta, mitä kenttiä kullakin
arvolla on.",
        ),
        Code::MissingField => (
            "puuttuva kenttä",
            "Pakollinen kenttä puuttuu. RON osoittaa sen arvon loppusulkeeseen `)`, josta
kenttä puuttuu. Lisää kenttä; README kertoo, mitkä kentät ovat pakollisia.",
        ),
        Code::WrongType => (
            "väärän tyyppinen arvo",
            "Arvo on väärää lajia: tekstiä luvun paikalla, luku luettelon paikalla ja niin
edelleen. Teksti kirjoitetaan lainausmerkkeihin, luvut sellaisenaan, luettelot
hakasulkeisiin `[ ]` ja rakenteet, kuten `Customer(...)`, kaarisulkeisiin.",
        ),
        Code::UnknownVariant => (
            "nimi ei ole sallittujen joukossa",
            "Nimi, joka ei ole sallittujen joukossa: esimerkiksi asiakkaan tyyli, joka ei ole
D, i, S eikä C, lopputulos, joka ei ole Resolved, Partial, Unresolved eikä Escalated,
tai rakenteen nimi (ennen sulkeita), joka ei sovi tähän kohtaan.",
        ),
        Code::DuplicateField => (
            "kenttä annettu kahdesti",
            "Sama kenttä on kirjoitettu samaan arvoon kahdesti. Jätä niistä vain toinen.",
        ),
        Code::FileTooLarge => (
            "tiedosto on liian suuri",
            "Yli 16 MiB:n (16 777 216 tavun) tiedostot hylätään, jotta ohjelma ei kaadu:
viesti kertoo tiedoston koon ja enimmäiskoon tavuina. Enempää ei koskaan lueta, vaikka
tiedosto ilmoittaisi kokonsa toiseksi. Jaa sisältö useaksi skenaarioksi.",
        ),
        Code::TooDeep => (
            "liian syvä sisäkkäisyys",
            "Arvot ovat sisäkkäin syvemmällä kuin jäsennin sallii. Sisältötiedostot ovat
matalia, joten syynä on yleensä sulkeiden hallitsematon kasautuminen.",
        ),
        Code::NotUtf8 => (
            "tiedosto ei ole UTF-8-muodossa",
            "Tiedosto ei ole näytetyssä kohdassa kelvollista UTF-8:aa. Tallenna se
editorissasi UTF-8-muodossa. Tavujärjestysmerkki (BOM) tiedoston alussa on sallittu.",
        ),
        Code::Unreadable => (
            "tiedostoa ei voi lukea",
            "Tiedostoa tai kansiota ei voitu lukea (käyttöoikeudet eivät riitä, tai se on
kadonnut), tai se ei ole tavallinen tiedosto: nimettyä putkea (FIFO), laitetta tai
linkkiä sellaiseen ei koskaan lueta, jottei mikään saa ohjelmaa odottamaan tai lukemaan
loputtomiin. Viesti kertoo syyn.",
        ),
        Code::UnknownFileKind => (
            "tiedosto ei ole skenaario-, malli-, tyyli- eikä testitiedosto",
            "Tiedosto ei ole skenaario-, malli-, tyyli- eikä testitiedosto. Aloita se
merkinnällä `Scenario(`, `EncounterModel(`, `ScenarioTests(` tai tyylitiedoston
rakenteen nimellä.",
        ),
        Code::OutOfRange => (
            "arvo sallitun välin ulkopuolella",
            "Luku on sallitun välin ulkopuolella: vaikeustaso 1–3; mielialat (mieliala
alussa, mielialan muutokset, reittien rajat, `mood_words`-kentän mielialat) -5…5;
testitiedostoissa mallin mukaisuuden prosentit 0–100.",
        ),
        // Asiakkaan omat mielialasanat (`mood_words`).
        Code::MoodWordTwice => (
            "mielialalle on annettu kaksi sanaa",
            "Asiakkaan `mood_words`-kentässä samalle mielialalle on kaksi sanaa, esimerkiksi
`-2:` kahdella rivillä. Vain toinen niistä voisi koskaan näkyä, joten valitse:
kullekin mielialalle -5…5 yksi rivi.",
        ),
        Code::MoodWordLines => (
            "mielialasana usealla rivillä",
            "Mielialasanassa on rivinvaihto. Sana näkyy yhdellä rivillä mielialamittarin
vieressä ja tekstitilan lauseissa, joten kirjoita se yhdelle riville, esimerkiksi
`-4: \"itkuinen\"`.",
        ),
        Code::LongMoodWord => (
            "pitkä mielialasana",
            "Mielialasana on yli 30 merkkiä pitkä. Se näkyy mielialamittarin vieressä, jonka
on mahduttava 80 merkin levyiseen päätteeseen ja projektorin kuvaan. Nimeä tunne
yhdellä tai kahdella sanalla (\"hätääntynyt\", \"helpottunut\"), älä kuvaile sitä
lauseella.",
        ),
        Code::BadId => (
            "virheellinen id",
            "Id:ssä (skenaarioiden, solmujen, mallien, askelten ja sudenkuoppien) saa olla
vain pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä, esimerkiksi `waiting-room`.
Id:t ovat pysyviä avaimia, joihin muut tiedostot ja tallennettu historia viittaavat;
käytä ehdotettua muotoa.",
        ),
        Code::DuplicateId => (
            "sama id kahdesti",
            "Skenaarion kahdella solmulla, mallin kahdella askeleella tai kahdella saman
kielen skenaariotiedostolla on sama id. Id:n on oltava yksilöllinen, joten nimeä
toinen uudelleen. Viestin huomautus kertoo, missä toinen on.",
        ),
        Code::BadLanguage => (
            "virheellinen kielitunnus",
            "Kieli merkitään BCP 47 -kielitunnuksen pääosalla: kaksi tai kolme pientä
kirjainta, kuten `en` tai `fi`. Aluetunnuksia, kuten `en-GB`, ei käytetä.",
        ),
        Code::EmptyText => (
            "tyhjä teksti",
            "Tekstikentässä ei ole muuta kuin tyhjää (välilyöntejä tai rivinvaihtoja).
Kirjoita teksti, tai jätä kenttä pois, jos se ei ole pakollinen.",
        ),
        Code::WrongFolder => (
            "tiedosto on kansiossa, joka ei vastaa sen sisältöä",
            "Skenaario on toisen kielen kansiossa (`en/`, `fi/`) kuin sen `language`-kenttä
kertoo. Siirrä tiedosto oikeaan kansioon tai korjaa kenttä.",
        ),
        Code::UnknownStart => (
            "start viittaa solmuun, jota ei ole",
            "`start` viittaa solmuun, jota skenaariossa ei ole. Käytä ensimmäisen solmun
id:tä; viesti ehdottaa lähintä id:tä.",
        ),
        Code::UnknownNext => (
            "next viittaa solmuun, jota ei ole",
            "Valinnan `next` viittaa solmuun, jota skenaariossa ei ole. Korjaa id (katso
ehdotus) tai lisää solmu.",
        ),
        Code::UnknownRouteTarget => (
            "reitti viittaa solmuun, jota ei ole",
            "Reitin `next` viittaa solmuun, jota skenaariossa ei ole. Korjaa id tai lisää
solmu.",
        ),
        Code::ChoicesAndEnding => (
            "solmussa on sekä valinnat että lopetus",
            "Solmussa on sekä `choices` että `ending`. Solmu joko tarjoaa harjoittelijalle
valinnat tai päättää keskustelun: poista toinen.",
        ),
        Code::NoChoicesNoEnding => (
            "solmussa ei ole valintoja eikä lopetusta",
            "Solmussa ei ole `choices`- eikä `ending`-kenttää, joten keskustelu pysähtyisi
ilman lopputulosta. Lisää valinnat tai `ending: Ending(outcome: ..., summary: ...)`.",
        ),
        Code::ChoiceCount => (
            "solmussa on liian vähän tai liian monta valintaa",
            "Solmussa voi olla 1–6 valintaa. Tyhjä luettelo jättää harjoittelijan jumiin, ja
yli kuusi valintaa ei mahdu ruudulle eikä harjoittelijan mieleen. Jaa tilanne kahdeksi
solmuksi.",
        ),
        Code::NothingSaid => (
            "solmussa ei ole narration- eikä say-kenttää",
            "Solmussa ei ole `narration`- eikä `say`-kenttää, joten harjoittelija ei näkisi
mitään tapahtuvan. Lisää, mitä tapahtuu (`narration`) tai mitä asiakas sanoo (`say`).",
        ),
        Code::RouteWithoutBound => (
            "reitiltä puuttuu min_mood ja max_mood",
            "Reitillä ei ole `min_mood`- eikä `max_mood`-rajaa, joten se valittaisiin aina
eikä valinnan omaa `next`-kenttää koskaan. Anna raja, tai siirrä reitin kohde
valinnan `next`-kenttään.",
        ),
        Code::RouteNeverMatches => (
            "reitin min_mood on suurempi kuin max_mood",
            "Reitin `min_mood` on suurempi kuin sen `max_mood`, joten mikään mieliala ei osu
väliin. Rajat kuuluvat itse väliin; vaihda ne keskenään tai korjaa ne.",
        ),
        Code::UnknownStep => (
            "tuntematon askeleen id",
            "Askeleen id (kentässä `fits`, `breaks` tai `focus` tai testin odotuksissa), jota
skenaarion kohtaamismallissa ei ole. Käytä ehdotettua id:tä; sudenkuopan id kuuluu
kenttään `pitfalls` eikä kenttään `breaks`.",
        ),
        Code::UnknownPitfall => (
            "tuntematon sudenkuopan id",
            "Kentässä `pitfalls` on sudenkuopan id, jota kohtaamismallissa ei ole. Käytä
ehdotettua id:tä tai lisää sudenkuoppa malliin.",
        ),
        Code::UnknownModel => (
            "skenaarion mallille ja kielelle ei ole mallitiedostoa",
            "Skenaarion kielellä ei ole kohtaamismallia, jonka id on sama kuin skenaarion
`model` (oletuksena `default`). Korjaa id tai lisää skenaariokansioosi tiedosto
`models/<id>.<language>.ron`.",
        ),
        Code::DuplicatePitfall => (
            "sama sudenkuopan id kahdesti mallissa",
            "Mallin kahdella sudenkuopalla on sama id. Sudenkuoppien id:t ovat yksilöllisiä
koko mallissa, jotta skenaarion `pitfalls` viittaa aina täsmälleen yhteen; nimeä
toinen uudelleen.",
        ),
        Code::FitsAndBreaks => (
            "valinta sekä noudattaa että rikkoo samaa askelta",
            "Valinnalla on sama askel sekä kentässä `fits` että kentässä `breaks`, tai se
noudattaa askelta, jonka jokin sen `pitfalls`-kentän sudenkuopista rikkoo. Vastaus
joko noudattaa askelta tai rikkoo sen; poista toinen.",
        ),
        Code::EmptyModel => (
            "malli ilman askelia",
            "Kohtaamismallissa ei ole askelia, joten skenaarioiden vastauksiin ei voisi
liittää yhtään askelta. Lisää malliin sen askeleet.",
        ),
        Code::ControlCharacter => (
            "ohjausmerkki tekstissä",
            "Tekstissä on ohjausmerkki (esimerkiksi ESC sellaisenaan tai koodina, kuten
`\\u{1b}`; C1-ohjausmerkit U+0080-U+009F; DEL) tai rivierotin (U+2028, U+2029). Se
voisi sotkea harjoittelijan päätteen tai näkyä eri päätteissä eri tavoin, joten sitä ei
hyväksytä. Poista se; rivinvaihdot (`\\n`) ja sarkaimet ovat sallittuja.",
        ),
        Code::BidiControl => (
            "tekstin suunnan ohjausmerkki tekstissä",
            "Tekstissä on kaksisuuntaisen tekstin ohjausmerkki (U+202A-U+202E,
U+2066-U+2069 ja vastaavat). Sen takia rivi voi näyttää toiselta kuin mitä siinä
todella lukee. Poista se.",
        ),
        Code::InvisibleCharacter => (
            "näkymätön merkki tekstissä",
            "Tekstissä on näkymätön merkki (leveydetön välilyönti, pehmeä tavuviiva,
tavujärjestysmerkki, muunnelmavalitsin, hangulin täytemerkki...). Sen näyttäminen on
vaaratonta, mutta se kätkee, mitä teksti todella sisältää: esimerkiksi id näyttää
oikealta, mutta ei silti täsmää. Poista se, ellei se ole tarkoituksellinen. Sallittu,
missä teksti sitä tarvitsee: leveydetön yhdistäjä emojien välissä, U+FE0F emojin
jälkeen, leveydetön erottaja sitä käyttävän kirjoitusjärjestelmän (arabia, persia,
intialaiset kirjaimistot) kirjainten välissä, tunnistemerkit lipussa.",
        ),
        Code::UnreachableNode => (
            "solmuun ei pääse alusta",
            "Mikään valintojen ja reittien polku `start`-solmusta ei johda tähän solmuun,
joten yksikään harjoittelija ei näe sitä. Ohjaa siihen jokin `next` tai reitti, tai
poista solmu.",
        ),
        Code::NoEndingReachable => (
            "tästä solmusta ei pääse mihinkään lopetukseen",
            "Tästä solmusta jokainen polku kiertää kehää pääsemättä lopetukseen, joten
harjoittelija ei pääsisi koskaan loppuun asti. Ohjaa ainakin yksi valinta kohti
lopetusta.",
        ),
        Code::UntaggedChoice => (
            "valinnalla ei ole fits-, breaks- eikä feedback-kenttää",
            "Valinta, jolla ei ole `fits`-, `breaks`- (tai `pitfalls`-) eikä
`feedback`-kenttää, ei opeta mitään: yhteenveto ei voi mainita sitä. Merkitse
askeleet, joita vastaus noudattaa tai rikkoo, ja kerro palautteessa miksi.",
        ),
        Code::NoStepPractised => (
            "skenaario ei harjoita yhtään askelta",
            "Skenaarion yhdenkään valinnan `fits`-kentässä ei ole askelta, joten
harjoituksesta ei voi mitata mallin mukaisuutta. Merkitse hyviin vastauksiin
askeleet, joita ne noudattavat.",
        ),
        Code::OneLanguageOnly => (
            "skenaario on vain yhdellä kielellä",
            "Skenaario on vain yhdellä kielellä, vaikka kirjastossa on muitakin kieliä. Lisää
käännös samalla `id`-tunnuksella toisen kielen kansioon, jotta jokainen harjoittelija
voi harjoitella sitä.",
        ),
        Code::Override => (
            "oma skenaario korvaa ohjelman mukana tulevan",
            "Omassa kansiossasi olevalla skenaariolla on sama id ja kieli kuin ohjelman mukana
tulevalla skenaariolla, ja sitä käytetään tämän sijaan. Korjattavaa ei ole, jos
tarkoitit niin; muuten vaihda sen id.",
        ),
        Code::FocusNotFitted => (
            "painopisteaskel, jota mikään valinta ei noudata",
            "Painopisteaskel (`focus`), jota yhdenkään valinnan `fits` ei mainitse:
skenaario sanoo harjoittavansa askelta, jota harjoittelija ei voi koskaan noudattaa.
Merkitse askel jollekin valinnalle tai poista se `focus`-kentästä.",
        ),
        Code::NoFeedback => (
            "valinta ilman palautetta",
            "Askeleilla merkityltä valinnalta puuttuu `feedback`: harjoittelijalle ei kerrota,
miksi vastaus toimi tai miksi se ei toiminut. Kirjoita palautteeksi lause tai kaksi.",
        ),
        Code::TestUnknownScenario => (
            "testitiedoston skenaariota ei ole",
            "Testitiedosto viittaa skenaarioon, jota sen kielikansiossa ei ole. Korjaa
`scenario`-kentän id; testitiedosto on skenaarionsa vieressä nimellä
`<id>.tests.ron`.",
        ),
        Code::TestUnknownNode => (
            "läpipeluu viittaa solmuun, jota ei ole",
            "Läpipeluun polku (tai sen odotettu lopetus) viittaa solmuun, jota skenaariossa
ei ole. Käytä ehdotettua solmun id:tä.",
        ),
        Code::TestBadChoice => (
            "läpipeluu viittaa valintaan, jota ei ole",
            "Läpipeluu valitsee numeron, jota vastaavaa valintaa solmussa ei ole. Valinnat
numeroidaan ykkösestä alkaen siinä järjestyksessä, jossa ne on kirjoitettu
skenaariotiedostoon.",
        ),
        Code::TestFailed => (
            "läpipeluu ei täytä odotustaan",
            "Läpipeluu ei päätynyt siihen, mitä sen `expect` sanoo (lopetus, lopputulos,
mallin mukaisuus, näkyneet tai rikkoutuneet askeleet, mieliala). Joko skenaario on
muuttunut tai odotus on väärä.",
        ),
        Code::StyleIncomplete => (
            "tyylitiedostosta puuttuu tyyli tai tyylipari",
            "Tyylitiedostosta puuttuu jokin neljästä tyylistä (D, i, S, C) tai jokin
(harjoittelija, asiakas) -tyylipari. Jokainen tyyli ja jokainen pari tarvitsee
tekstinsä.",
        ),
        Code::StyleQuestionCount => (
            "pikakyselyssä on liian vähän tai liian monta väitettä",
            "Epävirallisessa pikakyselyssä on liian vähän tai liian monta väitettä. Sallittu
määrä kerrotaan tyylitiedoston ohjeissa.",
        ),
        Code::UnknownPlaceholder => (
            "tuntematon paikkamerkki tyylitekstissä",
            "Tyyliteksti käyttää paikkamerkkiä `{name}`, jota tämä teksti ei osaa täyttää;
usein kyse on kirjoitusvirheestä. Jokaisella tekstillä on omat paikkamerkkinsä:
`mood_up` ja `mood_down` voivat käyttää merkkiä `{n}`, `mood_run` merkkejä `{start}`
ja `{end}`, `mood_run_held` merkkiä `{start}`, `words.fit` merkkiä `{fit}`, `words.order` merkkejä `{early}` ja `{late}`;
`mood_same`, `mood_floor` ja `mood_ceiling` eivät käytä mitään. Käytä jotakin
huomautuksen luettelemista nimistä tai kirjoita teksti ilman paikkamerkkiä.",
        ),
        Code::ScaleLabels => (
            "pikakyselyn asteikossa ei ole viittä vaihtoehtoa",
            "Pikakyselyn vastausasteikossa on oltava täsmälleen viisi vaihtoehtoa,
järjestyksessä ”eri mieltä” → ”samaa mieltä”. Lisää tai poista vaihtoehtoja, kunnes
niitä on viisi.",
        ),
        Code::SelfCheckUnbalanced => (
            "pikakyselyn navalla on alle kaksi väitettä",
            "Pikakyselyn jollakin navalla (nopea, harkitseva, asia tai ihmiset: `Fast`,
`Reflective`, `Task`, `People`) on alle kaksi väitettä. Näin harvoilla väitteillä
taipumus vastata kaikkeen ”samaa mieltä” kallistaa tulosta. Anna jokaiselle navalle
vähintään kaksi väitettä.",
        ),
        Code::FramingLeavesOut => (
            "palautteen kehystyksestä puuttuu osa, joka kuuluu kaikille tyyleille",
            "Tyylin kehystys (`framing`) saa muuttaa palautteen osien järjestystä ja
sanamuotoa, mutta ei koskaan sitä, mitä palaute sanoo. Valinnan jälkeen jokainen
kehystys näyttää osan `Message`, yhteenvedossa osan `Outcome`; molemmissa näytetään
`Worked` ja `Change` tai `Steps`. Lisää luetteloon osa, jonka viesti mainitsee.",
        ),
        Code::FocusBrokenResolved => (
            "Resolved-lopetukseen pääsee painopisteaskeleen rikkoutuessa",
            "Polku, jolla jokin skenaarion painopisteaskeleista (`focus`) rikkoutuu, päättyy
silti `Resolved`-lopetukseen: harjoittelijalle kerrotaan, että hän onnistui, vaikka hän
teki juuri sitä, mitä skenaario opettaa välttämään. `kohtaa analyze` nimeää jokaisen
tällaisen lopetuksen kaikki rikkoutuvat painopisteaskeleet ja kullekin lyhimmän polun.
Ohjaa virheellinen valinta kohti `Partial`-lopetusta tai heikompaa.",
        ),
        Code::AnswerByLength => (
            "pisin vastaus on hyvä useammin kuin sattuma antaisi",
            "Solmuissa, joissa on sekä hyviä valintoja (jokin askel näkyy eikä mikään
rikkoudu) että huonoja (jokin askel rikkoutuu tai valinta osuu sudenkuoppaan), pisin
valinta sanoina laskettuna on hyvä useammin kuin sattumalta. Sattuman odotusarvo on
näiden solmujen hyvien valintojen osuuksien summa. Varoitus annetaan, kun tällaisia
solmuja on vähintään 3 ja näin monta pitkää hyvää vastausta tulisi sattumalta enintään
10 %:n todennäköisyydellä. Harjoittelijat huomaavat tämän: anna väärän vastauksen olla se
pitkä ja sujuva (tietotulva, sääntöjen luettelu, lämmin ylilupaus) ja hyvän sellainen,
jonka taitava ihminen sanoisi yhdellä tai kahdella siirrolla.",
        ),
        Code::LongestWins => (
            "pisimmän vastauksen valitsemalla saa parhaan mallin mukaisuuden",
            "Harjoittelija, joka valitsee aina pisimmän vaihtoehdon, saa skenaarion parhaan
mallin mukaisuuden: pituus toimii strategiana alusta loppuun (katso myös K0902). Lyhennä
hyvää vastausta tai pidennä väärää näytetyllä polulla.",
        ),
        Code::MoodAnswerKey => (
            "mielialan muutos paljastaa oikean vastauksen",
            "Mielialamittari kertoo vastauksen: yli puolessa solmuista, joissa on sekä hyviä
että huonoja valintoja (vähintään 3), jokainen hyvä valinta muuttaa mielialaa enemmän kuin
yksikään huono; tai harjoittelija, joka valitsee aina suurimman mielialan nousun (tasatilanteissa
minkä tahansa), voi päätyä skenaarion parhaaseen lopputulokseen. Oikeat virheet tuntuvat
usein ensin hyviltä: anna lupauksen, jota ei voi pitää, tai asiakkaan puolelle asettumisen
kollegaa vastaan nostaa mielialaa nyt ja johtaa myöhemmin huonompaan lopetukseen.",
        ),
        Code::BestPathImperfect => (
            "paras polku ei ole täydellinen",
            "Yksikään polku ei saa 100 %:a ilman järjestyshuomautuksia: parhaalla polulla
jokin askel jää puuttumaan tai rikkoutuu, tai askeleet tulevat eri järjestyksessä kuin
mallissa. Harjoittelijan, joka tekee kaiken oikein, kuuluu nähdä täydellinen tulos.
`kohtaa analyze` nimeää parhaan polun ja sen, mikä siinä on vialla. Askel jää puuttumaan,
kun jokin polun varrella tarjottu valinta noudattaa sitä, mutta polulla se ei koskaan
näy: tarjoa sitä samalla polulla myöhemmin uudelleen tai siirrä valintoja niin, että
askeleet tulevat mallin järjestyksessä.",
        ),
        Code::NoRecovery => (
            "huonosta ensimmäisestä vastauksesta ei voi toipua",
            "Huonon ensimmäisen vastauksen (`start`-solmun valinta, jossa jokin askel
rikkoutuu tai joka osuu sudenkuoppaan) jälkeen mikään polku ei johda `Partial`- tai
`Resolved`-lopetukseen. Oikeassa työssä keskustelu pitää usein korjata: jokaisesta
varhaisesta virheestä pitäisi päästä jotakin polkua osittain tai kokonaan hyvään
lopetukseen, jotta harjoittelija pääsee harjoittelemaan keskustelun kääntämistä. Lisää
virheen jälkeen tie takaisin.",
        ),
        Code::MistakeRaisesMood => (
            "huono valinta nostaa mielialaa",
            "Huono valinta (jokin askel rikkoutuu tai valinta osuu sudenkuoppaan) nostaa
mielialaa. Usein totta, ja silloin reilu ansa: lupaus, jota ei voi pitää, ilahduttaa nyt,
mutta sen hinta tulee myöhemmin. Varmista, että palaute kertoo hinnan ja että polku johtaa
huonompaan suuntaan. Huomautus, jonka näyttää `kohtaa analyze --notes`.",
        ),
        Code::GoodLowersMood => (
            "hyvä valinta laskee mielialaa",
            "Hyvä valinta (jokin askel näkyy eikä mikään rikkoudu) laskee mielialaa vähintään 2
pistettä. Usein totta: selvä kielteinen vastaus ei ilahduta. Varmista, että palaute kertoo,
miksi vastaus oli silti oikea. Huomautus, jonka näyttää `kohtaa analyze --notes`.",
        ),
        Code::FocusBrokenPartial => (
            "Partial-lopetukseen pääsee painopisteaskeleen rikkoutuessa",
            "Polku, jolla jokin painopisteaskeleista (`focus`) rikkoutuu, päättyy
`Partial`-lopetukseen. Yleensä tarkoituksellista: harjoittelija sai keskustelun osittain
korjattua. Tarkista, että lopetuksen yhteenveto ja palaute kertovat, mitä rikkoutunut
askel vei. Huomautus, jonka näyttää `kohtaa analyze --notes`.",
        ),
    }
}
