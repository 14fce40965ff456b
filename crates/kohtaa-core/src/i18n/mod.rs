//! The one catalogue of interface words, in English and Finnish.
//!
//! Every word the program itself says on screen comes from here; scenario and model text
//! (step names, feedback) is content and comes from the files. Each entry is written once
//! with both languages side by side, so a missing translation does not compile.
//!
//! Use: `t(lang, T::Quit)`, or `tf(lang, T::MoodChange, &[("from", "-2"), ("to", "0")])`
//! for entries with `{name}` placeholders.
//!
//! To add a string: add one line to the `catalogue!` list below (a variant name, the English,
//! the Finnish). Keep keys grouped by the screen that uses them.

pub use crate::lang::Lang;

use std::borrow::Cow;

use crate::content::text::{for_screen, terminal_safe};
use crate::content::{MOOD_MAX, MOOD_MIN, Outcome, Scenario, Setting, Style};
use crate::practice::StepResult;
pub use crate::practice::feedback::signed;
use crate::practice::recommend::{Reason, Recommendation};

macro_rules! catalogue {
    ($($key:ident => $en:expr, $fi:expr;)*) => {
        /// A key of the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $($key,)* }

        impl T {
            /// Every key, for tests that check the catalogue as a whole.
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            pub fn en(self) -> &'static str {
                match self { $(T::$key => $en,)* }
            }

            pub fn fi(self) -> &'static str {
                match self { $(T::$key => $fi,)* }
            }
        }
    };
}

catalogue! {
    // Shared
    AppName => "kohtaa", "kohtaa";
    Quit => "quit", "lopeta";
    Back => "back", "takaisin";
    Help => "help", "ohje";
    Move => "move", "liiku";
    Select => "select", "valitse";
    Scroll => "scroll", "vieritä";
    PageUp => "page up", "sivu ylös";
    PageDown => "page down", "sivu alas";
    ToTop => "to the top", "alkuun";
    ToEnd => "to the end", "loppuun";
    ToFirst => "to the first item", "ensimmäiseen kohtaan";
    ToLast => "to the last item", "viimeiseen kohtaan";
    Continue => "continue", "jatka";
    TooSmall => "Terminal too small: {w}×{h} (need {min_w}×{min_h}). Make the window larger, or press Ctrl-C to quit.",
        "Pääte on liian pieni: {w}×{h} (tarvitaan {min_w}×{min_h}). Suurenna ikkunaa tai lopeta painamalla Ctrl-C.";
    HelpTitle => "Keys", "Näppäimet";
    HelpClose => "Press ?, F1 or Esc to close", "Sulje painamalla ?, F1 tai Esc";
    HelpEverywhere => "Everywhere", "Kaikkialla";
    QuitNow => "quit the program", "lopeta ohjelma";
    Yes => "yes", "kyllä";
    No => "no", "ei";
    ConfirmLeaveRun => "Leave this run? It is kept in your history as unfinished.",
        "Keskeytetäänkö harjoitus? Se jää historiaasi keskeneräisenä.";
    ConfirmRestart => "Start this run again from the beginning? Your answers so far are taken back.",
        "Aloitetaanko harjoitus alusta? Tähänastiset vastauksesi perutaan.";
    // Library
    LibraryTitle => "Scenarios", "Harjoitukset";
    FilterPrompt => "Filter", "Suodata";
    FilterHint => "type to filter", "kirjoita suodattaaksesi";
    ClearFilter => "clear the filter", "tyhjennä suodatin";
    ClearShort => "clear", "tyhjennä";
    ProgressShort => "progress", "edistyminen";
    StyleShort => "style", "tyyli";
    PresentShort => "present", "esitä";
    MoreScenario => "↓ 1 more scenario below", "↓ 1 harjoitus lisää alempana";
    MoreScenarios => "↓ {n} more scenarios below", "↓ {n} harjoitusta lisää alempana";
    EraseChar => "erase", "pyyhi";
    EraseCharForward => "delete the character under the cursor", "poista merkki kohdistimen kohdalta";
    CursorLeft => "cursor left", "kohdistin vasemmalle";
    CursorRight => "cursor right", "kohdistin oikealle";
    CursorStart => "to the start of the answer", "vastauksen alkuun";
    CursorEnd => "to the end of the answer", "vastauksen loppuun";
    Start => "start", "aloita";
    NoScenarios => "No scenarios found.", "Harjoituksia ei löytynyt.";
    NoMatch => "No scenario matches the filter.", "Mikään harjoitus ei vastaa suodatinta.";
    Difficulty => "Difficulty", "Vaikeus";
    Focus => "Focus", "Painopiste";
    Tags => "Tags", "Tunnisteet";
    SettingLabel => "Setting", "Työympäristö";
    LastRun => "Last run: {date} · {result} · {fit}", "Viimeksi: {date} · {result} · {fit}";
    Customer => "Customer", "Asiakas";
    OtherLanguages => "In other languages", "Muilla kielillä";
    OthersHiddenOne => "1 scenario in another language: {key} shows it",
        "1 harjoitus muulla kielellä: {key} näyttää sen";
    OthersHiddenMany => "{n} scenarios in other languages: {key} shows them",
        "{n} harjoitusta muilla kielillä: {key} näyttää ne";
    OthersShownOne => "1 scenario in another language, listed last: {key} hides it",
        "1 harjoitus muulla kielellä, luettelon lopussa: {key} piilottaa sen";
    OthersShownMany => "{n} scenarios in other languages, listed last: {key} hides them",
        "{n} harjoitusta muilla kielillä, luettelon lopussa: {key} piilottaa ne";
    OthersKey => "show or hide the scenarios in other languages",
        "näytä tai piilota muunkieliset harjoitukset";
    FocusFilter => "to the filter: every letter types, q too", "suodattimeen: kaikki kirjaimet, myös q";
    FilterIdle => "type to filter (/ first to type a q)",
        "kirjoita suodattaaksesi (/ ensin, jos haluat kirjoittaa q:n)";
    FilterEsc => "clear the filter (never quits)", "tyhjennä suodatin (ei lopeta)";
    QuitFromLibrary => "quit (while no filter is typed)", "lopeta (kun suodatinta ei ole)";
    EscAtTop => "Nothing to clear: Esc never quits here. Press q to quit.",
        "Ei tyhjennettävää: Esc ei lopeta ohjelmaa. Lopeta painamalla q.";
    BrokenFiles => "Files with errors (fix them and restart; `kohtaa check` shows all problems)",
        "Virheelliset tiedostot (korjaa ja käynnistä uudelleen; `kohtaa check` näyttää kaikki ongelmat)";
    BrokenNoticeOne => "✗ 1 file has errors: it is listed first, above the scenarios.", "✗ Yhdessä tiedostossa on virheitä: se on luettelon alussa.";
    BrokenNoticeMany => "✗ {n} files have errors: they are listed first, above the scenarios.", "✗ {n} tiedostossa on virheitä: ne ovat luettelon alussa.";
    NoModel => "This scenario's encounter model `{model}` ({lang}) was not found.",
        "Harjoituksen kohtaamismallia `{model}` ({lang}) ei löytynyt.";
    RunFailed => "This scenario cannot be played: {error}", "Harjoitusta ei voi pelata: {error}";
    // Before a run
    BriefingTitle => "Before you start", "Ennen kuin aloitat";
    Situation => "Situation", "Tilanne";
    YourRole => "Your role", "Roolisi";
    AboutCustomer => "About the customer", "Asiakkaasta";
    StartMood => "Mood at the start", "Mieliala alussa";
    PickFocus => "Pick one step to focus on in this attempt:", "Valitse yksi askel, johon keskityt tällä kerralla:";
    Suggested => "suggested", "suositeltu";
    StartRun => "start the run", "aloita harjoitus";
    // Play
    Mood => "Mood", "Mieliala";
    YourChoice => "What do you say?", "Mitä sanot?";
    YouSaid => "You said", "Sanoit";
    ChoiceFeedback => "Feedback", "Palaute";
    StepsShown => "Shown", "Näkyi";
    StepsBroken => "Broken", "Rikkoutui";
    PitfallsHit => "Pitfalls", "Sudenkuopat";
    MoodChange => "Mood {from} → {to}", "Mieliala {from} → {to}";
    MoodAtLowest => "Mood {from} → {to} (already at its lowest; this answer would have lowered it)",
        "Mieliala {from} → {to} (jo alimmillaan; tämä vastaus olisi laskenut sitä)";
    MoodAtHighest => "Mood {from} → {to} (already at its highest; this answer would have raised it)",
        "Mieliala {from} → {to} (jo ylimmillään; tämä vastaus olisi nostanut sitä)";
    NoSteps => "(no step of the model)", "(ei mallin askelta)";
    ContinueHint => "Press Enter to continue, u to take it back.", "Jatka painamalla Enter, peru painamalla u.";
    ToDebrief => "Press Enter to see the debrief.", "Katso yhteenveto painamalla Enter.";
    Choose => "choose", "valitse";
    Undo => "undo", "peru";
    Restart => "restart", "alusta";
    LeaveRun => "leave run", "keskeytä";
    FocusOn => "Your focus: {step}", "Painopisteesi: {step}";
    ChoiceCount => "Choice {n}", "Valinta {n}";
    MoreChoice => "↓ 1 more choice below", "↓ 1 vaihtoehto lisää alempana";
    MoreChoices => "↓ {n} more choices below", "↓ {n} vaihtoehtoa lisää alempana";
    MoreBelow => "↓ more below", "↓ lisää alempana";
    MoreItems => "↓ {n} more below", "↓ {n} lisää alempana";
    MoreBelowChosen => "↓ {n} more below; chosen: {step}", "↓ {n} lisää alempana; valittuna: {step}";
    // Playing a draft (kohtaa play)
    DraftReload => "reload the file", "lataa tiedosto uudelleen";
    DraftReloaded => "Reloaded: {done} of {all} choices replayed.", "Ladattu uudelleen: {done}/{all} valintaa toistettu.";
    DraftErrorsTitle => "Errors in {file}", "Virheitä: {file}";
    DraftFixHint => "This draft cannot be played yet. Fix the file, save it and press F5 (or Ctrl-R) to reload; q quits.",
        "Luonnosta ei voi vielä pelata. Korjaa tiedosto, tallenna ja lataa se uudelleen painamalla F5 (tai Ctrl-R); q lopettaa.";
    DraftNotAScenario => "The file is not a scenario file.", "Tiedosto ei ole skenaariotiedosto.";
    // Debrief
    DebriefTitle => "Debrief", "Yhteenveto";
    Outcome => "Outcome", "Lopputulos";
    ModelMap => "The encounter model", "Kohtaamismalli";
    ModelFit => "Model fit", "Mallin mukaisuus";
    FitNone => "no step of the model was in play", "mikään mallin askel ei ollut mukana";
    FitValue => "{fit} % ({shown} shown of the {scored} steps this path offered)", "{fit} % (näkyi {shown}/{scored} vastaan tulleesta askeleesta)";
    OrderNotes => "Order", "Järjestys";
    OrderNote => "“{early}” came before “{late}”.", "”{early}” tuli ennen kuin ”{late}”.";
    OrderNone => "The steps came in the model's order.", "Askeleet tulivat mallin järjestyksessä.";
    MoodChart => "Mood, choice by choice", "Mieliala valinta valinnalta";
    StartShort => "start", "alku";
    PathTitle => "Your path", "Polkusi";
    FocusResult => "Your focus step", "Painopisteesi";
    NoFocus => "No focus step was chosen.", "Painopistettä ei valittu.";
    TurningPoint => "Where it turned: choice {n}. Press w to replay from there.",
        "Käännekohta: valinta {n}. Pelaa siitä uudelleen painamalla w.";
    NoTurningPoint => "No answer on this path closed off a better result.", "Mikään tämän polun vastaus ei sulkenut pois parempaa tulosta.";
    ReplayTurn => "replay from where it turned", "pelaa käännekohdasta";
    ReplayShort => "replay the turn", "pelaa käänteestä";
    DebriefKept => "What worked: {step}", "Onnistui: {step}";
    DebriefChange => "To change: {step}", "Muutettavaa: {step}";
    DebriefNothingToChange => "Nothing to change on this path.", "Tällä polulla ei ole muutettavaa.";
    Quoted => "“{text}”", "”{text}”";
    TurnYouSaid => "Where it turned: at choice {n} you said", "Käännekohta: valinnassa {n} sanoit";
    TurnBetter => "A better answer there", "Parempi vastaus siinä kohdassa";
    TurnReach => "After it, {best} % model fit was still within reach; after your answer, at most {left} %.",
        "Sen jälkeen mallin mukaisuus olisi voinut olla vielä {best} %; sinun vastauksesi jälkeen enintään {left} %.";
    SectionSteps => "Steps", "Askeleet";
    SectionPitfalls => "Pitfalls", "Sudenkuopat";
    SectionOrder => "Order", "Järjestys";
    SectionMood => "Mood", "Mieliala";
    SectionPath => "Your path", "Polkusi";
    SectionTips => "Tips", "Vinkit";
    SectionEmpty => "Nothing on this run.", "Ei tällä kertaa.";
    MoodMoved => "Choice {n}: {from} → {to}", "Valinta {n}: {from} → {to}";
    MoodStill => "The mood did not move.", "Mieliala ei muuttunut.";
    NextSection => "next section", "seuraava osio";
    SectionsShort => "sections", "osiot";
    PrevSection => "previous section", "edellinen osio";
    ToggleSection => "open or close the section", "avaa tai sulje osio";
    ToggleShort => "open/close", "avaa/sulje";
    JumpSection => "open a section by its number", "avaa osio numerolla";
    PlayAgain => "play again", "pelaa uudelleen";
    ToLibrary => "to the library", "harjoituksiin";
    ToProgress => "to your progress", "edistymiseen";
    NotEnded => "The run has not reached an ending.", "Harjoitus ei päättynyt.";
    Seed => "seed", "siemen";
    // Measurement words
    Shown => "shown", "näkyi";
    Broken => "broken", "rikkoutui";
    Missed => "missed", "jäi puuttumaan";
    NotReached => "not reached", "ei tullut vastaan";
    NotInPlay => "not in play", "ei mukana";
    Thread => "All the way through", "Koko kohtaamisen ajan";
    SettingServicePoint => "service point", "palvelupiste";
    SettingPhone => "phone", "puhelin";
    SettingHealthCare => "health care", "terveydenhuolto";
    SettingSupervisor => "supervisor work", "esihenkilötyö";
    SettingWorkshop => "workshop", "työpaja";
    SettingInternal => "internal customer", "sisäinen asiakas";
    SettingBusiness => "business services", "yrityspalvelut";
    SettingWritten => "written", "kirjallinen";
    Resolved => "Resolved", "Ratkesi";
    Partial => "Partly resolved", "Ratkesi osittain";
    Unresolved => "Unresolved", "Jäi ratkaisematta";
    Escalated => "Escalated", "Kärjistyi";
    // The default mood scale, -5 to 5: how the customer feels about the encounter, not how
    // angry they are. A scenario may give its customer's own words (`mood_words`).
    MoodVeryUpset => "very upset", "aivan tolaltaan";
    MoodUpset => "upset", "pahalla mielellä";
    MoodTroubled => "troubled", "huolissaan";
    MoodUneasy => "uneasy", "epävarma";
    MoodWary => "wary", "varautunut";
    MoodNeutral => "neutral", "neutraali";
    MoodOpen => "open", "avoin";
    MoodReassured => "reassured", "rauhoittunut";
    MoodAtEase => "at ease", "levollinen";
    MoodPleased => "pleased", "luottavainen";
    MoodSatisfied => "satisfied", "tyytyväinen";
    // The learner's style: first start, profile, self-check
    OpenProfile => "your style and theme", "tyylisi ja teema";
    ProfileTitle => "Your style and theme", "Tyylisi ja teema";
    WelcomeTitle => "Welcome", "Tervetuloa";
    WelcomeText => "kohtaa can word its feedback for the way you tend to work with people. Pick a style yourself, take a quick informal self-check, or skip this. You can change it at any time with F2 in the scenario list.",
        "kohtaa voi sanoittaa palautteen sen mukaan, miten yleensä toimit ihmisten kanssa. Valitse tyyli itse, tee lyhyt epävirallinen pikakysely tai ohita tämä. Voit muuttaa valintaa milloin vain F2-näppäimellä harjoitusluettelossa.";
    CurrentStyle => "Your style", "Tyylisi";
    CurrentTheme => "Theme", "Teema";
    ChooseTheme => "Theme (how the app looks):", "Teema (miltä sovellus näyttää):";
    ThemeDefault => "Default colours", "Oletusvärit";
    ThemeHighContrast => "High contrast (bold, reverse and underline; nothing dim or blue)",
        "Suuri kontrasti (lihavointi, käänteisvärit ja alleviivaus; ei himmeää eikä sinistä)";
    ThemeMono => "No colour", "Ei värejä";
    ThemeNoColor => "NO_COLOR is set, so no theme shows colour.", "NO_COLOR on käytössä, joten mikään teema ei näytä värejä.";
    StyleNotSet => "not set; feedback uses neutral wording.", "ei valittu; palaute on neutraalia.";
    LikesFeedback => "Feedback", "Palaute";
    StyleStrength => "Strength", "Vahvuus";
    StyleRisk => "Watch for", "Huomaa";
    StoredLocally => "Your style is stored only on this computer and you can delete it here. It changes the wording of feedback, never the scoring.",
        "Tyylisi tallennetaan vain tälle koneelle, ja voit poistaa sen täällä. Se muuttaa palautteen sanamuotoa, ei koskaan arviointia.";
    ChooseStyle => "Choose:", "Valitse:";
    TakeSelfCheck => "Take the quick self-check", "Tee pikakysely";
    NotSetItem => "Not set (neutral wording)", "Ei valittu (neutraali palaute)";
    DeleteProfile => "Delete my profile", "Poista profiilini";
    SkipForNow => "Skip for now", "Ohita nyt";
    DoneItem => "Done", "Valmis";
    ConfirmForget => "Delete your profile (your style and self-check answers) from this computer?",
        "Poistetaanko profiilisi (tyylisi ja pikakyselyn vastaukset) tältä koneelta?";
    ProfileSaved => "Saved.", "Tallennettu.";
    ProfileDeleted => "Your profile was deleted.", "Profiilisi poistettiin.";
    ProfileNotSaved => "Not saved (--no-save): this lasts until you quit.", "Ei tallennettu (--no-save): valinta on voimassa, kunnes lopetat.";
    ProfileSaveFailed => "The profile could not be saved: {error}", "Profiilia ei voitu tallentaa: {error}";
    ProfileSetAside => "Your profile could not be read and was moved to {path}.", "Profiiliasi ei voitu lukea, ja se siirrettiin talteen: {path}.";
    NoStyleTexts => "No style texts for this language.", "Tälle kielelle ei ole tyylitekstejä.";
    StatementOf => "Statement {n} of {total}", "Väite {n}/{total}";
    Answer => "answer", "vastaa";
    PreviousStatement => "previous statement / leave", "edellinen väite / poistu";
    SelfCheckResult => "Your result", "Tuloksesi";
    UseResult => "Use this result", "Käytä tätä tulosta";
    LeaveUnset => "Leave my style unset", "Jätä tyyli valitsematta";
    PickMyself => "Pick a style myself", "Valitsen tyylin itse";
    AnswerAgain => "Answer again", "Vastaa uudelleen";
    ForYou => "In brief", "Lyhyesti";
    // DiSC styles, short labels (the styles file holds the full texts)
    StyleD => "D – direct", "D – suora";
    StyleI => "i – inspiring", "i – innostava";
    StyleS => "S – steady", "S – vakaa";
    StyleC => "C – precise", "C – tarkka";
    // History, reflection, progress, practise next
    SaveFailed => "Could not save the run: {error}", "Harjoitusta ei voitu tallentaa: {error}";
    RunSetAside => "Saved run {file} was damaged. It was moved aside as {aside}; your other runs are kept.",
        "Tallennettu harjoitus {file} oli vioittunut. Se siirrettiin sivuun nimellä {aside}; muut harjoituksesi säilyivät.";
    RunDamaged => "Saved run {file} is damaged and was skipped.",
        "Tallennettu harjoitus {file} on vioittunut, joten se ohitettiin.";
    RunUnreadable => "Saved run {file} could not be read ({why}) and was skipped.",
        "Tallennettua harjoitusta {file} ei voitu lukea ({why}), joten se ohitettiin.";
    RunNewer => "Saved run {file} comes from a newer kohtaa and was left as it is.",
        "Tallennettu harjoitus {file} on uudemmasta kohtaa-versiosta, joten se jätettiin ennalleen.";
    LastNextTime => "Last time you planned", "Viime kerralla päätit";
    ReflectTitle => "Reflect", "Pohdi";
    ReflectIntro => "Three short questions. Type your answer and press Enter; an empty answer skips it.",
        "Kolme lyhyttä kysymystä. Kirjoita vastaus ja paina Enter; tyhjä vastaus ohittaa kysymyksen.";
    ReflectHappened => "What happened?", "Mitä tapahtui?";
    ReflectWorked => "What worked?", "Mikä toimi?";
    ReflectNextTime => "What will you do differently next time?", "Mitä teet ensi kerralla toisin?";
    Usefulness => "How useful was this for your work? Press 1 (not at all) to 5 (very).",
        "Kuinka hyödyllinen tämä oli työllesi? Paina 1 (ei lainkaan) – 5 (erittäin).";
    UsefulnessGiven => "Your answer: {n}", "Vastauksesi: {n}";
    NextPrompt => "next question", "seuraava kysymys";
    SkipReflection => "skip the rest", "ohita loput";
    TypeAnswer => "type your answer", "kirjoita vastauksesi";
    Rate => "rate", "arvioi";
    Done => "done", "valmis";
    ProgressTitle => "Your progress", "Edistymisesi";
    OpenProgress => "your progress", "edistymisesi";
    RunsCount => "Runs: {n}", "Harjoituksia: {n}";
    NoRuns => "No runs yet. Play a scenario, and your progress shows here.",
        "Ei vielä harjoituksia. Pelaa harjoitus, niin edistymisesi näkyy tässä.";
    StepsOverTime => "Steps over time (oldest → newest)", "Askeleet ajan mittaan (vanhin → uusin)";
    StepCol => "step", "askel";
    OverTime => "over time", "ajan mittaan";
    Legend => "✓ shown  ✗ broken  ○ missed  ◌ not reached  · not in play", "✓ näkyi  ✗ rikkoutui  ○ puuttui  ◌ ei tullut vastaan  · ei mukana";
    OlderRules => "* measured by earlier rules: the scenario has changed since, so the run cannot be measured again", "* mitattu aiemmilla säännöillä: skenaario on sittemmin muuttunut, joten harjoitusta ei voi mitata uudelleen";
    PitfallsMost => "Pitfalls hit most often", "Useimmin osuneet sudenkuopat";
    NoPitfalls => "No pitfalls hit.", "Ei osumia sudenkuoppiin.";
    FitPerRun => "Model fit per run", "Mallin mukaisuus harjoituksittain";
    RunsList => "Runs (Enter opens the debrief again)", "Harjoitukset (Enter avaa yhteenvedon uudelleen)";
    Abandoned => "left unfinished", "keskeytetty";
    OpenDebrief => "open the debrief", "avaa yhteenveto";
    CannotReopen => "This run cannot be shown again: its scenario is gone or has changed.",
        "Harjoitusta ei voi näyttää uudelleen: sen tiedosto puuttuu tai on muuttunut.";
    PractiseNext => "Practise next", "Harjoittele seuraavaksi";
    NextDue => "“{step}” is due again", "”{step}” on taas vuorossa";
    NextFirst => "a good first scenario", "hyvä ensimmäinen harjoitus";
    NextNothingDue => "nothing is due; something you have not played lately",
        "mikään ei ole erääntynyt; jotain, mitä et ole pelannut hetkeen";
    NotSaved => "(not saved: --no-save)", "(ei tallenneta: --no-save)";
    // Plain mode (`kohtaa play --plain`): linear text for screen readers and pipes
    PlainRole => "Your role: {role}", "Roolisi: {role}";
    PlainCustomer => "Customer: {name}. Mood at the start: {mood}, on a scale from −5 ({lowest}) to +5 ({highest}).",
        "Asiakas: {name}. Mieliala alussa: {mood} asteikolla −5 ({lowest}) … +5 ({highest}).";
    PlainMoodValue => "{word} ({value})", "{word} ({value})";
    PlainDecision => "Decision {n}", "Päätös {n}";
    PlainSays => "{name} says: {line}", "{name} sanoo: {line}";
    PlainChoiceOf => "Choice {n} of {count}: {text}", "Vaihtoehto {n}/{count}: {text}";
    PlainPrompt => "Your answer (1–{count}; u takes back, q quits):", "Vastauksesi (1–{count}; u peruu, q lopettaa):";
    PlainNotAChoice => "“{answer}” is not a choice: type a number from 1 to {count}.", "”{answer}” ei ole vaihtoehto: kirjoita numero 1–{count}.";
    PlainYouSaid => "You said: {text}", "Sanoit: {text}";
    PlainFeedback => "Feedback: {text}", "Palaute: {text}";
    PlainShown => "Shown: {steps}", "Näkyi: {steps}";
    PlainBroken => "Broken: {steps}", "Rikkoutui: {steps}";
    PlainPitfalls => "Pitfalls: {pitfalls}", "Sudenkuopat: {pitfalls}";
    PlainNoStep => "No step of the model shown or broken.", "Mikään mallin askel ei näkynyt eikä rikkoutunut.";
    PlainMoodChange => "Mood: {change}, from {from} to {to}.", "Mieliala: {change}, {from} → {to}.";
    PlainMoodBetter => "better by {n}", "parani {n}";
    PlainMoodWorse => "worse by {n}", "huononi {n}";
    PlainMoodHeld => "Mood: no change, still {to}.", "Mieliala: ei muutosta, edelleen {to}.";
    PlainMoodAtLowest => "Mood: still {to}, already at its lowest; this answer would have lowered it.",
        "Mieliala: edelleen {to}, jo alimmillaan; tämä vastaus olisi laskenut sitä.";
    PlainMoodAtHighest => "Mood: still {to}, already at its highest; this answer would have raised it.",
        "Mieliala: edelleen {to}, jo ylimmillään; tämä vastaus olisi nostanut sitä.";
    PlainTakenBack => "Took back your last choice.", "Viimeisin valinta peruttu.";
    PlainNothingToTakeBack => "There is no choice to take back.", "Ei peruttavaa valintaa.";
    PlainQuit => "Stopped at decision {decision}; no debrief for an unfinished run.", "Lopetettu päätöksessä {decision}; keskeneräisestä harjoituksesta ei tehdä yhteenvetoa.";
    PlainInputEnded => "input ended before the scenario did; stopping at decision {decision}", "syöte loppui ennen kuin harjoitus päättyi; lopetetaan päätöksessä {decision}";
    PlainTooManyInvalid => "{n} answers in a row were not choices; stopping at decision {decision}", "{n} vastausta peräkkäin ei ollut vaihtoehtoja; lopetetaan päätöksessä {decision}";
    PlainDebrief => "Debrief", "Yhteenveto";
    PlainOutcome => "Outcome: {outcome}. {summary}", "Lopputulos: {outcome}. {summary}";
    PlainFit => "Model fit: {fit} % ({shown} shown of the {scored} steps this path offered).", "Mallin mukaisuus: {fit} % (näkyi {shown}/{scored} vastaan tulleesta askeleesta).";
    PlainFitNone => "Model fit: no step of the model was in play.", "Mallin mukaisuus: mikään mallin askel ei ollut mukana.";
    PlainStepsInOrder => "In the model's order ({count}):", "Mallin järjestyksessä ({count}):";
    PlainStepsThroughout => "Throughout the encounter ({count}):", "Läpi kohtaamisen ({count}):";
    PlainStepLine => "Step {n} of {count}: {step}: {result}", "Askel {n}/{count}: {step}: {result}";
    PlainThreadLine => "Throughout, {n} of {count}: {step}: {result}", "Läpi kohtaamisen, {n}/{count}: {step}: {result}";
    PlainOrderTitle => "Order:", "Järjestys:";
    PlainOrderNote => "“{early}” came before “{late}”.", "”{early}” tuli ennen kuin ”{late}”.";
    PlainOrderNone => "Order: the steps came in the model's order.", "Järjestys: askeleet tulivat mallin järjestyksessä.";
    PlainPitfallsTitle => "Pitfalls ({count}):", "Sudenkuopat ({count}):";
    PlainPitfallLine => "{name} (step: {step}). {description}", "{name} (askel: {step}). {description}";
    PlainPitfallsNone => "Pitfalls: none.", "Sudenkuopat: ei yhtään.";
    PlainMoodTrajectory => "Mood, choice by choice: {moods}.", "Mieliala valinta valinnalta: {moods}.";
    PlainMoodSummary => "From {from} to {to}.", "Alussa {from}, lopussa {to}.";
    PlainPathTitle => "Your path (choices: {count}):", "Polkusi (valintoja: {count}):";
    PlainTurningPoint => "Where it turned: choice {n}.", "Käännekohta: valinta {n}.";
    PlainFocus => "Your focus step: {step}: {result}.", "Painopisteesi: {step}: {result}.";
    PlainTurnYouSaid => "Where it turned: at choice {n} of {count} you said: {text}", "Käännekohta: valinnassa {n}/{count} sanoit: {text}";
    PlainTurnBetter => "A better answer there: {text}", "Parempi vastaus siinä kohdassa: {text}";
    PlainSection => "## {title} ({count})", "## {title} ({count})";
    PlainPathChoice => "Choice {n} of {count}: {text}", "Valinta {n}/{count}: {text}";
    PlainPickScenario => "Scenarios ({count}):", "Harjoitukset ({count}):";
    PlainScenarioLine => "Scenario {n} of {count}: {title}", "Harjoitus {n}/{count}: {title}";
    PlainScenarioPrompt => "Your answer (1–{count}):", "Vastauksesi (1–{count}):";
    PlainPickEnded => "input ended before a scenario was chosen", "syöte loppui ennen kuin harjoitus valittiin";
    PlainPickGaveUp => "{n} answers in a row were not scenario numbers; stopping", "{n} vastausta peräkkäin ei ollut harjoitusten numeroita; lopetetaan";
    // Plain mode: style, self-check, reflection, progress and practise next
    PlainStyleTitle => "## Your style", "## Tyylisi";
    PlainStyleIntro => "Before your first run: kohtaa can word its feedback for the way you tend to work with people. Pick a style yourself, take a quick informal self-check, or skip this.",
        "Ennen ensimmäistä harjoitusta: kohtaa voi sanoittaa palautteen sen mukaan, miten yleensä toimit ihmisten kanssa. Valitse tyyli itse, tee lyhyt epävirallinen pikakysely tai ohita tämä.";
    PlainStyleStored => "Your style is stored only on this computer. It changes the wording of feedback, never the scoring.",
        "Tyylisi tallennetaan vain tälle koneelle. Se muuttaa palautteen sanamuotoa, ei koskaan arviointia.";
    PlainStyleOption => "{n} of {count}: {text}", "{n}/{count}: {text}";
    PlainStylePrompt => "Your answer (1–{count}; q: not now):", "Vastauksesi (1–{count}; q: ei nyt):";
    PlainStyleSaved => "Your style: {style}. Saved on this computer.", "Tyylisi: {style}. Tallennettu tälle koneelle.";
    PlainStyleUnset => "No style set: feedback uses neutral wording.", "Tyyliä ei valittu: palaute on neutraalia.";
    PlainStyleNotNow => "Nothing saved; you will be asked again before your next run.", "Mitään ei tallennettu; tätä kysytään uudelleen ennen seuraavaa harjoitusta.";
    PlainStyleChange => "Change it later with `kohtaa profile --set STYLE` (D, i, S, C, a blend such as Di, or none).",
        "Voit vaihtaa sen myöhemmin komennolla `kohtaa profile --set TYYLI` (D, i, S, C, yhdistelmä kuten Di, tai none).";
    PlainStyleFailed => "your style could not be saved: {error}", "tyyliäsi ei voitu tallentaa: {error}";
    PlainScaleLine => "{n}: {label}", "{n}: {label}";
    PlainStatementPrompt => "Your answer (1–5; an empty line skips, q stops):", "Vastauksesi (1–5; tyhjä rivi ohittaa, q lopettaa):";
    PlainSelfCheckResult => "Your result: {style}", "Tuloksesi: {style}";
    PlainNoClearPreference => "Your result: no clear preference", "Tuloksesi: ei selvää painotusta";
    PlainReflectTitle => "## Reflect", "## Pohdi";
    PlainReflectPrompt => "{n} of 3: {question}", "{n}/3: {question}";
    PlainUsefulness => "How useful was this for your work? 1 (not at all) to 5 (very); an empty line skips:",
        "Kuinka hyödyllinen tämä oli työsi kannalta? 1 (ei lainkaan) – 5 (erittäin); tyhjä rivi ohittaa:";
    PlainReflectSaved => "Saved with this run.", "Tallennettu harjoituksen tietoihin.";
    PlainReflectNothing => "Nothing to save.", "Ei tallennettavaa.";
    PlainReflectNotSaved => "Not saved (--no-save).", "Ei tallennettu (--no-save).";
    PlainReflectFailed => "the reflection could not be saved: {error}", "pohdintaa ei voitu tallentaa: {error}";
    PlainLastPlan => "Last time you planned: {plan}", "Viime kerralla päätit: {plan}";
    PlainPractiseNext => "Practise next: {title} – {why} (number {n} in the list below).",
        "Harjoittele seuraavaksi: {title} – {why} (numero {n} alla olevassa luettelossa).";
    PlainProgressNone => "Your progress: no runs yet; it shows here after your first run.",
        "Edistymisesi: ei vielä harjoituksia; se näkyy tässä ensimmäisen harjoituksen jälkeen.";
    PlainProgressRuns => "Your progress: {n} runs so far ({finished} finished, {left} left unfinished).",
        "Edistymisesi: tähän mennessä {n} harjoitusta ({finished} loppuun asti, {left} kesken).";
    PlainProgressOneRun => "Your progress: 1 run so far ({finished} finished, {left} left unfinished).",
        "Edistymisesi: tähän mennessä 1 harjoitus ({finished} loppuun asti, {left} kesken).";
    PlainProgressWeakest => "Most often missed or broken: {step}, in {n} of the {in_play} runs that gave it a chance.",
        "Useimmin jäänyt tekemättä tai mennyt pieleen: {step}, {n} kertaa {in_play} harjoituksessa, joissa se tuli vastaan.";
    PlainProgressNoWeakest => "No step has been missed or broken so far.", "Yksikään askel ei ole toistaiseksi jäänyt tekemättä eikä mennyt pieleen.";
    PlainProgressLastFit => "Last run: {fit} % model fit ({title}, {date}).", "Viimeisin harjoitus: mallin mukaisuus {fit} % ({title}, {date}).";
    PlainProgressLastNoFit => "Last run: no step of the model was in play ({title}, {date}).", "Viimeisin harjoitus: mikään mallin askel ei ollut mukana ({title}, {date}).";
    // Presenter mode (`kohtaa present`, F5 in the library): for a room and a projector
    PresentTitle => "Presenter", "Esitystila";
    PresentStart => "present to a room", "esitä ryhmälle";
    PresentBegin => "begin", "aloita";
    PresentLeave => "leave", "poistu";
    PresentConfirmLeave => "Leave this presentation? The paths explored are not kept.",
        "Poistutaanko esityksestä? Tutkittuja polkuja ei säilytetä.";
    PresentFlip => "light/dark", "vaalea/tumma";
    PresentBlank => "blank screen", "pimennä";
    PresentUnblank => "show the screen again", "näytä taas";
    PresentRevealNext => "next choice", "seuraava vaihtoehto";
    PresentRevealAll => "all choices", "kaikki vaihtoehdot";
    PresentVoteFor => "a vote for choice n", "ääni vaihtoehdolle n";
    PresentSelect => "select a choice", "valitse vaihtoehto";
    PresentVoteAdd => "add a vote to the selected", "lisää ääni valitulle";
    PresentVoteRemove => "remove a vote", "poista ääni";
    PresentVotesClear => "clear the votes", "nollaa äänet";
    PresentFollow => "follow the most votes (else the selected)", "jatka eniten ääniä saaneella (muuten valitulla)";
    PresentFollowShort => "follow", "jatka";
    PresentNotes => "facilitator note on/off", "ohjaajan muistiinpano";
    PresentNotesOn => "note shown", "muistiinpano näkyy";
    PresentNoteTitle => "Facilitator note", "Ohjaajalle";
    PresentNoNote => "No facilitator note at this moment.", "Tässä kohdassa ei ole ohjaajan muistiinpanoa.";
    PresentMap => "branch map", "polkukartta";
    PresentMapTitle => "Branch map: paths explored ({n})", "Polkukartta: tutkitut polut ({n})";
    PresentHere => "the room is here", "ryhmä on tässä";
    PresentGoThere => "go back there", "palaa tähän";
    PresentCloseMap => "close the map", "sulje kartta";
    PresentBackOne => "back one decision", "päätös taaksepäin";
    PresentFromStart => "from the start", "alusta";
    PresentOtherPage => "measurement / four styles", "mittaus / neljä tyyliä";
    PresentOtherChoice => "whole run / each choice", "koko polku / valinnat";
    PresentDecisionN => "Decision {n}", "Päätös {n}";
    PresentPressBegin => "Press Enter to begin.", "Aloita painamalla Enter.";
    PresentChoicesWaiting => "{count} possible answers. What would you say?", "{count} vastausvaihtoehtoa. Mitä sinä sanoisit?";
    PresentMoreChoices => "({n} more to come)", "({n} vielä tulossa)";
    PresentVotes => "Votes: {n}", "Ääniä: {n}";
    PresentTie => "The votes are tied between {choices}. Select the one to follow with ↑/↓ and press Enter.", "Äänet menivät tasan: {choices}. Valitse jatko nuolilla ↑/↓ ja paina Enter.";
    PresentRoomChose => "The room chose {n}:", "Ryhmä valitsi vaihtoehdon {n}:";
    PresentRoomChoseOneVote => "The room chose {n} (the only vote):", "Ryhmä valitsi vaihtoehdon {n} (ainoa ääni):";
    PresentRoomChoseVotes => "The room chose {n} ({votes} of {total} votes):", "Ryhmä valitsi vaihtoehdon {n} ({votes}/{total} ääntä):";
    PresentToDebrief => "Press Enter for the debrief.", "Yhteenveto painamalla Enter.";
    PresentStylesTitle => "How the feedback reads for each style", "Miltä palaute kuulostaa kullekin tyylille";
    PresentStylesDebrief => "How the debrief reads for each style", "Miltä yhteenveto kuulostaa kullekin tyylille";
    PresentMessageHere => "(the feedback above)", "(palaute yllä)";
    PresentChoiceOfPath => "Choice {n} of {count} on this path:", "Polun valinta {n}/{count}:";
    PresentForEveryone => "Feedback", "Palaute";
    PresentNoTip => "No extra words for this style: the feedback above is the same.", "Ei lisäsanoja tälle tyylille: palaute yllä on sama.";
    PresentSameMeasure => "The measurement is the same for every style; style changes only the words.",
        "Mittaus on sama kaikille tyyleille; tyyli muuttaa vain sanoja.";
    // Command line
    CliError => "error: {message}", "virhe: {message}";
    CliNoSuchPath => "error: no such file or folder: {path}", "virhe: tiedostoa tai kansiota ei ole: {path}";
    CliNoSuchFile => "error: no such file: {path}", "virhe: tiedostoa ei ole: {path}";
    CliCannotRead => "error: cannot read {path}: {error}", "virhe: tiedostoa {path} ei voi lukea: {error}";
    CliFile => "{n} file", "{n} tiedosto";
    CliFiles => "{n} files", "{n} tiedostoa";
    CliScenario => "{n} scenario", "{n} skenaario";
    CliScenarios => "{n} scenarios", "{n} skenaariota";
    CliErrorCount => "{n} error", "{n} virhe";
    CliErrors => "{n} errors", "{n} virhettä";
    CliWarning => "{n} warning", "{n} varoitus";
    CliWarnings => "{n} warnings", "{n} varoitusta";
    CliRun => "{n} run", "{n} harjoitus";
    CliRuns => "{n} runs", "{n} harjoitusta";
    CliLine => "{n} line", "{n} rivi";
    CliLines => "{n} lines", "{n} riviä";
    CliNode => "{n} node", "{n} solmu";
    CliNodes => "{n} nodes", "{n} solmua";
    CliChoice => "{n} choice", "{n} valinta";
    CliChoices => "{n} choices", "{n} valintaa";
    CliEnding => "{n} ending", "{n} lopetus";
    CliEndings => "{n} endings", "{n} lopetusta";
    CliRoute => "{n} route", "{n} reitti";
    CliRoutes => "{n} routes", "{n} reittiä";
    CliWord => "{n} word", "{n} sana";
    CliWords => "{n} words", "{n} sanaa";
    CliNone => "none", "ei yhtään";
    CliAndMore => "{items} … and {n} more", "{items} … ja {n} muuta";
    CheckExplain => "To learn more about a code, run `kohtaa explain {code}`.", "Koodin selityksen saat komennolla `kohtaa explain {code}`.";
    CheckSummary => "checked {files}, {scenarios}: {errors}, {warnings}", "tarkistettiin {files}, {scenarios}: {errors}, {warnings}";
    DraftHasErrors => "note: {path} has errors (see above); working on it as it is", "huom.: tiedostossa {path} on virheitä (ks. yllä); käsitellään sitä sellaisenaan";
    DraftNoModel => "note: no model `{model}` in language `{lang}`: steps cannot be measured", "huom.: mallia `{model}` ei ole kielellä `{lang}`, joten askeleita ei voi mitata";
    DraftNotScenario => "error: {path} is not a scenario file", "virhe: {path} ei ole skenaariotiedosto";
    GraphStart => "start · {kind}", "alku · {kind}";
    GraphEnding => "ending: {outcome}", "lopetus: {outcome}";
    GraphMissing => "missing node", "puuttuva solmu";
    GraphOtherwise => "otherwise", "muuten";
    GraphIf => "{choice} if {condition}", "{choice} jos {condition}";
    GraphMood => "mood", "mieliala";
    GraphAlways => "always", "aina";
    AnalyzeSize => "  size: {nodes}, {choices}, {endings}, {routes}; {words}", "  koko: {nodes}, {choices}, {endings}, {routes}; {words}";
    AnalyzeRunReads => "; one run reads {min}–{max} words ({minutes})", "; yhdessä harjoituksessa luetaan {min}–{max} sanaa ({minutes})";
    AnalyzeRunReadsAtLeast => "; one run reads at least {words} (~{minutes} min)", "; yhdessä harjoituksessa luetaan vähintään {words} (~{minutes} min)";
    AnalyzeReading => "  reading time: ~{minutes} min for everything at {wpm} words a minute{run}", "  lukuaika: kaikkeen ~{minutes} min ({wpm} sanaa minuutissa){run}";
    AnalyzeStates => "  states: {node_mood} (node, mood); {full} (node, mood, steps) for the fit{limit}", "  tiloja: {node_mood} (solmu, mieliala); mallin mukaisuutta varten {full} (solmu, mieliala, askeleet){limit}";
    AnalyzeStateLimit => " — stopped at the limit of {limit}; fit results below are bounds, not proofs", " — haku pysähtyi rajaan {limit}; alla olevat mallin mukaisuudet ovat vain rajoja, eivät todistettuja arvoja";
    AnalyzeEndingsTitle => "Endings and paths (exact)", "Lopetukset ja polut (tarkat)";
    AnalyzeReachable => "  endings reachable: {list}", "  saavutettavat lopetukset: {list}";
    AnalyzeUnreachable => "  endings unreachable: {list}", "  saavuttamattomat lopetukset: {list}";
    AnalyzeUnreached => "  nodes never reached: {list}", "  solmut, joihin ei koskaan päädytä: {list}";
    AnalyzeStuck => "  nodes from which no ending can be reached: {list}", "  solmut, joista ei pääse mihinkään lopetukseen: {list}";
    AnalyzeNoTraps => "  loops that trap a learner: none", "  silmukat, joihin harjoittelija jää jumiin: ei yhtään";
    AnalyzeTrap => "  TRAP: a loop with no way out through {nodes}; entered by {path}", "  ANSA: silmukka, josta ei pääse ulos ({nodes}); sinne johtaa {path}";
    AnalyzePaths => "  complete paths: {count}", "  kokonaisia polkuja: {count}";
    AnalyzeMoreThan => "more than {n}", "yli {n}";
    AnalyzePathsUnbounded => "  complete paths: unbounded (a reachable loop through {cycle})", "  kokonaisia polkuja: rajattomasti (saavutettava silmukka: {cycle})";
    AnalyzeFitTitle => "Fit and mood", "Mallin mukaisuus ja mieliala";
    AnalyzeBestFit => "best model fit", "paras mallin mukaisuus";
    AnalyzeWorstFit => "worst model fit", "heikoin mallin mukaisuus";
    AnalyzeBestFitBound => "best model fit at least", "paras mallin mukaisuus vähintään";
    AnalyzeWorstFitBound => "worst model fit at most", "heikoin mallin mukaisuus enintään";
    AnalyzeNoFit => "  model fit: none (no run ends, or no step is in play)", "  mallin mukaisuus: ei mitään (yksikään harjoitus ei pääty, tai mikään askel ei ole mukana)";
    AnalyzeBestMood => "best final mood", "paras loppumieliala";
    AnalyzeWorstMood => "worst final mood", "huonoin loppumieliala";
    AnalyzeNoMood => "  final mood: no run ends", "  loppumieliala: yksikään harjoitus ei pääty";
    AnalyzePedagogyTitle => "Pedagogy", "Pedagogiikka";
    AnalyzeWarning => "  warning[{code}]: {text}", "  varoitus[{code}]: {text}";
    AnalyzeNote => "  note[{code}]: {text}", "  huomautus[{code}]: {text}";
    AnalyzeNotesHidden => "  notes: {n}; `kohtaa analyze --notes` shows them", "  huomautuksia: {n}; ne näyttää `kohtaa analyze --notes`";
    AnalyzeMoreLikeThese => "  … and {n} more like these", "  … ja {n} muuta samanlaista";
    AnalyzeFocusBroken => "{outcome} ending `{ending}` is reachable although focus step `{step}` is broken: {path}", "{outcome}-lopetukseen `{ending}` pääsee, vaikka painopisteaskel `{step}` rikkoutuu: {path}";
    AnalyzeFocusLimit => "  note: the search for good endings after a broken focus step hit the state limit", "  huom.: hyvien lopetusten haku painopisteaskeleen rikkoutumisen jälkeen pysähtyi tilarajaan";
    AnalyzeMistakeRaises => "{at}: choice {choice} at `{node}` breaks {steps} yet raises the mood ({mood}): a fair trap if the feedback says what it costs", "{at}: valinta {choice} solmussa `{node}` nostaa mielialaa ({mood}), vaikka {steps} rikkoutuu: reilu ansa, jos palaute kertoo hinnan";
    AnalyzeGoodLowers => "{at}: choice {choice} at `{node}` shows {steps} with no break, yet lowers the mood by {drop}: say in the feedback why it was right", "{at}: valinta {choice} solmussa `{node}` noudattaa mallia ({steps}) rikkomatta mitään, mutta laskee mielialaa {drop} pistettä: kerro palautteessa, miksi se oli silti oikein";
    AnalyzeFocusNotFitted => "focus step `{step}` is fitted by no choice", "mikään valinta ei noudata painopisteaskelta `{step}`";
    AnalyzeSilentBreak => "{at}: choice {choice} at `{node}` breaks {steps} without feedback", "{at}: valinta {choice} solmussa `{node}` rikkoo mallia ({steps}) ilman palautetta";
    AnalyzeGameable => "gameable: always taking the longest choice reaches the best fit ({fit} %): {path}", "läpäistävissä kikalla: aina pisimmän vaihtoehdon valitsemalla saa parhaan mallin mukaisuuden ({fit} %): {path}";
    AnalyzeLength => "nodes with good and bad choices: {nodes}; at {good} of them the longest answer is a good one ({share} %); chance would give {chance} ({chance_share} %), and as many or more with probability {p}", "solmuja, joissa on sekä hyviä että huonoja valintoja: {nodes}; niistä {good} solmussa pisin vastaus on hyvä ({share} %); sattumalta odotusarvo olisi {chance} ({chance_share} %), ja yhtä monta tai useampi tulisi todennäköisyydellä {p}";
    AnalyzeMoodSeparates => "nodes with good and bad choices: {nodes}; at {separated} of them the mood change alone tells good from bad", "solmuja, joissa on sekä hyviä että huonoja valintoja: {nodes}; niistä {separated} solmussa pelkkä mielialan muutos erottaa hyvät valinnat huonoista";
    AnalyzeMoodGreedy => "always taking the highest mood change leads to {endings}; the best outcome in the scenario is {best}: {path}", "aina suurimman mielialan muutoksen valitsemalla päätyy lopetuksiin {endings}; skenaarion paras lopputulos on {best}: {path}";
    AnalyzeBestPerfect => "the best path scores 100 % with no order notes: {path}", "paras polku saa 100 % ilman järjestyshuomautuksia: {path}";
    AnalyzeBestImperfect => "the best path is not perfect: fit {fit} %{problems}: {path}", "paras polku ei ole täydellinen: mallin mukaisuus {fit} %{problems}: {path}";
    AnalyzeBestUnproven => "the search for a perfect path hit the state limit; the best found: fit {fit} %{problems}: {path}", "täydellisen polun haku pysähtyi tilarajaan; paras löydetty: mallin mukaisuus {fit} %{problems}: {path}";
    AnalyzeBestMissed => "; missed: {steps}", "; jäi puuttumaan: {steps}";
    AnalyzeBestBroken => "; broken: {steps}", "; rikkoutui: {steps}";
    AnalyzeBestOrder => "; order: {notes}", "; järjestys: {notes}";
    AnalyzeOrderPair => "`{early}` before `{late}`", "`{early}` ennen askelta `{late}`";
    AnalyzeNoRecovery => "{at}: after choice {choice} at `{node}` ({steps} broken) no path reaches a Partial or Resolved ending; endings reachable: {endings}", "{at}: solmun `{node}` valinnan {choice} jälkeen ({steps} rikkoutuu) mikään polku ei johda Partial- tai Resolved-lopetukseen; saavutettavat lopetukset: {endings}";
    AnalyzeLongest => "  always taking the longest choice leads to {to}{proven}: {path}", "  aina pisimmän vaihtoehdon valitsemalla: {to}{proven}: {path}";
    AnalyzeLongestFit => "fit {fit} %", "mallin mukaisuus {fit} %";
    AnalyzeLongestNoFit => "no fit", "ei mallin mukaisuutta";
    AnalyzeLongestNoEnding => "no ending", "ei lopetusta";
    AnalyzeBestNotProven => " (best fit not proven)", " (parasta mallin mukaisuutta ei todistettu)";
    AnalyzeClean => "  no pedagogy warnings", "  ei pedagogisia varoituksia";
    TestScenarioHeader => "{file} (scenario `{id}`)", "{file} (skenaario `{id}`)";
    TestOk => "ok", "ok";
    TestFail => "FAIL", "HYLÄTTY";
    TestEvery => "every playthrough: {why}", "kaikki läpipeluut: {why}";
    TestScenarioBroken => "scenario `{id}` has errors ({code}: {message}); run `kohtaa check`", "skenaariossa `{id}` on virheitä ({code}: {message}); aja `kohtaa check`";
    TestNoScenario => "no scenario `{id}` found", "skenaariota `{id}` ei löytynyt";
    TestManyLanguages => "scenario `{id}` exists in several languages; put the test file beside the one it tests", "skenaario `{id}` on usealla kielellä; siirrä testitiedosto sen skenaarion viereen, jota se testaa";
    TestNoModel => "no model `{model}` in language `{lang}`", "mallia `{model}` ei ole kielellä `{lang}`";
    TestPathTaken => "path taken: {path}", "kuljettu polku: {path}";
    TestNoneFound => "no scenario tests found", "skenaariotestejä ei löytynyt";
    TestWriteSome => "  write {file} beside it to add some (docs/authoring.md, \"Tests\")", "  lisää testejä kirjoittamalla sen viereen {file} (docs/authoring.md, ”Tests”)";
    TestSummary => "{passed} passed, {failed} failed", "hyväksytty: {passed}, hylätty: {failed}";
    TestEndedAlready => "step {step}: the run already ended at `{here}`, but the path goes on to `{node}`", "polun kohta {step}: harjoitus päättyi jo solmuun `{here}`, mutta polku jatkuu solmuun `{node}`";
    TestWrongNode => "step {step}: the path names node `{node}`, but the run is at `{here}`", "polun kohta {step}: polussa on solmu `{node}`, mutta harjoitus on solmussa `{here}`";
    TestNoSuchChoice => "step {step}: node `{here}` has no choice {number} (it has {count})", "polun kohta {step}: solmussa `{here}` ei ole valintaa {number} (valintoja on {count})";
    TestStepError => "step {step}: {error}", "polun kohta {step}: {error}";
    TestFitNone => "none (no step in play)", "ei mitään (mikään askel ei ole mukana)";
    TestEnding => "ending: expected `{want}`, reached `{got}`", "lopetus: odotettiin `{want}`, saavutettiin `{got}`";
    TestEndingNone => "ending: expected `{want}`, but the run stopped at `{node}` before any ending", "lopetus: odotettiin `{want}`, mutta harjoitus pysähtyi solmuun `{node}` ennen lopetusta";
    TestOutcome => "outcome: expected {want}, got {got}", "lopputulos: odotettiin {want}, saatiin {got}";
    TestOutcomeNone => "outcome: expected {want}, but the run reached no ending", "lopputulos: odotettiin {want}, mutta harjoitus ei päässyt lopetukseen";
    TestFitAtLeast => "fit: expected at least {min} %, got {fit}", "mallin mukaisuus: odotettiin vähintään {min} %, saatiin {fit}";
    TestFitAtMost => "fit: expected at most {max} %, got {fit}", "mallin mukaisuus: odotettiin enintään {max} %, saatiin {fit}";
    TestExpectShown => "step `{step}`: expected shown, was {result}", "askel `{step}`: odotettiin näkyvän, mutta {result}";
    TestExpectBroken => "step `{step}`: expected broken, was {result}", "askel `{step}`: odotettiin rikkoutuvan, mutta {result}";
    TestExpectMissed => "step `{step}`: expected missed, was {result}", "askel `{step}`: odotettiin jäävän puuttumaan, mutta {result}";
    TestExpectNotReached => "step `{step}`: expected not reached, was {result}", "askel `{step}`: odotettiin, ettei se tule vastaan, mutta {result}";
    TestOrderNotes => "order notes: expected {want}, got {got} ({notes})", "järjestyshuomiot: odotettiin {want}, saatiin {got} ({notes})";
    TestWasShown => "shown", "näkyi";
    TestWasBroken => "broken", "rikkoutui";
    TestWasMissed => "missed", "jäi puuttumaan";
    TestWasNotReached => "not reached", "ei tullut vastaan";
    TestWasNotInPlay => "not in play", "ei ollut mukana";
    TestWasNoStep => "not a step of the model", "se ei ole mallin askel";
    TestMoodAtLeast => "final mood: expected at least {min}, got {mood}", "loppumieliala: odotettiin vähintään {min}, saatiin {mood}";
    TestMoodAtMost => "final mood: expected at most {max}, got {mood}", "loppumieliala: odotettiin enintään {max}, saatiin {mood}";
    NewBadId => "error: `{id}` is not a valid id: use lower-case letters a-z, digits and '-', starting with a letter or a digit", "virhe: `{id}` ei kelpaa id:ksi: käytä pieniä kirjaimia a–z, numeroita ja merkkiä '-', ja aloita kirjaimella tai numerolla";
    NewWrote => "wrote {path}", "kirjoitettiin {path}";
    NewNext => "next: edit it, then `kohtaa check {path}`, `kohtaa graph {path} | dot -Tpng -o {id}.png`, `kohtaa analyze {path}`", "seuraavaksi: muokkaa tiedostoa ja aja sitten `kohtaa check {path}`, `kohtaa graph {path} | dot -Tpng -o {id}.png`, `kohtaa analyze {path}`";
    NewExists => "error: {path} already exists; not overwriting it", "virhe: {path} on jo olemassa, eikä sitä korvata";
    NewCannotWrite => "error: cannot write {path}: {error}", "virhe: tiedostoon {path} ei voi kirjoittaa: {error}";
    CoverageNoModel => "error: no encounter model in language `{lang}`", "virhe: kohtaamismallia ei ole kielellä `{lang}`";
    CoverageOtherModel => "note: `{id}` uses the model `{model}`; the table counts it against `{counted}`", "huom.: `{id}` käyttää mallia `{model}`; taulukko laskee sen mallin `{counted}` mukaan";
    CoverageDiffers => "warning: `{id}` ({a} / {b}) differs: {difference}", "varoitus: `{id}` ({a} / {b}) eroaa: {difference}";
    CoverageStepsIntro => "Steps × scenarios: F = a good choice fits the step, B = a choice breaks it (directly or by one of its pitfalls).", "Askeleet × skenaariot: N = hyvä valinta noudattaa askelta, R = valinta rikkoo sen (suoraan tai jonkin sen sudenkuopan kautta).";
    CoverageFits => "F", "N";
    CoverageBreaks => "B", "R";
    CoverageStep => "step", "askel";
    CoverageThread => "thread", "läpi kohtaamisen";
    CoverageFittedIn => "fitted in", "noudattavia";
    CoverageBrokenIn => "broken in", "rikkovia";
    CoverageStylesIntro => "Customer styles × scenarios:", "Asiakkaiden tyylit × skenaariot:";
    CoverageStyle => "style", "tyyli";
    CoverageScenarioCount => "scenarios", "skenaarioita";
    CoverageScenariosIntro => "Scenarios:", "Skenaariot:";
    CoverageColumns => "scenario | customer | difficulty | focus | nodes | endings | outcomes | mood routes | facilitator notes | choices with style tips", "skenaario | asiakas | vaikeus | painopiste | solmuja | lopetuksia | lopputulokset | mielialareittejä | ohjaajan muistiinpanoja | valintoja, joissa tyylivinkki";
    HistoryNone => "no saved runs in {dir}", "ei tallennettuja harjoituksia hakemistossa {dir}";
    HistoryColumns => "when|scenario|lang|result|fit|focus|useful", "aika|harjoitus|kieli|tulos|mukaisuus|painopiste|hyöty";
    HistoryFinished => "finished", "päättyi";
    HistoryAbandoned => "abandoned", "keskeytetty";
    HistoryCount => "{runs} in {dir}", "{runs} hakemistossa {dir}";
    HistoryOlderRules => "* {runs} measured by earlier rules: the scenario has changed or is gone, so the choices cannot be measured again (current rules: version {version}).", "* {runs} on mitattu aiemmilla säännöillä: skenaario on muuttunut tai poistunut, joten valintoja ei voi mitata uudelleen (nykyiset säännöt: versio {version}).";
    HistoryUnreadable => "warning: cannot read saved run {path}: {why}", "varoitus: tallennettua harjoitusta {path} ei voi lukea: {why}";
    HistoryDamaged => "warning: saved run {path} is damaged: {why}", "varoitus: tallennettu harjoitus {path} on vioittunut: {why}";
    HistoryNewer => "warning: saved run {path} has format {version}, newer than this kohtaa reads ({supported}); skipped", "varoitus: tallennetun harjoituksen {path} muoto {version} on uudempi kuin tämä kohtaa osaa lukea ({supported}); ohitettiin";
    HistoryMovedTo => "; moved to {path}", "; siirrettiin sivuun: {path}";
    HistoryNoSave => "error: --no-save is set (or there is no data folder): nothing deleted", "virhe: --no-save on käytössä (tai datakansiota ei ole), joten mitään ei poistettu";
    HistoryNoTerminal => "error: not asking without a terminal; add --yes to delete every saved run", "virhe: ilman päätettä ei voi kysyä; lisää --yes, jos haluat poistaa kaikki tallennetut harjoitukset";
    HistoryConfirm => "Delete every saved run in {dir}? This cannot be undone. [y/N] ", "Poistetaanko kaikki tallennetut harjoitukset hakemistosta {dir}? Tätä ei voi perua. [k/E] ";
    HistoryNothingDeleted => "nothing deleted", "mitään ei poistettu";
    HistoryDeleted => "deleted {files} from {dir}", "poistettiin {files} hakemistosta {dir}";
    ExportNoProfile => "note: no style profile saved; exporting without one", "huom.: tyyliprofiilia ei ole tallennettu, joten vienti tehdään ilman sitä";
    ExportCannotRead => "warning: cannot read {path}: {error}", "varoitus: tiedostoa {path} ei voi lukea: {error}";
    ExportNotObject => "warning: {path} is not a JSON object; exporting without it", "varoitus: {path} ei ole JSON-objekti, joten vienti tehdään ilman sitä";
    ReportSkipped => "warning: {path}:{line}: skipped: {error}", "varoitus: {path}:{line}: ohitettiin: {error}";
    ReportNoRuns => "no runs found in the files given", "annetuista tiedostoista ei löytynyt harjoituksia";
    ReportChoiceColumns => "node|choice|chosen|avg fit|avg final mood|text", "solmu|valinta|valittu|mukaisuus ka.|loppumieliala ka.|teksti";
    ReportStepsTitle => "Steps the group misses most", "Askeleet, jotka ryhmältä useimmin puuttuvat tai rikkoutuvat";
    ReportStepColumns => "step|runs|shown|broken|missed", "askel|harjoituksia|näkyi|rikkoutui|puuttui";
    ReportRunsRead => "{runs} read", "luettiin {runs}";
    ReportLinesSkipped => ", {lines} skipped", ", ohitettiin {lines}";
    ProfileNoDataDir => "error: no data directory on this system; set KOHTAA_DATA_DIR", "virhe: järjestelmässä ei ole datahakemistoa; aseta KOHTAA_DATA_DIR";
    ProfileFileError => "error: {path}: {error}", "virhe: {path}: {error}";
    ProfileMovedAside => "warning: your profile could not be read and was moved aside to {path}", "varoitus: profiiliasi ei voitu lukea, ja se siirrettiin talteen nimellä {path}";
    ProfileNoSave => "error: --no-save is set; the profile was not changed", "virhe: --no-save on käytössä, joten profiilia ei muutettu";
    ProfileYourStyle => "Your style: {style}", "Tyylisi: {style}";
    ProfileFeedback => "Feedback: {text}", "Palaute: {text}";
    ProfileStrength => "Strength: {text}", "Vahvuus: {text}";
    ProfileWatchFor => "Watch for: {text}", "Huomaa: {text}";
    ProfileNotSet => "Your style: not set (feedback uses neutral wording).", "Tyylisi: ei valittu (palaute on neutraalia).";
    ProfileSuggested => "Self-check suggested: {style} ({answers})", "Pikakysely ehdotti: {style} ({answers})";
    ProfileNoPreference => "no clear preference", "ei selvää taipumusta";
    ProfileAnswerKept => "{n} answer kept", "{n} vastaus tallessa";
    ProfileAnswersKept => "{n} answers kept", "{n} vastausta tallessa";
    ProfileStoredIn => "Stored only on this computer, in {path}", "Tallessa vain tällä koneella, tiedostossa {path}";
    ProfileWouldBeStored => "No profile saved. It would be stored only on this computer, in {path}", "Profiilia ei ole tallennettu. Se tallennettaisiin vain tälle koneelle, tiedostoon {path}";
    ProfileHowToChange => "Change it with `kohtaa profile --set STYLE`; delete it with `kohtaa profile --forget`.", "Vaihda tyyli: `kohtaa profile --set TYYLI`; poista profiili: `kohtaa profile --forget`.";
    ProfileNothingToDelete => "There is no profile to delete.", "Poistettavaa profiilia ei ole.";
    ProfileConfirmDelete => "Delete your profile (your style and self-check answers) from {path}? [y/N] ", "Poistetaanko profiilisi (tyylisi ja pikakyselyn vastaukset) tiedostosta {path}? [k/E] ";
    ProfileNothingDeleted => "Nothing was deleted.", "Mitään ei poistettu.";
    ProfileTheme => "Theme: {theme} (choose with --theme default|high-contrast|mono)", "Teema: {theme} (valitse: --theme default|high-contrast|mono)";
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: T) -> &'static str {
    match lang {
        Lang::En => key.en(),
        Lang::Fi => key.fi(),
    }
}

/// `n` with the word form that reads right after it: `one` for exactly 1, `many` otherwise
/// ("1 file", "0 files", "3 files"; "1 tiedosto", "0 tiedostoa", "3 tiedostoa"). Both
/// entries hold `{n}`.
pub fn count(lang: Lang, n: usize, one: T, many: T) -> String {
    tf(
        lang,
        if n == 1 { one } else { many },
        &[("n", &n.to_string())],
    )
}

/// The text of `key` with each `{name}` replaced by its value. Values are set in made safe
/// for a terminal ([`terminal_safe`]): a path, an id or a system's error message holding an
/// escape sequence shows it as `\u{1b}`, never runs it, wherever the message is printed.
pub fn tf(lang: Lang, key: T, args: &[(&str, &str)]) -> String {
    // One pass over the entry: a value is never read again, so a path or an id holding
    // `{name}` stays as it is.
    let mut rest = t(lang, key);
    let mut text = String::with_capacity(rest.len());
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = args.iter().find(|(n, _)| *n == name)?;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                text.push_str(&terminal_safe(value));
                rest = &after[close + 1..];
            }
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

pub fn outcome(lang: Lang, outcome: Outcome) -> &'static str {
    t(
        lang,
        match outcome {
            Outcome::Resolved => T::Resolved,
            Outcome::Partial => T::Partial,
            Outcome::Unresolved => T::Unresolved,
            Outcome::Escalated => T::Escalated,
        },
    )
}

/// Why a scenario is recommended, in words: the step that is due, a first scenario, or
/// something not played lately.
pub fn recommendation_reason(
    lang: Lang,
    next: &Recommendation,
    step_name: &dyn Fn(&str) -> String,
) -> String {
    match &next.reason {
        Reason::Due { .. } => tf(
            lang,
            T::NextDue,
            &[(
                "step",
                &next.step.as_deref().map(step_name).unwrap_or_default(),
            )],
        ),
        Reason::FirstRun => t(lang, T::NextFirst).to_owned(),
        Reason::NothingDue { .. } => t(lang, T::NextNothingDue).to_owned(),
    }
}

/// The words for a scenario's setting.
pub fn setting(lang: Lang, setting: Setting) -> &'static str {
    t(
        lang,
        match setting {
            Setting::ServicePoint => T::SettingServicePoint,
            Setting::Phone => T::SettingPhone,
            Setting::HealthCare => T::SettingHealthCare,
            Setting::Supervisor => T::SettingSupervisor,
            Setting::Workshop => T::SettingWorkshop,
            Setting::Internal => T::SettingInternal,
            Setting::Business => T::SettingBusiness,
            Setting::Written => T::SettingWritten,
        },
    )
}

pub fn step_result(lang: Lang, result: StepResult) -> &'static str {
    t(
        lang,
        match result {
            StepResult::Shown => T::Shown,
            StepResult::Broken => T::Broken,
            StepResult::Missed => T::Missed,
            StepResult::NotReached => T::NotReached,
            StepResult::NotInPlay => T::NotInPlay,
        },
    )
}

pub fn style(lang: Lang, style: Style) -> &'static str {
    t(
        lang,
        match style {
            Style::D => T::StyleD,
            Style::I => T::StyleI,
            Style::S => T::StyleS,
            Style::C => T::StyleC,
        },
    )
}

/// The default scale's word for a mood on the -5..=5 scale (beyond an end, the end's word).
/// Views name a mood through [`mood_word`], which lets a scenario speak for its customer.
pub fn default_mood_word(lang: Lang, mood: i32) -> &'static str {
    t(
        lang,
        match mood {
            i32::MIN..=-5 => T::MoodVeryUpset,
            -4 => T::MoodUpset,
            -3 => T::MoodTroubled,
            -2 => T::MoodUneasy,
            -1 => T::MoodWary,
            0 => T::MoodNeutral,
            1 => T::MoodOpen,
            2 => T::MoodReassured,
            3 => T::MoodAtEase,
            4 => T::MoodPleased,
            5..=i32::MAX => T::MoodSatisfied,
        },
    )
}

/// The word for `mood` in `scenario`: its customer's own word where the scenario gives one,
/// else the default scale's. Every view that names a mood asks here, so a scale reads the
/// same on every screen. A scenario's word is made fit for one line of any terminal.
pub fn mood_word<'a>(lang: Lang, scenario: &'a Scenario, mood: i32) -> Cow<'a, str> {
    let mood = mood.clamp(MOOD_MIN, MOOD_MAX);
    let customer = &scenario.customer;
    if let Some(word) = customer.mood_word(mood) {
        return Cow::Owned(for_screen(word).replace('\n', " "));
    }
    // A scale partly in the scenario's words goes on in the scenario's language: "in tears"
    // next to "huolissaan" would read as a slip.
    let lang = match scenario.language.as_str() {
        _ if customer.mood_words.is_empty() => lang,
        "en" => Lang::En,
        "fi" => Lang::Fi,
        _ => lang,
    };
    Cow::Borrowed(default_mood_word(lang, mood))
}

/// An average mood to one decimal, signed as [`signed`] signs: "+1.5", "0.0", "−2.3"; Finnish
/// writes a decimal comma.
pub fn signed_decimal(lang: Lang, v: f64) -> String {
    let digits = format!("{:.1}", v.abs());
    let sign = match () {
        _ if digits == "0.0" => "",
        _ if v < 0.0 => "−",
        _ => "+",
    };
    let text = format!("{sign}{digits}");
    match lang {
        Lang::En => text,
        Lang::Fi => text.replace('.', ","),
    }
}

/// A day as the language writes it: "5.12.2026" in Finnish, "2026-12-05" in English.
pub fn date(lang: Lang, when: time::OffsetDateTime) -> String {
    use time::macros::format_description;
    let format = match lang {
        Lang::Fi => format_description!("[day padding:none].[month padding:none].[year]"),
        Lang::En => format_description!("[year]-[month]-[day]"),
    };
    // Formatting a date with these descriptions cannot fail; an empty string would be seen.
    when.format(format).unwrap_or_default()
}

/// A day for columns that line up, the same in every language: "2026-12-05".
pub fn iso_date(when: time::OffsetDateTime) -> String {
    when.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// A moment for tables and logs, the same in every language: "2026-12-05 14:03".
pub fn date_time(when: time::OffsetDateTime) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    when.format(format).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages_and_the_same_placeholders() {
        for key in T::ALL {
            assert!(!key.en().is_empty() && !key.fi().is_empty(), "{key:?}");
            let holes = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_owned()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(holes(key.en()), holes(key.fi()), "{key:?}");
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            tf(Lang::En, T::MoodChange, &[("from", "−2"), ("to", "+1")]),
            "Mood −2 → +1"
        );
        // Values are put in as they are, even when they look like a placeholder; a name
        // without a value stays.
        assert_eq!(
            tf(Lang::Fi, T::MoodChange, &[("from", "{to}"), ("to", "{x}")]),
            "Mieliala {to} → {x}"
        );
        assert_eq!(
            tf(Lang::En, T::MoodChange, &[("to", "0")]),
            "Mood {from} → 0"
        );
    }
}
