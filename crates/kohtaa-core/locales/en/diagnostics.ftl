### kohtaa's diagnostics: what `kohtaa check` and the app say about a content file.
### One message per line: `id = text`, `{ $name }` for a value the program fills in.
### Every language file holds exactly the English file's ids, each with the same variables.

## crates/kohtaa-core/src/content/diagnostic.rs
# Ends a message that offers a replacement.
did-you-mean = ; did you mean `{ $name }`?

## crates/kohtaa-core/src/content/library.rs
starts-no-kind-content = `{ $name }(` starts no kind of content file kohtaa knows
start-with-put-model = start with `Scenario(`, `EncounterModel(` or `ScenarioTests(`, or put a model in `models/` and a style file in `styles/`
scenario-defined-twice = scenario `{ $id }` ({ $language }) is defined twice
also-defined = also defined in { $other }
this-replaces-bundled-scenario = this replaces the bundled scenario `{ $id }` ({ $language })

## crates/kohtaa-core/src/content/parse.rs
expected-one-of = expected one of { $list }
unknown-field = unknown field `{ $found }`{ $within }
unknown-value = unknown value `{ $found }`{ $within }
missing-field = missing field `{ $field }`{ $within }
field-given-twice = field `{ $field }` given twice{ $within }
expected-struct-found = expected `{ $expected }(...)`, found `{ $found }(...)`
nesting-deeper-than-levels = nesting deeper than { $recursion_limit } levels
text-not-valid-utf = text is not valid UTF-8
wrong-type-found = expected { $expected }, found { $found }
ron-message = { $m }

## RON's errors, and the words the messages above are made of
list-none = none
list-one = `{ $one }`
list-or = { $init } or `{ $last }`
in-struct = {" "}in `{ $o }`
nothing = {""}
ron-eof = unexpected end of RON
ron-expected-integer = expected integer
ron-expected-float = expected float
ron-expected-boolean = expected boolean
ron-expected-string = expected string
ron-expected-string-end = expected end of string
ron-expected-char = expected char
ron-expected-array = expected opening `[`
ron-expected-array-end = expected closing `]`
ron-expected-map = expected opening `{"{"}`
ron-expected-map-end = expected closing `{"}"}`
ron-expected-map-colon = expected colon
ron-expected-struct-like = expected opening `(`
ron-expected-unnamed-struct-like = expected only opening `(`, no name, for un-nameable struct
ron-expected-named-struct-like = expected opening `(` for struct `{ $name }`
ron-expected-struct-like-end = expected closing `)`
ron-expected-comma = expected comma
ron-expected-option = expected option
ron-expected-unit = expected unit
ron-expected-identifier = expected identifier
ron-integer-out-of-bounds = integer is out of bounds
ron-unexpected-char = unexpected char { $char }
ron-trailing-characters = non-whitespace trailing characters
ron-unclosed-block-comment = unclosed block comment
ron-invalid-escape = { $ron }
ron-other = { $ron }

## crates/kohtaa-core/src/content/styles.rs
not-language-tag-such = `{ $tag }` is not a language tag such as "en" or "fi"
no-texts-style = no texts for style { $letter }
every-file-describes-all = every file describes all four styles: D, i, S and C
no-watch-out-tips = no watch-out tips for a learner of style { $learner }
no-watch-out-tip = no watch-out tip for learner { $learner } with customer { $customer }
no-word-outcome = no word for the outcome { $outcome }
empty-text = empty text
unknown-placeholder = unknown placeholder `{"{"}{ $name }{"}"}`
this-text-may-use = this text may use { $list }
framing-changes-order = a framing changes the order and words of feedback, never what it says: after a choice every framing shows Message, and in a debrief Outcome; both show Worked and Change, or Steps
leaves-out-part = `{ $field }` leaves out the part `{ $part }`
part-listed-twice = the part `{ $part }` is listed twice
part-used-but-has = the part `Closing` is used but `closing` has no text, and no closing is given for { $lacking }
scale-has-labels-needs = the scale has { $n } labels; it needs { $scale_points }, from disagree to agree
self-check-has-statements = the self-check has { $n } statements; it needs { $min_statements } to { $max_statements }
only-statement-s-point = only { $count } statement(s) point to { $pole }; give each pole at least two
no-result-text-style = no result text for style { $style }
no-result-text-blend = no result text for the blend { $code }

## crates/kohtaa-core/src/content/text.rs
bidirectional-control-character-text = bidirectional control character { $what } in text
can-make-line-display = it can make a line display differently from what it says; remove it
control-character-text = control character { $what } in text
escape-sequences-must-never = escape sequences must never reach a learner's terminal; remove it
invisible-character-text = invisible character { $what } in text

## crates/kohtaa-core/src/content/validate.rs
malformed-id-use-lower = malformed { $what } id `{ $id }`: use lower-case letters a-z, digits and hyphens
malformed-language-tag-use = malformed language tag `{ $tag }`: use a two- or three-letter code such as `en` or `fi`
text-is-empty = { $what } is empty
out-range-must-be = { $what } { $value } is out of range: it must be { $lo } to { $hi }
mood-out-range-must = mood { $key } in `mood_words` is out of range: it must be { $lo } to { $hi }
mood-given-two-words = mood { $key } is given two words in `mood_words`
first-given-line = first given at line { $line }
mood-word-empty = the mood word for { $key } is empty
mood-word-runs-over = the mood word for { $key } runs over more than one line: it stands on one line beside the mood meter
mood-word-characters-long = the mood word for { $key } is { $chars } characters long: keep it to { $mood_word_max } or fewer, it stands beside the mood meter
node-id-used-twice = node id `{ $id }` is used twice
first-used-line = first used at line { $line }
names-no-node = { $what } `{ $id }` names no node
node-has-neither-narration-nor-say = node `{ $id }` has neither `narration` nor `say`
node-has-both = node `{ $id }` has both `choices` and an `ending`
node-either-offers-choices = a node either offers choices or ends the conversation; remove one
node-has-neither-choices-nor-ending = node `{ $id }` has neither `choices` nor an `ending`
node-has-empty-list = node `{ $id }` has an empty list of choices: give 1 to { $max_choices }, or an ending
node-has-choices-most = node `{ $id }` has { $count } choices; at most { $max_choices } are allowed
this-choice-both-fits = this choice both fits and breaks the step `{ $step }`
response-either-shows-step = a response either shows a step or goes against it; remove one
this-choice-fits-step = this choice fits the step `{ $step }`, and its pitfall `{ $pitfall }` breaks it
pitfall-breaks-step-remove = a pitfall breaks its step; remove the step from `fits` or the pitfall
unknown-pitfall-model-has = unknown pitfall `{ $pitfall }`: the model `{ $model }` has no such pitfall
route-without-would-always = route without `min_mood` or `max_mood`: it would always be taken
give-bound-make-target = give a bound, or make its target the choice's `next`
route-can-never-be = route can never be taken: `min_mood` { $min } is above `max_mood` { $max }
max-mood-at-line = `max_mood` is at line { $line }
choice-has-neither-nor = choice has neither `fits`, `breaks` nor `feedback`: it teaches nothing
tag-with-steps-shows = tag it with the steps it shows or breaks, and say why in `feedback`
choice-without-learner-not = choice without `feedback`: the learner is not told why it worked or not
focus-step-not-any = focus step `{ $step }` is not in the `fits` of any choice
scenario-practises-no-step = scenario `{ $id }` practises no step: no choice lists a step in `fits`
unknown-step = unknown step `{ $step }`
pitfall-step-list-under = `{ $step }` is a pitfall of the step `{ $owner }`: list it under `pitfalls`
no-encounter-model-language = no encounter model `{ $model }` in language `{ $language }`
exists-add-models-ron = `{ $model }` exists in: { $elsewhere }; add models/{ $model }.{ $language }.ron
models-in-language = models in `{ $language }`: { $here }
add-models-ron-scenario = add models/{ $model }.{ $language }.ron to a scenario folder
node-cannot-be-reached = node `{ $id }` cannot be reached from `{ $start }`
no-ending-can-be = no ending can be reached from node `{ $id }`
every-path-from-here = every path from here loops without end; lead one choice towards an ending
model-has-no-steps = model `{ $id }` has no steps
step-id-used-twice = step id `{ $id }` is used twice
pitfall-id-used-twice = pitfall id `{ $id }` is used twice in the model
first-used-line-step = first used at line { $line } (in step `{ $first_step }`)
scenario-exists-only = scenario `{ $id }` exists in `{ $language }` only
add-version = add a version in { $languages }: { $files }
scenario-language-folder = scenario in language `{ $language }` is in the folder `{ $folder }`
move-folder-named = move it to a folder named `{ $language }`
no-scenario-in-language = no scenario `{ $id }` in `{ $l }`
no-scenario-with-id = no scenario `{ $id }`
scenario-has-no-node = scenario `{ $id }` has no node `{ $node }`
node-has-no-choices = node `{ $node }` has no choices
node-has-1-choice = node `{ $node }` has 1 choice
node-has-choices-1 = node `{ $node }` has choices 1 to { $n }
no-choice-here = no choice { $number } here: { $range }
choices-are-counted-from = choices are counted from 1, in the order of the file
scenario-has-no-ending-node = scenario `{ $id }` has no node `{ $ending }`

## crates/kohtaa-store/src/library.rs
file-mib-limit-mib = file is { $size } MiB; the limit is { $limit } MiB
split-into-several-scenarios = split it into several scenarios; for a stress test, { $max_file_mib_var }=N raises the limit to N MiB
file-not-valid-utf = file is not valid UTF-8 here; save it as UTF-8
cannot-read = cannot read: { $why }

## What a check is about: a value of the messages above, in the form they need it
what-scenario = scenario
what-title = title
what-summary = summary
what-learner-role = learner_role
what-tag = tag
what-difficulty = difficulty
what-model = model
what-customer-name = customer name
what-mood = mood
what-about = about
what-node = node
what-start = start
what-narration = narration
what-say = say
what-facilitator = facilitator
what-ending-summary = ending summary
what-choice-say = choice `say`
what-next = next
what-mood-change = mood change
what-feedback = feedback
what-style-tip = style tip
what-route = route
what-min-mood = min_mood
what-max-mood = max_mood
what-model-name = model name
what-step = step
what-step-name = step name
what-step-description = step description
what-looks-like-entry = looks_like entry
what-pitfall = pitfall
what-pitfall-name = pitfall name
what-pitfall-description = pitfall description
what-fit-at-least = fit_at_least
what-fit-at-most = fit_at_most
what-mood-at-least = mood_at_least
what-mood-at-most = mood_at_most
what-order-notes = order_notes

## crates/kohtaa-core/src/content/hygiene.rs
more-characters-like-these = { $more } more characters like these in this text are not listed
line-separator-text = line separator { $what } in text
terminals-editors-show-differently = terminals and editors show it differently; write a new line as `\n`

## crates/kohtaa-store/src/file.rs
system-error = { $error }
not-regular-file = it is { $kind }, not a regular file
kind-folder = a folder
kind-fifo = a FIFO (named pipe)
kind-device = a device
kind-socket = a socket
kind-other = not a file
file-bytes-limit-bytes = the file is { $size } bytes; the limit is { $limit } bytes
file-holds-more-than = the file holds more than { $limit } bytes, the limit

## crates/kohtaa-store/src/library.rs
file-bytes-limit-bytes-2 = file is { $shown } bytes; the limit is { $bytes } bytes ({ $mib } MiB)
file-holds-more-than-2 = file holds more than the limit of { $bytes } bytes ({ $mib } MiB)

## crates/kohtaa-core/src/authoring/lint_diagnostics.rs: the analyzer's lints, at their place
lint-focus-broken = the { $outcome } ending `{ $ending }` can be reached with the focus step `{ $step }` broken
lint-answer-by-length = the longest answer is a good one at { $good } of { $nodes } decisions ({ $share } %; chance would give { $chance } %)
lint-longest-wins = always taking the longest answer reaches the best fit ({ $fit } %)
lint-mood-answer-key = at { $separated } of { $nodes } decisions the mood change alone tells the good answers from the bad
lint-best-path-imperfect = no path through the scenario is perfect; the best fit is { $fit } %
lint-no-recovery = after this first answer no path reaches a Partial or Resolved ending
lint-mistake-raises-mood = this answer breaks { $steps } yet raises the mood ({ $mood })
lint-good-lowers-mood = this answer follows the model ({ $steps }) yet lowers the mood ({ $mood })
