//! What a key press asks for. Keys become actions in `keymap`; `App::update` carries them out.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave the program at once (Ctrl-C).
    Quit,
    /// Close an overlay, leave a screen, or at the library quit; asks first when a run would
    /// be lost.
    Back,
    /// Open or close the key help.
    Help,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Enter: take the selected item, or go on.
    Select,
    /// A digit: choice number `n` (1-based) as shown on screen.
    Pick(usize),
    /// A character typed into a text field (the library filter).
    Type(char),
    /// Backspace in a text field.
    Erase,
    /// Deletes the character under the cursor in a text field.
    EraseForward,
    /// Moves the cursor of a text field one character left or right.
    Left,
    Right,
    Undo,
    Restart,
    /// Replay from the choice where the run went wrong.
    ReplayTurn,
    /// Tab and Shift-Tab: to the next or previous section heading (the debrief).
    NextSection,
    PrevSection,
    /// Open the learner's profile (their style).
    Profile,
    /// An answer to a yes/no question.
    Answer(bool),
    /// Open the progress view.
    Progress,
    /// Show or hide the library's scenarios in languages other than the interface's.
    OtherLanguages,
    /// Read a draft's file again and replay the choices made so far (`kohtaa play`).
    Reload,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// Presenter mode's own actions (reveal, vote, notes, blank, branch map ...).
    Present(super::screens::present::Cue),
}
