//! The learner's style: view it, pick one by hand, take the self-check, or delete the
//! profile. On the first start the same screen welcomes the learner and offers to skip.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::library::LibraryScreen;
use super::selfcheck::SelfCheckScreen;
use super::{Screen, Step};
use crate::content::styles::{LearnerStyle, StyleTexts};
use crate::i18n::T;
use crate::tui::action::Action;
use crate::tui::app::Env;
use crate::tui::keymap::{
    BACK, Binding, ENTER, FIRST_ITEM, LAST_ITEM, LIST_DOWN, LIST_UP, bind, left_back,
};
use crate::tui::text::Doc;
use crate::tui::theme::{NO_POINTER, POINTER, ThemeChoice};
use crate::tui::widgets::{inset, render_doc, render_doc_more, scroll_to_show_more};

/// Keys of the style screen (F2): a list, so ← goes back too.
pub const KEYS: &[Binding] = &[
    bind(ENTER, "Enter", Action::Select, T::Select, true),
    LIST_UP,
    LIST_DOWN,
    FIRST_ITEM,
    LAST_ITEM,
    bind(BACK, "q/Esc", Action::Back, T::Back, true),
    left_back(T::Back),
];

/// Keys of the first start's welcome: Esc skips, as it says; ← is no way to skip a question
/// the learner has not read.
pub const WELCOME_KEYS: &[Binding] = &[
    bind(ENTER, "Enter", Action::Select, T::Select, true),
    LIST_UP,
    LIST_DOWN,
    FIRST_ITEM,
    LAST_ITEM,
    bind(BACK, "q/Esc", Action::Back, T::Back, true),
];

/// One line of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    SelfCheck,
    Style(Option<LearnerStyle>),
    Delete,
    /// The app's theme (not on the first start: `--theme` is there for that).
    Theme(ThemeChoice),
    /// "Skip for now" on the first start, "Done" later.
    Leave,
}

pub struct ProfileScreen {
    /// Shown as the welcome on the first start.
    pub first_start: bool,
    pub selected: usize,
}

impl ProfileScreen {
    pub fn new(_env: &Env, first_start: bool) -> ProfileScreen {
        ProfileScreen {
            first_start,
            selected: 0,
        }
    }

    pub fn items(&self) -> Vec<Item> {
        let styles = LearnerStyle::all()
            .into_iter()
            .map(|s| Item::Style(Some(s)));
        if self.first_start {
            // "Skip for now" saves "not set": it stands second, in sight on a small terminal,
            // and stands in for "not set".
            return [Item::SelfCheck, Item::Leave]
                .into_iter()
                .chain(styles)
                .collect();
        }
        let mut items = vec![Item::SelfCheck, Item::Style(None)];
        items.extend(styles);
        items.extend(THEMES.into_iter().map(Item::Theme));
        items.push(Item::Delete);
        items.push(Item::Leave);
        items
    }

    pub fn keys(&self) -> &'static [Binding] {
        if self.first_start { WELCOME_KEYS } else { KEYS }
    }

    pub fn title(&self, env: &Env) -> String {
        env.t(if self.first_start {
            T::WelcomeTitle
        } else {
            T::ProfileTitle
        })
        .to_owned()
    }

    fn leave(env: &Env) -> Step {
        Step::go(Screen::Library(LibraryScreen::new(env)))
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        let items = self.items();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(items.len() - 1),
            Action::Home => self.selected = 0,
            Action::End => self.selected = items.len() - 1,
            Action::Back => return self.skip_or_leave(env),
            Action::Select => match items[self.selected] {
                Item::SelfCheck => {
                    return Step::go(Screen::SelfCheck(SelfCheckScreen::new(
                        env,
                        self.first_start,
                    )));
                }
                Item::Style(style) => {
                    let then = if self.first_start {
                        Self::leave(env)
                    } else {
                        Step::Stay
                    };
                    return Step::SetLearner {
                        style,
                        self_check: None,
                        then: Box::new(then),
                    };
                }
                Item::Theme(choice) => return Step::SetTheme { choice },
                Item::Delete => {
                    return Step::Confirm {
                        question: T::ConfirmForget,
                        then: Box::new(Step::ForgetProfile {
                            then: Box::new(Step::Stay),
                        }),
                    };
                }
                Item::Leave => return self.skip_or_leave(env),
            },
            _ => {}
        }
        Step::Stay
    }

    /// Skipping on the first start saves "not set", so the question is not asked again.
    fn skip_or_leave(&self, env: &Env) -> Step {
        if self.first_start {
            Step::SetLearner {
                style: None,
                self_check: None,
                then: Box::new(Self::leave(env)),
            }
        } else {
            Self::leave(env)
        }
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        let theme = env.theme;
        let area = inset(area);
        let texts = env.library.styles_for(env.lang.code());
        let mut doc = Doc::new(area.width.saturating_sub(1));
        if self.first_start {
            doc.para(env.t(T::WelcomeText), theme.base);
            doc.blank();
        }
        current_style(env, texts, &mut doc);
        if !self.first_start {
            current_theme(env, &mut doc);
        }
        doc.blank();
        doc.para(env.t(T::ChooseStyle), theme.heading);
        let mut rows = 0..0;
        let mut starts = Vec::new();
        let items = self.items();
        for (i, &item) in items.iter().enumerate() {
            // The themes are a group of their own, under their heading, apart from the rest.
            let is_theme = |i: usize| matches!(items.get(i), Some(Item::Theme(_)));
            let top = doc.len();
            if is_theme(i) != (i > 0 && is_theme(i - 1)) {
                doc.blank();
            }
            if is_theme(i) && !(i > 0 && is_theme(i - 1)) {
                doc.para(env.t(T::ChooseTheme), theme.heading);
            }
            let start = doc.len();
            let chosen = i == self.selected;
            let label = match item {
                Item::SelfCheck => env.t(T::TakeSelfCheck).to_owned(),
                Item::Style(None) => env.t(T::NotSetItem).to_owned(),
                Item::Style(Some(s)) => texts.map_or_else(|| s.code(), |t| list_name(t, s)),
                Item::Theme(choice) => env.t(theme_name(choice)).to_owned(),
                Item::Delete => env.t(T::DeleteProfile).to_owned(),
                Item::Leave if self.first_start => env.t(T::SkipForNow).to_owned(),
                Item::Leave => env.t(T::DoneItem).to_owned(),
            };
            starts.push(start);
            let mark = match item {
                Item::Style(s) if s == env.learner => "(•) ",
                Item::Theme(c) if c == env.theme_choice => "(•) ",
                Item::Style(_) | Item::Theme(_) => "( ) ",
                _ => "    ",
            };
            doc.hanging_styled(
                &format!("{}{mark}", if chosen { POINTER } else { NO_POINTER }),
                theme.key,
                "      ",
                &label,
                if chosen { theme.selected } else { theme.base },
            );
            if chosen {
                // The group's heading shows with its first item.
                rows = top..doc.len();
            }
        }
        // Where the style is kept and the trademark line stay in view below the list: the
        // list is longer than a small terminal, and these must be read (pedagogy rule 2).
        // What became of the last choice stays in view too, wherever in the list it was made.
        let mut footer = Doc::new(area.width.saturating_sub(1));
        footer.blank();
        if let Some(notice) = &env.profile_notice {
            footer.para(notice, theme.warn);
        }
        footer.para(env.t(T::StoredLocally), theme.dim);
        if let Some(texts) = texts {
            footer.para(&texts.disclaimer, theme.dim);
        }
        let footer_rows = u16::try_from(footer.len()).unwrap_or(u16::MAX);
        let area = if area.height >= footer_rows.saturating_mul(2) {
            let body = Rect {
                height: area.height - footer_rows,
                ..area
            };
            let foot = Rect {
                y: body.y + body.height,
                height: footer_rows,
                ..area
            };
            render_doc(&footer, 0, foot, buf);
            body
        } else {
            doc.lines.extend(footer.lines);
            area
        };
        // The list is longer than a small terminal: say how much of it is below.
        let offset =
            scroll_to_show_more(doc.len(), 0, usize::from(area.height), rows.start, rows.end);
        render_doc_more(&doc, offset, area, buf, theme.key, |first| {
            match starts.iter().filter(|&&start| start >= first).count() {
                0 => env.t(T::MoreBelow).to_owned(),
                n => env.tf(T::MoreItems, &[("n", &n.to_string())]),
            }
        });
    }
}

/// A style as the list shows it: a style's name, or a blend's code with the first clause of
/// its self-check text ("Di – Mostly D, leaning towards i").
fn list_name(texts: &StyleTexts, style: LearnerStyle) -> String {
    match style {
        LearnerStyle::Pure(_) => texts.learner_style_name(style),
        LearnerStyle::Blend(b) => match texts.self_check.results.blends.get(&b) {
            Some(text) => format!("{} – {}", b.code(), text.split(':').next().unwrap_or(text)),
            None => b.code(),
        },
    }
}

/// The learner's current style with its description, or "not set".
fn current_style(env: &Env, texts: Option<&StyleTexts>, doc: &mut Doc) {
    let theme = env.theme;
    let Some(style) = env.learner else {
        doc.line(Line::from(vec![
            Span::styled(format!("{}: ", env.t(T::CurrentStyle)), theme.heading),
            Span::styled(env.t(T::StyleNotSet).to_owned(), theme.base),
        ]));
        return;
    };
    let Some(texts) = texts else {
        doc.para(env.t(T::NoStyleTexts), theme.warn);
        return;
    };
    doc.hanging_styled(
        &format!("{}: ", env.t(T::CurrentStyle)),
        theme.heading,
        "  ",
        &texts.learner_style_name(style),
        theme.say,
    );
    if let Some(t) = texts.style(style.main()) {
        doc.para(&t.short, theme.base);
        for (label, text) in [
            (T::LikesFeedback, &t.likes_feedback),
            (T::StyleStrength, &t.strength),
            (T::StyleRisk, &t.risk),
        ] {
            doc.hanging_styled(
                &format!("{}: ", env.t(label)),
                theme.heading,
                "  ",
                text,
                theme.base,
            );
        }
    }
}

/// The themes in the order listed.
const THEMES: [ThemeChoice; 3] = [
    ThemeChoice::Default,
    ThemeChoice::HighContrast,
    ThemeChoice::Mono,
];

/// A theme's name for the learner.
fn theme_name(choice: ThemeChoice) -> T {
    match choice {
        ThemeChoice::Default => T::ThemeDefault,
        ThemeChoice::HighContrast => T::ThemeHighContrast,
        ThemeChoice::Mono => T::ThemeMono,
    }
}

/// The theme in use, and whether NO_COLOR keeps colour off whatever is chosen.
fn current_theme(env: &Env, doc: &mut Doc) {
    let theme = env.theme;
    doc.hanging_styled(
        &format!("{}: ", env.t(T::CurrentTheme)),
        theme.heading,
        "  ",
        env.t(theme_name(env.theme_choice)),
        theme.base,
    );
    if env.no_color && env.theme_choice != ThemeChoice::Mono {
        doc.para(env.t(T::ThemeNoColor), theme.base);
    }
}
