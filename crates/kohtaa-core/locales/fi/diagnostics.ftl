### kohtaa's diagnostics: what `kohtaa check` and the app say about a content file.
### One message per line: `id = text`, `{ $name }` for a value the program fills in.
### Every language file holds exactly the English file's ids, each with the same variables.

## crates/kohtaa-core/src/content/diagnostic.rs
# Ends a message that offers a replacement.
did-you-mean = ; tarkoititko `{ $name }`?

## crates/kohtaa-core/src/content/library.rs
starts-no-kind-content = `{ $name }(` ei aloita mitään kohtaan tuntemaa sisältötiedostoa
start-with-put-model = aloita tiedosto sanalla `Scenario(`, `EncounterModel(` tai `ScenarioTests(`, tai sijoita kohtaamismalli kansioon `models/` ja tyylitiedosto kansioon `styles/`
scenario-defined-twice = skenaario `{ $id }` ({ $language }) on määritelty kahdesti
also-defined = määritelty myös tiedostossa { $other }
this-replaces-bundled-scenario = tämä korvaa mukana tulevan skenaarion `{ $id }` ({ $language })

## crates/kohtaa-core/src/content/parse.rs
expected-one-of = odotettiin jotakin seuraavista: { $list }
unknown-field = tuntematon kenttä `{ $found }`{ $within }
unknown-value = tuntematon arvo `{ $found }`{ $within }
missing-field = kenttä `{ $field }` puuttuu{ $within }
field-given-twice = kenttä `{ $field }` on annettu kahdesti{ $within }
expected-struct-found = odotettiin `{ $expected }(...)`, löytyi `{ $found }(...)`
nesting-deeper-than-levels = sisäkkäisyyttä on yli { $recursion_limit } tasoa
text-not-valid-utf = teksti ei ole kelvollista UTF-8:aa
wrong-type-found = väärän tyyppinen arvo (RON: expected { $expected }, found { $found })
ron-message = virheellinen arvo (RON: { $m })

## RON's errors, and the words the messages above are made of
list-none = ei mitään
list-one = `{ $one }`
list-or = { $init } tai `{ $last }`
in-struct = {" "}rakenteessa `{ $o }`
nothing = {""}
ron-eof = tiedosto loppui kesken: jotain jäi sulkematta
ron-expected-integer = odotettiin kokonaislukua
ron-expected-float = odotettiin desimaalilukua
ron-expected-boolean = odotettiin totuusarvoa `true` tai `false`
ron-expected-string = odotettiin lainausmerkeissä olevaa tekstiä
ron-expected-string-end = teksti jäi kesken: odotettiin loppulainausmerkkiä `"`
ron-expected-char = odotettiin merkkiä
ron-expected-array = odotettiin avaavaa hakasulkua `[`
ron-expected-array-end = odotettiin sulkevaa hakasulkua `]`
ron-expected-map = odotettiin avaavaa aaltosulkua `{"{"}`
ron-expected-map-end = odotettiin sulkevaa aaltosulkua `{"}"}`
ron-expected-map-colon = odotettiin kaksoispistettä `:`
ron-expected-struct-like = odotettiin avaavaa sulkua `(`
ron-expected-unnamed-struct-like = odotettiin avaavaa sulkua `(`
ron-expected-named-struct-like = odotettiin avaavaa sulkua `(` rakenteelle `{ $name }`
ron-expected-struct-like-end = odotettiin sulkevaa sulkua `)`
ron-expected-comma = odotettiin pilkkua
ron-expected-option = odotettiin arvoa tai `None`
ron-expected-unit = odotettiin tyhjää arvoa `()`
ron-expected-identifier = odotettiin nimeä
ron-integer-out-of-bounds = kokonaisluku on liian suuri tai liian pieni
ron-unexpected-char = odottamaton merkki { $char }
ron-trailing-characters = ylimääräistä tekstiä tiedoston arvon jälkeen
ron-unclosed-block-comment = kommentti `/* … */` jäi sulkematta
ron-invalid-escape = virheellinen kenoviivamerkintä (RON: { $ron })
ron-other = RON-virhe: { $ron }

## crates/kohtaa-core/src/content/styles.rs
not-language-tag-such = `{ $tag }` ei ole kielikoodi, kuten "en" tai "fi"
no-texts-style = tyylille { $letter } ei ole tekstejä
every-file-describes-all = jokainen tyylitiedosto kuvaa kaikki neljä tyyliä: D, i, S ja C
no-watch-out-tips = tyylin { $learner } harjoittelijalle ei ole varoitusvinkkejä (`watch_outs`)
no-watch-out-tip = varoitusvinkki puuttuu: harjoittelija { $learner }, asiakas { $customer }
no-word-outcome = lopputulokselle { $outcome } ei ole sanaa
empty-text = teksti on tyhjä
unknown-placeholder = tuntematon paikkamerkki `{"{"}{ $name }{"}"}`
this-text-may-use = tässä tekstissä voi käyttää paikkamerkkejä { $list }
framing-changes-order = kehystys muuttaa palautteen järjestystä ja sanamuotoa, ei koskaan sen sisältöä: valinnan jälkeen jokainen kehystys näyttää osan Message ja loppukeskustelussa osan Outcome; molemmissa näkyvät Worked ja Change tai Steps
leaves-out-part = `{ $field }` jättää pois osan `{ $part }`
part-listed-twice = osa `{ $part }` on luettelossa kahdesti
part-used-but-has = osaa `Closing` käytetään, mutta kentässä `closing` ei ole tekstiä eikä tuloksille { $lacking } ole omaa lopetusta
scale-has-labels-needs = asteikolla on { $n } nimikettä; niitä tarvitaan { $scale_points }, täysin eri mieltä olevasta täysin samaa mieltä olevaan
self-check-has-statements = pikakyselyssä on { $n } väittämää; niitä tarvitaan { $min_statements }–{ $max_statements }
only-statement-s-point = ääripäähän { $pole } osoittavia väittämiä on vain { $count }; anna jokaiselle ääripäälle vähintään kaksi
no-result-text-style = tyylille { $style } ei ole tulostekstiä
no-result-text-blend = yhdistelmälle { $code } ei ole tulostekstiä

## crates/kohtaa-core/src/content/text.rs
bidirectional-control-character-text = tekstissä on kirjoitussuunnan ohjausmerkki { $what }
can-make-line-display = sen vuoksi rivi voi näkyä toisin kuin siinä lukee; poista se
control-character-text = tekstissä on ohjausmerkki { $what }
escape-sequences-must-never = ohjaussekvenssit eivät saa koskaan päätyä harjoittelijan päätteeseen; poista se
invisible-character-text = tekstissä on näkymätön merkki { $what }

## crates/kohtaa-core/src/content/validate.rs
malformed-id-use-lower = virheellinen { $what } tunnus `{ $id }`: käytä pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä
malformed-language-tag-use = virheellinen kielikoodi `{ $tag }`: käytä kaksi- tai kolmikirjaimista koodia, kuten `en` tai `fi`
text-is-empty = { $what } on tyhjä
out-range-must-be = { $what } { $value } on sallitun alueen ulkopuolella: sen on oltava vähintään { $lo } ja enintään { $hi }
mood-out-range-must = `mood_words`-kentän mieliala { $key } on sallitun alueen ulkopuolella: sen on oltava vähintään { $lo } ja enintään { $hi }
mood-given-two-words = mielialalle { $key } on annettu kaksi sanaa (`mood_words`)
first-given-line = ensimmäisen kerran rivillä { $line }
mood-word-empty = mielialan { $key } sana on tyhjä
mood-word-runs-over = mielialan { $key } sana jakautuu usealle riville: sen on mahduttava yhdelle riville mielialamittarin viereen
mood-word-characters-long = mielialan { $key } sana on { $chars } merkkiä pitkä: pidä se enintään { $mood_word_max } merkissä, koska se näkyy mielialamittarin vieressä
node-id-used-twice = solmun tunnus `{ $id }` on käytössä kahdesti
first-used-line = ensimmäisen kerran rivillä { $line }
names-no-node = { $what } viittaa solmuun `{ $id }`, jota ei ole
node-has-neither-narration-nor-say = solmulla `{ $id }` ei ole `narration`- eikä `say`-kenttää
node-has-both = solmulla `{ $id }` on sekä valinnat (`choices`) että lopetus (`ending`)
node-either-offers-choices = solmu joko tarjoaa valintoja tai päättää keskustelun; poista toinen
node-has-neither-choices-nor-ending = solmulla `{ $id }` ei ole valintoja (`choices`) eikä lopetusta (`ending`)
node-has-empty-list = solmun `{ $id }` valintalista on tyhjä: anna 1–{ $max_choices } valintaa tai lopetus
node-has-choices-most = solmulla `{ $id }` on { $count } valintaa; enintään { $max_choices } on sallittu
this-choice-both-fits = tämä valinta sekä noudattaa että rikkoo askelta `{ $step }`
response-either-shows-step = vastaus joko osoittaa askeleen tai toimii sitä vastaan; poista toinen
this-choice-fits-step = tämä valinta noudattaa askelta `{ $step }`, mutta sen sudenkuoppa `{ $pitfall }` rikkoo sen
pitfall-breaks-step-remove = sudenkuoppa rikkoo oman askeleensa; poista askel `fits`-listasta tai poista sudenkuoppa
unknown-pitfall-model-has = tuntematon sudenkuoppa `{ $pitfall }`: mallissa `{ $model }` ei ole sellaista
route-without-would-always = reitillä ei ole `min_mood`- eikä `max_mood`-rajaa: se valittaisiin aina
give-bound-make-target = anna raja tai tee reitin kohteesta valinnan `next`
route-can-never-be = reittiä ei voi koskaan valita: `min_mood` { $min } on suurempi kuin `max_mood` { $max }
max-mood-at-line = `max_mood` on rivillä { $line }
choice-has-neither-nor = valinnalla ei ole `fits`-, `breaks`- eikä `feedback`-kenttää: se ei opeta mitään
tag-with-steps-shows = merkitse askeleet, joita se noudattaa tai rikkoo, ja kerro syy `feedback`-kentässä
choice-without-learner-not = valinnalta puuttuu `feedback`: harjoittelija ei saa tietää, miksi se toimi tai ei toiminut
focus-step-not-any = painopisteaskel `{ $step }` ei ole minkään valinnan `fits`-listassa
scenario-practises-no-step = skenaario `{ $id }` ei harjoituta yhtään askelta: minkään valinnan `fits`-lista ei nimeä askelta
unknown-step = tuntematon askel `{ $step }`
pitfall-step-list-under = `{ $step }` on askeleen `{ $owner }` sudenkuoppa: merkitse se `pitfalls`-listaan
no-encounter-model-language = kohtaamismallia `{ $model }` ei ole kielellä `{ $language }`
exists-add-models-ron = `{ $model }` on olemassa kielillä: { $elsewhere }; lisää models/{ $model }.{ $language }.ron
models-in-language = mallit kielellä `{ $language }`: { $here }
add-models-ron-scenario = lisää models/{ $model }.{ $language }.ron johonkin skenaariokansioon
node-cannot-be-reached = solmuun `{ $id }` ei pääse solmusta `{ $start }`
no-ending-can-be = solmusta `{ $id }` ei pääse mihinkään lopetukseen
every-path-from-here = jokainen polku tästä kiertää kehää loputtomasti; ohjaa jokin valinta kohti lopetusta
model-has-no-steps = mallissa `{ $id }` ei ole yhtään askelta
step-id-used-twice = askeleen tunnus `{ $id }` on käytössä kahdesti
pitfall-id-used-twice = sudenkuopan tunnus `{ $id }` on mallissa käytössä kahdesti
first-used-line-step = ensimmäisen kerran rivillä { $line } (askeleessa `{ $first_step }`)
scenario-exists-only = skenaario `{ $id }` on olemassa vain kielellä `{ $language }`
add-version = lisää versio kielellä { $languages }: { $files }
scenario-language-folder = skenaario on kielellä `{ $language }`, mutta se on kansiossa `{ $folder }`
move-folder-named = siirrä se kansioon `{ $language }`
no-scenario-in-language = skenaariota `{ $id }` ei ole kielellä `{ $l }`
no-scenario-with-id = skenaariota `{ $id }` ei ole
scenario-has-no-node = skenaariossa `{ $id }` ei ole solmua `{ $node }`
node-has-no-choices = solmulla `{ $node }` ei ole valintoja
node-has-1-choice = solmulla `{ $node }` on 1 valinta
node-has-choices-1 = solmun `{ $node }` valinnat ovat 1–{ $n }
no-choice-here = tässä ei ole valintaa { $number }: { $range }
choices-are-counted-from = valinnat numeroidaan 1:stä alkaen siinä järjestyksessä kuin ne ovat tiedostossa
scenario-has-no-ending-node = skenaariossa `{ $id }` ei ole solmua `{ $ending }`

## crates/kohtaa-store/src/library.rs
file-mib-limit-mib = tiedoston koko on { $size } MiB; enimmäiskoko on { $limit } MiB
split-into-several-scenarios = jaa se useaksi skenaarioksi; kuormitustestiä varten { $max_file_mib_var }=N nostaa rajan N MiB:hen
file-not-valid-utf = tiedosto ei ole tässä kohdassa kelvollista UTF-8:aa; tallenna se UTF-8-muodossa
cannot-read = tiedostoa ei voi lukea: { $why }

## What a check is about: a value of the messages above, in the form they need it
what-scenario = skenaarion
what-title = otsikko
what-summary = tiivistelmä
what-learner-role = harjoittelijan rooli (`learner_role`)
what-tag = avainsana
what-difficulty = vaikeustaso
what-model = mallin
what-customer-name = asiakkaan nimi
what-mood = mieliala
what-about = asiakkaan kuvaus (`about`)
what-node = solmun
what-start = `start`
what-narration = kerronta (`narration`)
what-say = repliikki (`say`)
what-facilitator = ohjaajan huomio (`facilitator`)
what-ending-summary = lopetuksen tiivistelmä
what-choice-say = valinnan repliikki (`say`)
what-next = `next`
what-mood-change = mielialan muutos
what-feedback = palaute
what-style-tip = tyylivinkki
what-route = reitti
what-min-mood = `min_mood`
what-max-mood = `max_mood`
what-model-name = mallin nimi
what-step = askeleen
what-step-name = askeleen nimi
what-step-description = askeleen kuvaus
what-looks-like-entry = `looks_like`-kohta
what-pitfall = sudenkuopan
what-pitfall-name = sudenkuopan nimi
what-pitfall-description = sudenkuopan kuvaus
what-fit-at-least = `fit_at_least`
what-fit-at-most = `fit_at_most`
what-mood-at-least = `mood_at_least`
what-mood-at-most = `mood_at_most`
what-order-notes = `order_notes`

## crates/kohtaa-core/src/content/hygiene.rs
more-characters-like-these = tässä tekstissä on vielä { $more } samanlaista merkkiä, joita ei luetella
line-separator-text = tekstissä on rivierotin { $what }
terminals-editors-show-differently = päätteet ja editorit näyttävät sen eri tavoin; kirjoita rivinvaihto muodossa `\n`

## crates/kohtaa-store/src/file.rs
system-error = { $error }
not-regular-file = se on { $kind } eikä tavallinen tiedosto
kind-folder = kansio
kind-fifo = nimetty putki (FIFO)
kind-device = laite
kind-socket = pistoke
kind-other = jokin muu kuin tiedosto
file-bytes-limit-bytes = tiedoston koko on { $size } tavua; enimmäiskoko on { $limit } tavua
file-holds-more-than = tiedostossa on enemmän kuin enimmäiskoon { $limit } tavua

## crates/kohtaa-store/src/library.rs
file-bytes-limit-bytes-2 = tiedoston koko on { $shown } tavua; enimmäiskoko on { $bytes } tavua ({ $mib } MiB)
file-holds-more-than-2 = tiedostossa on enemmän kuin enimmäiskoon { $bytes } tavua ({ $mib } MiB)

## crates/kohtaa-core/src/authoring/lint_diagnostics.rs: the analyzer's lints, at their place
lint-focus-broken = { $outcome }-lopetukseen `{ $ending }` pääsee, vaikka painopisteaskel `{ $step }` rikkoutuu
lint-answer-by-length = ratkaisukohtia { $nodes }; niistä { $good } kohdassa pisin vastaus on hyvä ({ $share } %; sattumalta osuus olisi { $chance } %)
lint-longest-wins = aina pisimmän vastauksen valitsemalla saa parhaan mallin mukaisuuden ({ $fit } %)
lint-mood-answer-key = ratkaisukohtia { $nodes }; niistä { $separated } kohdassa pelkkä mielialan muutos erottaa hyvät vastaukset huonoista
lint-best-path-imperfect = yksikään polku ei ole täydellinen; paras mallin mukaisuus on { $fit } %
lint-no-recovery = tämän ensimmäisen vastauksen jälkeen mikään polku ei johda Partial- tai Resolved-lopetukseen
lint-mistake-raises-mood = tässä vastauksessa { $steps } rikkoutuu, mutta mieliala nousee ({ $mood })
lint-good-lowers-mood = vastaus noudattaa mallia ({ $steps }), mutta mieliala laskee ({ $mood })
