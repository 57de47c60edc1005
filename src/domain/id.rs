//! Task, dataset and project IDs. Each becomes one step of a request's path, so each
//! is checked once, by [`Id::new`], wherever it comes from: an argument, a flag, a
//! variable, the profile, the identity service or the cache. Only an [`Id`] reaches a
//! request.

use std::fmt;

use crate::util::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Task,
    Dataset,
    Project,
}

impl IdKind {
    fn name(self) -> &'static str {
        match self {
            IdKind::Task => "task",
            IdKind::Dataset => "dataset",
            IdKind::Project => "project",
        }
    }
}

/// Where an ID came from, as a message names it: `flag --dataset`, `the command line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Given by the user: an argument, a flag, a variable or the profile.
    Given(String),
    /// Answered by a service, or kept from its answer in the cache.
    Service(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Given(place) | Origin::Service(place) => f.write_str(place),
        }
    }
}

/// An ID that can be one path step: not empty or blank, not `.` or `..`, and without
/// `/`, `\`, or a control, bidi or zero-width character ([`text::is_hidden`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Id(String);

impl Id {
    pub fn new(kind: IdKind, text: &str, origin: Origin) -> Result<Id, BadId> {
        let why = if text.trim().is_empty() {
            Why::Empty
        } else if matches!(text, "." | "..") {
            Why::PathStep
        } else if let Some(c) = text.chars().find(|&c| c == '/' || c == '\\') {
            Why::Separator(c)
        } else if text.chars().any(text::is_hidden) {
            Why::Control
        } else {
            return Ok(Id(text.to_string()));
        };
        Err(BadId {
            kind,
            shown: text::clean(text).into_owned(),
            origin,
            why,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    Empty,
    PathStep,
    Separator(char),
    Control,
}

/// An ID that cannot be one. Given by the user, it is a usage error (exit 2); from a
/// service or the cache, a configuration error (exit 3), since setting the ID spares
/// the lookup.
#[derive(Debug)]
pub struct BadId {
    kind: IdKind,
    /// The text, made safe to show.
    shown: String,
    pub origin: Origin,
    why: Why,
}

impl BadId {
    /// Given by the user, rather than answered by a service.
    pub fn is_given(&self) -> bool {
        matches!(self.origin, Origin::Given(_))
    }
}

impl fmt::Display for BadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = self.kind.name();
        let origin = &self.origin;
        if self.why == Why::Empty {
            return write!(f, "the {kind} ID from {origin} is empty");
        }
        write!(
            f,
            "the {kind} ID `{}` from {origin} is not an ID: ",
            self.shown
        )?;
        match self.why {
            Why::Empty => Ok(()),
            Why::PathStep => write!(f, "`{}` is a step of a path", self.shown),
            Why::Separator(c) => write!(f, "it contains `{c}`"),
            Why::Control => f.write_str("it contains a control character"),
        }
    }
}

impl std::error::Error for BadId {}

#[cfg(test)]
mod tests {
    use super::*;

    fn given() -> Origin {
        Origin::Given("flag --dataset".into())
    }

    #[test]
    fn ordinary_ids_pass_as_they_are() {
        for id in [
            "OBegCXHxTJ2JHRAZWr0",
            "0123456789abcdef0123456789abcdef",
            "a.b",
            "...",
            "a..",
            "task-1_2~x",
            "日本",
        ] {
            assert_eq!(Id::new(IdKind::Dataset, id, given()).unwrap().as_str(), id);
        }
    }

    #[test]
    fn what_cannot_be_one_path_step_is_refused() {
        let why = |text: &str| {
            Id::new(IdKind::Dataset, text, given())
                .unwrap_err()
                .to_string()
        };
        for empty in ["", " ", "\t"] {
            assert_eq!(why(empty), "the dataset ID from flag --dataset is empty");
        }
        assert_eq!(
            why(".."),
            "the dataset ID `..` from flag --dataset is not an ID: `..` is a step of a path"
        );
        assert!(why(".").ends_with("`.` is a step of a path"));
        assert!(why("a/b").ends_with("it contains `/`"));
        assert!(why("../x").ends_with("it contains `/`"));
        assert!(why("a\\b").ends_with("it contains `\\`"));
        for control in [
            "a\nb",
            "a\u{1b}[2J",
            "a\u{9b}",
            "a\u{7f}",
            "a\u{202e}b",
            "a\u{200b}",
        ] {
            let message = why(control);
            assert!(
                message.ends_with("it contains a control character"),
                "{message}"
            );
            assert!(!message.chars().any(text::is_hidden), "{message:?}");
        }
        assert_eq!(
            why("a\u{1b}]0;x\u{7}"),
            "the dataset ID `a\\x1b]0;x\\x07` from flag --dataset is not an ID: it contains a \
             control character"
        );
    }

    #[test]
    fn the_origin_says_whose_mistake_it_is() {
        let bad = Id::new(
            IdKind::Project,
            "..",
            Origin::Service("the identity service".into()),
        )
        .unwrap_err();
        assert!(!bad.is_given());
        assert_eq!(
            bad.to_string(),
            "the project ID `..` from the identity service is not an ID: `..` is a step of a path"
        );
        assert!(
            Id::new(IdKind::Task, "", Origin::Given("x".into()))
                .unwrap_err()
                .is_given()
        );
    }
}
