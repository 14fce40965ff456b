//! The key map: the one table that turns keys into actions *and* produces the key-hint bar
//! and the help overlay, so what the help says is what the keys do.
//!
//! Each screen has its own section (a `&'static [Binding]`, kept next to the screen's code);
//! overlays have theirs here; `GLOBAL` applies everywhere, after the screen's own keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::i18n::T;

/// A key, or a class of keys, a binding answers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    /// A character, whatever the Shift state.
    Char(char),
    /// Control and a letter.
    Ctrl(char),
    /// Any digit 1-9: `Action::Pick(n)`.
    Digit,
    /// Any printable character: `Action::Type(c)`.
    AnyChar,
}

#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in the hint bar and the help, e.g. "↑/k".
    pub label: &'static str,
    /// The action; ignored for `Key::Digit` and `Key::AnyChar`, which carry their key.
    pub action: Action,
    /// What it does, from the catalogue.
    pub what: T,
    /// Shown in the hint bar as well as in the help.
    pub bar: bool,
    /// Fewer words for the hint bar, where `what` is too long to leave room for the other
    /// keys at 80 columns; the help always says `what`.
    pub short: Option<T>,
    /// Listed in the help: false for a key whose label the binding before it says already
    /// (the library's "↑↓ move" names the down arrow too).
    pub in_help: bool,
}

impl Binding {
    /// The binding with `short` as its words in the hint bar.
    pub const fn short(self, short: T) -> Binding {
        Binding {
            short: Some(short),
            ..self
        }
    }

    /// The binding left out of the help, where the binding before it names its key too.
    pub const fn named_before(self) -> Binding {
        Binding {
            in_help: false,
            ..self
        }
    }

    /// What the hint bar says this binding does.
    pub fn bar_what(&self) -> T {
        self.short.unwrap_or(self.what)
    }

    /// The action for `key`, if this binding answers to it.
    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        self.keys.iter().find_map(|k| match (*k, key.code) {
            (Key::Ctrl(c), KeyCode::Char(got)) if ctrl && got.eq_ignore_ascii_case(&c) => {
                Some(self.action)
            }
            (_, _) if ctrl || alt => None,
            (Key::Code(code), got) if code == got => Some(self.action),
            (Key::Char(c), KeyCode::Char(got)) if c == got => Some(self.action),
            (Key::Digit, KeyCode::Char(got)) => got
                .to_digit(10)
                .filter(|&d| d >= 1)
                .map(|d| Action::Pick(d as usize)),
            (Key::AnyChar, KeyCode::Char(got)) if !got.is_control() => Some(Action::Type(got)),
            _ => None,
        })
    }
}

/// Shorthand for writing the tables.
pub const fn bind(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    what: T,
    bar: bool,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        what,
        bar,
        short: None,
        in_help: true,
    }
}

/// How the digit keys are written when they pick among `n` things: "1", "1-2" ... "1-9".
const DIGIT_LABELS: [&str; 10] = [
    "1-9", "1", "1-2", "1-3", "1-4", "1-5", "1-6", "1-7", "1-8", "1-9",
];

/// `table` once for each count of things the digits pick among, 0 to 9: in copy `n` the
/// digit binding is labelled "1-n", so the bar and the help offer only the numbers on screen.
/// With nothing to pick (`n` = 0) it stays in the help but leaves the bar.
pub const fn by_count<const N: usize>(table: &[Binding]) -> [[Binding; N]; 10] {
    assert!(table.len() == N);
    let mut out = [[table[0]; N]; 10];
    let mut n = 0;
    while n < 10 {
        let mut i = 0;
        while i < N {
            let mut b = table[i];
            if let [Key::Digit] = b.keys {
                b.label = DIGIT_LABELS[n];
                b.bar = b.bar && n > 0;
            }
            out[n][i] = b;
            i += 1;
        }
        n += 1;
    }
    out
}

/// The copy of a [`by_count`] table for `n` things (more than 9: the digits reach 9).
pub fn for_count<const N: usize>(
    tables: &'static [[Binding; N]; 10],
    n: usize,
) -> &'static [Binding] {
    &tables[n.min(9)]
}

pub const UP: &[Key] = &[Key::Code(KeyCode::Up), Key::Char('k')];
pub const DOWN: &[Key] = &[Key::Code(KeyCode::Down), Key::Char('j')];
pub const BACK: &[Key] = &[Key::Char('q'), Key::Code(KeyCode::Esc)];
pub const ENTER: &[Key] = &[Key::Code(KeyCode::Enter)];
pub const PAGES: &[Key] = &[Key::Code(KeyCode::PageUp), Key::Code(KeyCode::PageDown)];

/// The keys of every view that scrolls, so each scrolls the same way and its help says so.
pub const SCROLL_UP: Binding = bind(UP, "↑/k", Action::Up, T::Scroll, false);
pub const SCROLL_DOWN: Binding = bind(DOWN, "↓/j", Action::Down, T::Scroll, true);
pub const PAGE_UP: Binding = bind(
    &[Key::Code(KeyCode::PageUp)],
    "PgUp",
    Action::PageUp,
    T::PageUp,
    false,
);
pub const PAGE_DOWN: Binding = bind(
    &[Key::Code(KeyCode::PageDown)],
    "PgDn",
    Action::PageDown,
    T::PageDown,
    false,
);
pub const TO_TOP: Binding = bind(
    &[Key::Code(KeyCode::Home), Key::Char('g')],
    "Home/g",
    Action::Home,
    T::ToTop,
    false,
);
pub const TO_END: Binding = bind(
    &[Key::Code(KeyCode::End), Key::Char('G')],
    "End/G",
    Action::End,
    T::ToEnd,
    false,
);

/// The keys of every list (the style list, the self-check, the progress runs, the briefing's
/// focus steps ...), so each moves the same way and its help says so: ↑↓ j k move, Home/g and
/// End/G go to the first and the last item. The library, where letters type into its filter,
/// takes the same without the letters ([`FIRST_ITEM_KEY`], [`LAST_ITEM_KEY`]).
pub const LIST_UP: Binding = bind(UP, "↑/k", Action::Up, T::Move, false);
pub const LIST_DOWN: Binding = bind(DOWN, "↓/j", Action::Down, T::Move, true);
pub const FIRST_ITEM: Binding = bind(
    &[Key::Code(KeyCode::Home), Key::Char('g')],
    "Home/g",
    Action::Home,
    T::ToFirst,
    false,
);
pub const LAST_ITEM: Binding = bind(
    &[Key::Code(KeyCode::End), Key::Char('G')],
    "End/G",
    Action::End,
    T::ToLast,
    false,
);
pub const FIRST_ITEM_KEY: Binding = bind(
    &[Key::Code(KeyCode::Home)],
    "Home",
    Action::Home,
    T::ToFirst,
    false,
);
pub const LAST_ITEM_KEY: Binding = bind(
    &[Key::Code(KeyCode::End)],
    "End",
    Action::End,
    T::ToLast,
    false,
);

/// ← goes back, with the words of the screen's own back key (`what`). Only where nothing
/// moves sideways and going back loses nothing: lists, never a text field (there ← moves
/// the cursor), a run in progress or a first-start question.
pub const fn left_back(what: T) -> Binding {
    bind(&[Key::Code(KeyCode::Left)], "←", Action::Back, what, false)
}

/// Everywhere, after the screen's own keys.
pub const GLOBAL: &[Binding] = &[
    bind(
        &[Key::Char('?'), Key::Code(KeyCode::F(1))],
        "?/F1",
        Action::Help,
        T::Help,
        true,
    ),
    bind(&[Key::Ctrl('c')], "Ctrl-C", Action::Quit, T::QuitNow, false),
];

/// While the help is open.
pub const HELP: &[Binding] = &[
    bind(
        &[
            Key::Char('?'),
            Key::Code(KeyCode::F(1)),
            Key::Code(KeyCode::Esc),
            Key::Char('q'),
        ],
        "?/F1/Esc",
        Action::Help,
        T::Back,
        true,
    ),
    SCROLL_UP,
    SCROLL_DOWN,
    PAGE_UP,
    PAGE_DOWN,
    TO_TOP,
    TO_END,
    bind(&[Key::Ctrl('c')], "Ctrl-C", Action::Quit, T::QuitNow, false),
];

/// While a yes/no question is open.
pub const CONFIRM: &[Binding] = &[
    // Only a deliberate `y` says yes: `k` moves up everywhere else, and Enter, the key a
    // learner presses without reading, keeps things as they are.
    bind(&[Key::Char('y')], "y", Action::Answer(true), T::Yes, true),
    bind(
        &[
            Key::Char('n'),
            Key::Char('e'),
            Key::Code(KeyCode::Esc),
            Key::Char('q'),
            Key::Code(KeyCode::Enter),
        ],
        "n/Esc/Enter",
        Action::Answer(false),
        T::No,
        true,
    ),
    bind(&[Key::Ctrl('c')], "Ctrl-C", Action::Quit, T::QuitNow, false),
];

/// The first action any of `sections` gives for `key`.
pub fn lookup(sections: &[&[Binding]], key: &KeyEvent) -> Option<Action> {
    sections
        .iter()
        .flat_map(|s| s.iter())
        .find_map(|b| b.action_for(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn digits_pick_and_ctrl_c_quits() {
        let play: &[Binding] = &[bind(&[Key::Digit], "1-9", Action::Select, T::Choose, true)];
        assert_eq!(
            lookup(&[play, GLOBAL], &key(KeyCode::Char('3'))),
            Some(Action::Pick(3))
        );
        assert_eq!(lookup(&[play, GLOBAL], &key(KeyCode::Char('0'))), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[play, GLOBAL], &ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn digit_labels_follow_the_count() {
        static TABLES: [[Binding; 2]; 10] = by_count(&[
            bind(&[Key::Digit], "1-9", Action::Select, T::Choose, true),
            bind(&[Key::Char('u')], "u", Action::Undo, T::Undo, true),
        ]);
        let label = |n: usize| for_count(&TABLES, n)[0].label;
        assert_eq!(
            [label(1), label(3), label(9), label(12)],
            ["1", "1-3", "1-9", "1-9"]
        );
        assert!(for_count(&TABLES, 3)[0].bar);
        assert!(
            !for_count(&TABLES, 0)[0].bar,
            "nothing to pick: not on the bar"
        );
        assert_eq!(for_count(&TABLES, 3)[1].label, "u");
    }

    #[test]
    fn ctrl_letters_are_not_typed() {
        let any: &[Binding] = &[bind(
            &[Key::AnyChar],
            "a-z",
            Action::Select,
            T::FilterHint,
            true,
        )];
        let ctrl_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[any], &ctrl_x), None);
        assert_eq!(
            lookup(
                &[any],
                &KeyEvent::new(KeyCode::Char('Ä'), KeyModifiers::SHIFT)
            ),
            Some(Action::Type('Ä'))
        );
    }
}
