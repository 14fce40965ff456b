//! The starting file `kohtaa new` writes: every field shown once, each with a comment saying
//! what it is for, in English or Finnish. It passes `check` as written.

use crate::content::Style;

/// The starting file for scenario `id` in `lang` ("fi" or anything else for English), with a
/// customer of `style`.
pub fn new_scenario(id: &str, lang: &str, style: Style) -> String {
    let text = if lang == "fi" { FI } else { EN };
    text.replace("{ID}", id).replace("{STYLE}", style.letter())
}

const EN: &str = r#"// A kohtaa scenario. Lines starting with // are comments: delete them when you like.
// The workflow: edit this file, then
//   kohtaa check {ID}.ron      every problem, with line and column
//   kohtaa graph {ID}.ron | dot -Tpng -o {ID}.png    the conversation as a picture
//   kohtaa analyze {ID}.ron    every path: endings, loops, best and worst model fit, lints
//   kohtaa play {ID}.ron       try it; press F5 after an edit to reload and replay
//   kohtaa test {ID}.tests.ron playthroughs you expect to keep working
// The full guide: docs/authoring.md.
Scenario(
    // Required. Lower-case letters, digits and '-'; unique in its language. Keep it stable.
    id: "{ID}",
    // Required. The language of every text in this file: "en" or "fi".
    language: "en",
    // Required. The title learners pick the scenario by.
    title: "A title that names the situation",
    // Required. One or two sentences: what is going on when the learner steps in.
    summary: "A customer comes to the service point upset about a decision letter.",
    // Required. Who the learner plays.
    learner_role: "You work at the service point of the town hall.",
    // Optional. Words to find the scenario by.
    tags: ["service point"],
    // Optional. 1 (easy) to 3 (hard); default 1.
    difficulty: 1,
    // Optional. The encounter model whose steps the choices refer to; default "default".
    model: "default",
    // Optional. The steps this scenario mainly trains (step ids from the model).
    focus: ["acknowledge", "explain"],
    // Required. The customer the learner meets.
    customer: Customer(
        // Required. A fictional name.
        name: "Alex Example",
        // Required. The customer's DiSC style: D, i, S or C.
        style: {STYLE},
        // Optional. Mood at the start, -5 (very upset) to 5 (satisfied); default 0.
        mood: -2,
        // Optional. Background a facilitator may read out.
        about: "Has come in on a lunch break and has twenty minutes.",
        // Optional. The customer's own words for moods where the default scale would be
        // wrong for the person; a mood left out keeps the default word.
        // mood_words: { -5: "in tears", -4: "distressed", 5: "relieved" },
    ),
    // Required. The id of the first node.
    start: "opening",
    // Required. The moments of the conversation, in any order.
    nodes: [
        Node(
            // Required. Unique in this scenario; choices lead here by it.
            id: "opening",
            // Optional. What happens, told to the learner. Give narration, say, or both.
            narration: "A customer walks up to the counter holding a letter.",
            // Optional. What the customer says.
            say: "I got this letter and I don't understand a word of it. Who decided this?",
            // Optional. A question for the room, shown only in presenter mode.
            facilitator: "What does the customer need to hear first?",
            // A node has either choices (1 to 6) or an ending, never both.
            choices: [
                Choice(
                    // Required. What the learner says or does.
                    say: "That letter has clearly worried you. Let's read it together.",
                    // Required. The node this choice leads to.
                    next: "reading",
                    // Optional. Steps of the model this response shows.
                    fits: ["greet", "acknowledge"],
                    // Optional. Steps this response goes against.
                    breaks: [],
                    // Optional. Pitfall ids from the model; each also breaks its step.
                    pitfalls: [],
                    // Optional. Mood change, -5 to 5; default 0.
                    mood: 1,
                    // Strongly advised: one line naming the behaviour and the step.
                    feedback: "You named the worry before the facts: that is acknowledge.",
                    // Optional. Extra words for a learner of one DiSC style (D, i, S, C).
                    style_tips: {
                        C: "Your wish to get the facts right is a strength; the feeling comes first.",
                    },
                    // Optional. Conditional next: see the next choice.
                    routes: [],
                ),
                Choice(
                    say: "Decisions like that are made by the authority that sent the letter, not by us here.",
                    next: "reading",
                    pitfalls: ["rule-shield-first"],
                    mood: -2,
                    // Routes are tested on the mood after this choice, in order; the first
                    // that matches wins, else `next`. Each needs min_mood, max_mood or both
                    // (inclusive). Here: a customer this angry walks out.
                    routes: [
                        Route(max_mood: -4, next: "walks-out"),
                    ],
                    feedback: "The rule came before any sign you had heard the worry: acknowledge was skipped.",
                ),
            ],
        ),
        Node(
            id: "reading",
            say: "So what does it actually mean for me?",
            choices: [
                Choice(
                    say: "It means the application was refused. You can ask for it to be reconsidered within 30 days, and I can show you how.",
                    next: "calmer",
                    fits: ["explain", "agree"],
                    mood: 1,
                    feedback: "Plain words, the right to ask for reconsideration and an offer of help: explain and agree.",
                ),
                Choice(
                    say: "Don't worry about it at all, I'm quite sure they will change the decision once you give them a call and explain.",
                    next: "calmer",
                    pitfalls: ["overpromise"],
                    mood: 0,
                    feedback: "A promise you cannot keep feels kind now and breaks trust later: agree only what you control.",
                ),
            ],
        ),
        Node(
            id: "calmer",
            say: "Right. Thank you, that's clearer.",
            // An ending: Resolved, Partial, Unresolved or Escalated, with a summary.
            ending: Ending(
                outcome: Resolved,
                summary: "The customer left knowing what the letter means and what to do next.",
            ),
        ),
        Node(
            id: "walks-out",
            say: "Then what are you even here for?",
            ending: Ending(
                outcome: Escalated,
                summary: "The customer left angry, with the letter still unexplained.",
            ),
        ),
    ],
)
"#;

const FI: &str = r#"// kohtaa-skenaario. //-alkuiset rivit ovat kommentteja: poista ne, kun et enää tarvitse niitä.
// Työnkulku: muokkaa tätä tiedostoa ja aja sitten
//   kohtaa check {ID}.ron      kaikki virheet rivin ja sarakkeen kanssa
//   kohtaa graph {ID}.ron | dot -Tpng -o {ID}.png    keskustelu kuvana
//   kohtaa analyze {ID}.ron    kaikki polut: lopetukset, silmukat, paras ja huonoin mallin mukaisuus
//   kohtaa play {ID}.ron       kokeile; F5 muokkauksen jälkeen lataa tiedoston ja toistaa valinnat
//   kohtaa test {ID}.tests.ron läpipeluut, joiden pitää toimia jatkossakin
// Koko opas: docs/authoring.md.
Scenario(
    // Pakollinen. Pieniä kirjaimia a–z, numeroita ja '-'; yksilöllinen kielen sisällä. Älä muuta.
    id: "{ID}",
    // Pakollinen. Tiedoston tekstien kieli: "fi" tai "en".
    language: "fi",
    // Pakollinen. Otsikko, jolla harjoittelija valitsee skenaarion.
    title: "Otsikko, joka kertoo tilanteen",
    // Pakollinen. Lause tai kaksi: mitä on meneillään, kun harjoittelija tulee mukaan.
    summary: "Asiakas tulee palvelupisteeseen päätöskirjeen kanssa ja on huolissaan.",
    // Pakollinen. Kenen roolissa harjoittelija on.
    learner_role: "Työskentelet kunnantalon palvelupisteessä.",
    // Valinnainen. Hakusanoja.
    tags: ["palvelupiste"],
    // Valinnainen. 1 (helppo) – 3 (vaikea); oletus 1.
    difficulty: 1,
    // Valinnainen. Kohtaamismalli, jonka askeliin valinnat viittaavat; oletus "default".
    model: "default",
    // Valinnainen. Askeleet, joita skenaario erityisesti harjoittaa (mallin askelten id:t).
    focus: ["acknowledge", "explain"],
    // Pakollinen. Asiakas, jonka harjoittelija kohtaa.
    customer: Customer(
        // Pakollinen. Keksitty nimi.
        name: "Aino Esimerkki",
        // Pakollinen. Asiakkaan DiSC-tyyli: D, i, S tai C.
        style: {STYLE},
        // Valinnainen. Mieliala alussa, -5 (aivan tolaltaan) – 5 (tyytyväinen); oletus 0.
        mood: -2,
        // Valinnainen. Taustaa, jonka fasilitaattori voi kertoa.
        about: "Tuli ruokatunnillaan ja hänellä on kaksikymmentä minuuttia aikaa.",
        // Valinnainen. Asiakkaan omat sanat mielialoille, jos oletusasteikko ei sovi hänelle;
        // mieliala, jolle sanaa ei anneta, saa oletussanan.
        // mood_words: { -5: "itkee", -4: "hädissään", 5: "helpottunut" },
    ),
    // Pakollinen. Ensimmäisen solmun id.
    start: "opening",
    // Pakollinen. Keskustelun hetket, missä järjestyksessä tahansa.
    nodes: [
        Node(
            // Pakollinen. Yksilöllinen tässä skenaariossa; valinnat johtavat tänne tällä id:llä.
            id: "opening",
            // Valinnainen. Mitä tapahtuu, kerrottuna harjoittelijalle. Anna narration, say tai molemmat.
            narration: "Asiakas tulee tiskille kirje kädessään.",
            // Valinnainen. Mitä asiakas sanoo.
            say: "Sain tämän kirjeen enkä ymmärrä siitä sanaakaan. Kuka tämän on päättänyt?",
            // Valinnainen. Kysymys ryhmälle, näkyy vain esitystilassa.
            facilitator: "Mitä asiakkaan pitää kuulla ensimmäiseksi?",
            // Solmulla on joko valinnat (1–6) tai lopetus, ei koskaan molempia.
            choices: [
                Choice(
                    // Pakollinen. Mitä harjoittelija sanoo tai tekee.
                    say: "Kirje on selvästi huolestuttanut teitä. Luetaan se yhdessä.",
                    // Pakollinen. Solmu, johon valinta johtaa.
                    next: "reading",
                    // Valinnainen. Mallin askeleet, joita vastaus noudattaa.
                    fits: ["greet", "acknowledge"],
                    // Valinnainen. Askeleet, joita vastaus rikkoo.
                    breaks: [],
                    // Valinnainen. Mallin sudenkuopat (id); kukin rikkoo myös askeleensa.
                    pitfalls: [],
                    // Valinnainen. Mielialan muutos, -5 – 5; oletus 0.
                    mood: 1,
                    // Vahvasti suositeltu: rivi, joka nimeää toiminnan ja askeleen.
                    feedback: "Nimesit huolen ennen tosiasioita: se on ymmärryksen osoittamista.",
                    // Valinnainen. Lisäsanat tietyn DiSC-tyylin harjoittelijalle (D, i, S, C).
                    style_tips: {
                        C: "Halusi saada tosiasiat oikein on vahvuus; tunne tulee silti ensin.",
                    },
                    // Valinnainen. Ehdollinen jatko: katso seuraava valinta.
                    routes: [],
                ),
                Choice(
                    say: "Tuollaiset päätökset tekee kirjeen lähettänyt viranomainen, eivät me täällä palvelupisteessä.",
                    next: "reading",
                    pitfalls: ["rule-shield-first"],
                    mood: -2,
                    // Reitit testataan valinnan jälkeisellä mielialalla järjestyksessä; ensimmäinen
                    // sopiva voittaa, muuten `next`. Reitillä on min_mood, max_mood tai molemmat
                    // (rajat mukaan lukien). Tässä: näin vihainen asiakas lähtee.
                    routes: [
                        Route(max_mood: -4, next: "walks-out"),
                    ],
                    feedback: "Sääntö tuli ennen kuin asiakas kuuli, että huoli on kuultu: ymmärryksen osoittaminen jäi väliin.",
                ),
            ],
        ),
        Node(
            id: "reading",
            say: "Mitä tämä siis tarkoittaa minulle?",
            choices: [
                Choice(
                    say: "Hakemus on hylätty. Voitte pyytää oikaisua 30 päivän kuluessa, ja näytän, miten se tehdään.",
                    next: "calmer",
                    fits: ["explain", "agree"],
                    mood: 1,
                    feedback: "Selkeä kieli, oikaisun mahdollisuus ja tarjous auttaa: kerrot selkeästi ja sovit jatkosta.",
                ),
                Choice(
                    say: "Älkää ollenkaan huoliko, olen aivan varma, että he muuttavat päätöksen, kunhan soitatte heille ja selitätte.",
                    next: "calmer",
                    pitfalls: ["overpromise"],
                    mood: 0,
                    feedback: "Lupaus, jota et voi pitää, tuntuu nyt ystävälliseltä ja rikkoo luottamuksen myöhemmin.",
                ),
            ],
        ),
        Node(
            id: "calmer",
            say: "Selvä. Kiitos, nyt tämä on selvempi.",
            // Lopetus: Resolved, Partial, Unresolved tai Escalated ja yhteenveto.
            ending: Ending(
                outcome: Resolved,
                summary: "Asiakas lähti tietäen, mitä kirje tarkoittaa ja mitä seuraavaksi tehdä.",
            ),
        ),
        Node(
            id: "walks-out",
            say: "Mitä varten te sitten täällä olette?",
            ending: Ending(
                outcome: Escalated,
                summary: "Asiakas lähti vihaisena, eikä kirje selvinnyt.",
            ),
        ),
    ],
)
"#;

/// A bundled file made the start of the user's own scenario `new_id` (`kohtaa new ID --from`):
/// the scenario's `id`, or in a tests file the `scenario` it plays, changed from `old_id`.
/// `None` when the file names `old_id` in neither place.
pub fn renamed(text: &str, old_id: &str, new_id: &str) -> Option<String> {
    ["id", "scenario"].iter().find_map(|field| {
        let named = format!("{field}: \"{old_id}\"");
        let at = text.find(&named)?;
        Some(format!(
            "{}{field}: \"{new_id}\"{}",
            &text[..at],
            &text[at + named.len()..]
        ))
    })
}
