//! Text from outside the program (the API, the identity service, the config file, the
//! cache, the environment) made safe to show on a terminal.
//!
//! One rule, wherever such text is shown: a character that could move the cursor,
//! change the terminal's state, reorder or hide what is around it is never written as
//! itself. Tab, line and paragraph breaks become a space; every other control
//! character (C0, DEL and C1) is written as `\xNN`, and bidi controls, zero-width and
//! other invisible format characters as `\u{NNNN}`, so that `ESC [ 2 J` shows as
//! `\x1b[2J` and a right-to-left override as `\u{202e}`. Everything else, `\` included,
//! is shown as it is. JSON output never goes through here: its escapes are already safe.

use std::borrow::Cow;
use std::fmt::Write;

/// How a character is shown.
#[derive(Debug, PartialEq, Eq)]
enum Shown {
    Itself,
    /// Breaks the line or moves to a tab stop: one space instead.
    Space,
    /// Written as an escape: `\x1b`, `\u{202e}`.
    Escaped,
}

fn shown(c: char) -> Shown {
    match c {
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Shown::Space,
        // C0, DEL and C1: the general category Cc.
        c if c.is_control() => Shown::Escaped,
        // Arabic letter mark, Mongolian vowel separator, zero-width space, joiners and
        // the left-to-right and right-to-left marks, the bidi embeddings and overrides,
        // the word joiner, invisible operators, bidi isolates and deprecated format
        // characters, the byte order mark (zero-width no-break space), interlinear
        // annotation marks and tags.
        '\u{061c}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{e0000}'..='\u{e007f}' => Shown::Escaped,
        _ => Shown::Itself,
    }
}

/// Of `names`, the one most like `text` (Jaro-Winkler), if it scores above `above`:
/// the name a typo most likely meant.
pub fn closest<'a>(
    text: &str,
    names: impl IntoIterator<Item = &'a str>,
    above: f64,
) -> Option<&'a str> {
    names
        .into_iter()
        .map(|name| (strsim::jaro_winkler(name, text), name))
        .filter(|(score, _)| *score > above)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// Whether `c` is not shown as itself: a control character (a line break or tab
/// included), a bidi control, or a zero-width or other invisible format character.
pub fn is_hidden(c: char) -> bool {
    shown(c) != Shown::Itself
}

/// `text` as it may be shown on one line of a terminal (see the module's rule).
/// Borrowed when there is nothing to change.
pub fn clean(text: &str) -> Cow<'_, str> {
    clean_but(text, |_| false)
}

/// `text` as it may be shown on a terminal, its line breaks and tabs kept: text
/// that is meant to be several lines, such as a `--jq` program's raw output.
pub fn clean_lines(text: &str) -> Cow<'_, str> {
    clean_but(text, |c| c == '\n' || c == '\t')
}

/// [`clean`], leaving the characters `keep` says as they are.
fn clean_but(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let changed = |c: char| is_hidden(c) && !keep(c);
    let Some(first) = text.find(changed) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        match shown(c) {
            _ if keep(c) => out.push(c),
            Shown::Itself => out.push(c),
            Shown::Space => out.push(' '),
            _ if u32::from(c) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            _ => {
                let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_name_above_the_bar_or_none() {
        let names = ["n_clusters", "name", "model_id"];
        assert_eq!(closest("n_cluster", names, 0.85), Some("n_clusters"));
        assert_eq!(closest("nmae", names, 0.8), Some("name"));
        assert_eq!(closest("brand_new", names, 0.85), None);
        assert_eq!(closest("x", [], 0.0), None);
    }

    #[test]
    fn plain_text_is_borrowed_as_it_is() {
        for text in ["", "nightly run/ü+~*", "日本語のタスク", "a\\x1b", "👍🏽 ok"] {
            assert!(
                matches!(clean(text), Cow::Borrowed(t) if t == text),
                "{text}"
            );
        }
    }

    #[test]
    fn lines_keep_their_breaks_and_tabs_only() {
        assert_eq!(clean_lines("a\tb\nc\rd\x1b"), "a\tb\nc d\\x1b");
        assert!(matches!(clean_lines("a\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn c0_del_and_c1_are_escaped() {
        assert_eq!(clean("a\x1b[2Jb"), "a\\x1b[2Jb");
        assert_eq!(clean("\x1b]0;owned\x07"), "\\x1b]0;owned\\x07");
        assert_eq!(clean("\0\x01\x08\x7f"), "\\x00\\x01\\x08\\x7f");
        // C1: CSI, OSC, ST, and the rest of U+0080 to U+009F.
        assert_eq!(clean("\u{9b}2J\u{9d}0;t\u{9c}"), "\\x9b2J\\x9d0;t\\x9c");
        assert_eq!(clean("\u{80}\u{9f}"), "\\x80\\x9f");
        for c in (0..0x20).chain(0x7f..0xa0).filter_map(char::from_u32) {
            assert!(is_hidden(c), "{c:?}");
            assert!(
                !clean(&c.to_string()).chars().any(char::is_control),
                "{c:?}"
            );
        }
    }

    #[test]
    fn breaks_and_tabs_become_spaces() {
        assert_eq!(clean("bad\nthing"), "bad thing");
        assert_eq!(clean("a\r\nb\tc\u{b}d\u{c}e"), "a  b c d e");
        assert_eq!(clean("a\u{85}b"), "a b");
        assert_eq!(
            clean("line\u{2028}separator\u{2029}paragraph"),
            "line separator paragraph"
        );
    }

    #[test]
    fn bidi_controls_are_escaped() {
        assert_eq!(clean("abc\u{202e}fdp.exe"), "abc\\u{202e}fdp.exe");
        for c in ('\u{202a}'..='\u{202e}').chain('\u{2066}'..='\u{2069}') {
            assert_eq!(
                clean(&c.to_string()),
                format!("\\u{{{:04x}}}", u32::from(c))
            );
        }
        assert_eq!(clean("\u{061c}"), "\\u{061c}");
    }

    #[test]
    fn zero_width_and_invisible_characters_are_escaped() {
        for c in ('\u{200b}'..='\u{200f}').chain(['\u{feff}', '\u{2060}', '\u{180e}']) {
            assert_eq!(
                clean(&format!("a{c}b")),
                format!("a\\u{{{:04x}}}b", u32::from(c))
            );
        }
        assert_eq!(clean("\u{e0041}"), "\\u{e0041}");
    }

    #[test]
    fn what_is_cleaned_is_clean() {
        let all: String = (0..0x3_0000).filter_map(char::from_u32).collect();
        let once = clean(&all).into_owned();
        assert!(!once.chars().any(is_hidden));
        assert_eq!(clean(&once), once);
    }
}
