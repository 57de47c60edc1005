//! Changes to the config file that keep its comments and layout: one writer at a time,
//! only ever to a regular file, replaced atomically with its owner and mode kept.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use toml_edit::{DocumentMut, Item, Table, TableLike, value};

use super::file::{
    KeyKind, Profile, SECRET_KEYS, TOP_LEVEL_KEYS, check_profile_value, key_kind, parse,
};
use crate::util::error::{ConfigError, UsageError};
use crate::util::platform;

/// How long a change waits for another matasks changing the same file.
const LOCK_PATIENCE: Duration = Duration::from_secs(10);

/// A value to store under a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Integer(i64),
    Bool(bool),
}

impl Value {
    /// Read `text` as the type `key` holds, checked as the file's parser would.
    pub fn for_key(key: &str, text: &str) -> Result<Value, UsageError> {
        let value = match key_kind(key) {
            Some(KeyKind::Integer) => {
                text.trim()
                    .parse::<i64>()
                    .map(Value::Integer)
                    .map_err(|_| {
                        UsageError(format!(
                            "`{key}` takes a whole number, not `{}`",
                            text.trim()
                        ))
                    })?
            }
            Some(KeyKind::Bool) => match text.trim() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                other => {
                    return Err(UsageError(format!(
                        "`{key}` takes true or false, not `{other}`"
                    )));
                }
            },
            Some(KeyKind::Secret) => Value::Text(text.to_string()),
            _ => Value::Text(text.trim().to_string()),
        };
        if !TOP_LEVEL_KEYS.contains(&key) {
            check_profile_value(key, &value.item().to_string()).map_err(|reason| {
                if key_kind(key) == Some(KeyKind::Secret) {
                    UsageError(format!("invalid value for `{key}`"))
                } else {
                    UsageError(format!("invalid value for `{key}`: {reason}"))
                }
            })?;
        }
        Ok(value)
    }

    fn item(&self) -> Item {
        match self {
            Value::Text(text) => value(text.as_str()),
            Value::Integer(n) => value(*n),
            Value::Bool(b) => value(*b),
        }
    }
}

/// The config file as a document that can be changed and written back.
pub struct Editor {
    /// The file as named, for messages.
    path: PathBuf,
    /// What `path` leads to once every symbolic link is followed: what is replaced.
    target: PathBuf,
    /// The file being replaced, if there is one: its owner, group and mode are kept.
    existing: Option<fs::Metadata>,
    doc: DocumentMut,
    /// The file began with a byte-order mark, which toml_edit drops.
    bom: bool,
    /// The file's lines end in CRLF, which toml_edit writes as LF.
    crlf: bool,
    /// Held from reading to writing, so that writers take turns and none loses
    /// another's change.
    _lock: Option<platform::Lock>,
}

/// The config file as [`Editor::open`] would read it, without taking the lock: to look
/// before asking questions, then open it for the change.
pub struct Peek(Editor);

impl Peek {
    pub fn default_profile(&self) -> Option<String> {
        self.0.default_profile()
    }

    pub fn has_profile(&self, name: &str) -> bool {
        self.0.has_profile(name)
    }
}

impl Editor {
    /// Open `path` to change it, or start an empty document if it does not exist yet.
    /// Symbolic links are followed to the file they lead to. Refused, leaving it
    /// untouched: anything but a regular file (a device, a directory, a pipe), a
    /// read-only file, and a file or directory that others can write. The file's lock
    /// is held until the editor is dropped, and what is edited is read under it.
    pub fn open(path: &Path) -> Result<Editor, ConfigError> {
        Editor::read(path, true)
    }

    /// Read `path` with the checks of [`Editor::open`], without the lock.
    pub fn peek(path: &Path) -> Result<Peek, ConfigError> {
        Editor::read(path, false).map(Peek)
    }

    fn read(path: &Path, lock: bool) -> Result<Editor, ConfigError> {
        let refuse = |why: String| {
            ConfigError(format!(
                "cannot change config file {}: {why}",
                path.display()
            ))
        };
        let target = platform::final_target(path).map_err(|e| refuse(super::io_reason(&e)))?;
        let leads = if target == path {
            "it is".to_string()
        } else {
            format!("it leads to {}, which is", target.display())
        };
        let look = || match fs::symlink_metadata(&target) {
            Ok(meta) => Ok(Some(meta)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(refuse(super::io_reason(&e))),
        };
        // What is there must be a file matasks may write to: anything else is refused
        // before anything is created beside it, a lock file included.
        let writable = |meta: &fs::Metadata| {
            if !meta.is_file() {
                return Err(refuse(format!(
                    "{leads} {}, not a regular file; matasks writes only to a regular file \
                     (or creates one)",
                    platform::kind_of(meta)
                )));
            }
            if platform::is_read_only(meta) {
                return Err(refuse(format!(
                    "{leads} read-only; to change it anyway, first run: chmod u+w {}",
                    target.display()
                )));
            }
            if let Some(doubt) = platform::doubt(&target, meta, false) {
                return Err(refuse(format!(
                    "it {}; first run: {}",
                    doubt.problem, doubt.fix
                )));
            }
            Ok(())
        };
        if let Some(meta) = look()? {
            writable(&meta)?;
        }
        let dir = platform::dir_of(&target);
        if lock {
            platform::create_private_dir(&dir).map_err(|e| {
                refuse(format!(
                    "cannot create {}: {}",
                    dir.display(),
                    super::io_reason(&e)
                ))
            })?;
        }
        if let Ok(meta) = fs::metadata(&dir)
            && let Some(doubt) = platform::doubt(&dir, &meta, false)
        {
            return Err(refuse(format!(
                "its directory {} {}; first run: {}",
                dir.display(),
                doubt.problem,
                doubt.fix
            )));
        }
        let lock = match lock {
            false => None,
            true => Some(platform::lock(&target, LOCK_PATIENCE).map_err(|e| {
                if e.kind() == io::ErrorKind::TimedOut {
                    refuse(format!(
                        "another matasks has been changing it for {}s (it holds {}); try again",
                        LOCK_PATIENCE.as_secs(),
                        platform::lock_path(&target).display()
                    ))
                } else {
                    refuse(format!(
                        "cannot lock {}: {}",
                        platform::lock_path(&target).display(),
                        super::io_reason(&e)
                    ))
                }
            })?),
        };
        // Under the lock, the file as the last writer left it.
        let existing = look()?;
        let text = match &existing {
            None => String::new(),
            Some(meta) => {
                writable(meta)?;
                let mut text = String::new();
                platform::open_no_follow(&target)
                    .and_then(|mut file| file.read_to_string(&mut text))
                    .map_err(|e| {
                        ConfigError(format!(
                            "cannot read config file {}: {}",
                            path.display(),
                            super::io_reason(&e)
                        ))
                    })?;
                text
            }
        };
        let mut editor = Editor::from_text(path, &text)?;
        editor.target = target;
        editor.existing = existing;
        editor._lock = lock;
        Ok(editor)
    }

    /// Only the syntax is checked here: a file with a mistyped key must still be fixable
    /// with `config unset`. The result is checked before it is written.
    fn from_text(path: &Path, text: &str) -> Result<Editor, ConfigError> {
        let doc = text.parse::<DocumentMut>().map_err(|e| {
            ConfigError(format!(
                "invalid config file {}: {}",
                path.display(),
                e.message()
            ))
        })?;
        Ok(Editor {
            path: path.to_path_buf(),
            target: path.to_path_buf(),
            existing: None,
            doc,
            bom: text.starts_with('\u{feff}'),
            // The first line's ending says how the file's lines end.
            crlf: text.find('\n').is_some_and(|i| text[..i].ends_with('\r')),
            _lock: None,
        })
    }

    /// The file's `default_profile`.
    pub fn default_profile(&self) -> Option<String> {
        self.doc
            .get("default_profile")
            .and_then(Item::as_str)
            .map(str::to_string)
    }

    pub fn has_profile(&self, name: &str) -> bool {
        self.doc
            .get("profiles")
            .and_then(Item::as_table_like)
            .is_some_and(|p| p.contains_key(name))
    }

    fn profile_mut(&mut self, name: &str) -> Result<&mut dyn TableLike, ConfigError> {
        let path = self.path.display().to_string();
        let profiles = self.doc.entry("profiles").or_insert_with(|| {
            // `[profiles.NAME]` headers, not an empty `[profiles]` above them.
            let mut table = Table::new();
            table.set_implicit(true);
            Item::Table(table)
        });
        let profiles = profiles
            .as_table_like_mut()
            .ok_or_else(|| ConfigError(format!("`profiles` in {path} is not a table")))?;
        let profile = profiles
            .entry(name)
            .or_insert_with(|| Item::Table(Table::new()));
        profile
            .as_table_like_mut()
            .ok_or_else(|| ConfigError(format!("`profiles.{name}` in {path} is not a table")))
    }

    /// Set `key` of profile `profile` (or the top-level `default_profile`). Setting one
    /// source of a secret removes its other sources; their keys are returned.
    pub fn set(
        &mut self,
        profile: &str,
        key: &str,
        value: &Value,
    ) -> Result<Vec<String>, ConfigError> {
        if TOP_LEVEL_KEYS.contains(&key) {
            put(self.doc.as_table_mut(), key, value);
            return Ok(Vec::new());
        }
        let table = self.profile_mut(profile)?;
        let mut removed = Vec::new();
        if let Some(secret) = secret_of(key) {
            for other in [
                secret.to_string(),
                format!("{secret}_command"),
                format!("{secret}_env"),
            ] {
                if other != key && table.remove(&other).is_some() {
                    removed.push(other);
                }
            }
        }
        put(table, key, value);
        Ok(removed)
    }

    /// Remove `key`; whether it was there.
    pub fn unset(&mut self, profile: &str, key: &str) -> bool {
        if TOP_LEVEL_KEYS.contains(&key) {
            return self.doc.remove(key).is_some();
        }
        self.doc
            .get_mut("profiles")
            .and_then(Item::as_table_like_mut)
            .and_then(|p| p.get_mut(profile))
            .and_then(Item::as_table_like_mut)
            .is_some_and(|t| t.remove(key).is_some())
    }

    /// Replace a whole profile with these keys, in this order.
    pub fn replace_profile(
        &mut self,
        profile: &str,
        entries: &[(&str, Value)],
    ) -> Result<(), ConfigError> {
        let table = self.profile_mut(profile)?;
        table.clear();
        for (key, value) in entries {
            table.insert(key, value.item());
        }
        Ok(())
    }

    /// The document as it will be written, with the file's BOM and line endings.
    pub fn text(&self) -> String {
        let text = self.doc.to_string();
        let text = if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        };
        if self.bom {
            format!("\u{feff}{text}")
        } else {
            text
        }
    }

    /// Check the result as any command would read it, then replace the file with it:
    /// atomically, where its links lead, keeping its owner, group and mode (less the
    /// group's and others' permissions when it holds a secret); a new file is its
    /// owner's alone (0600).
    pub fn save(&self) -> Result<(), ConfigError> {
        let text = self.text();
        let parsed = parse(&self.path, &text).map_err(|e| {
            // The line and column would point into a file that was never written.
            let reason =
                e.0.find(": key `")
                    .map_or(e.0.as_str(), |at| &e.0[at + 2..]);
            ConfigError(format!("not written, the file would be invalid: {reason}"))
        })?;
        let private = parsed.profiles.values().any(Profile::holds_plain_secret);
        platform::replace(
            &self.target,
            text.as_bytes(),
            self.existing.as_ref(),
            private,
        )
        .map_err(|e| {
            ConfigError(format!(
                "cannot write config file {}: {}",
                self.path.display(),
                super::io_reason(&e)
            ))
        })
    }
}

/// Whether `text` can be opened for editing and written back unchanged, as `config
/// set` needs: for the fuzz target. What may change: line endings become the first
/// line's throughout, and whitespace at the very end may become a newline.
#[doc(hidden)]
pub fn check_document(text: &str) -> bool {
    let essence = |t: &str| t.replace("\r\n", "\n").trim_end().to_string();
    match Editor::from_text(Path::new("fuzz.toml"), text) {
        Ok(editor) => {
            let written = editor.text();
            assert_eq!(
                essence(&written),
                essence(text),
                "an untouched document is written back as read"
            );
            assert_eq!(
                written.starts_with('\u{feff}'),
                text.starts_with('\u{feff}')
            );
            true
        }
        Err(_) => false,
    }
}

/// Set `key` in `table`. Replacing a value in place keeps the comment after it.
fn put(table: &mut dyn TableLike, key: &str, value: &Value) {
    match table.get_mut(key) {
        Some(item) if item.is_value() => {
            let decor = item.as_value().map(|v| v.decor().clone());
            *item = value.item();
            if let (Some(decor), Some(v)) = (decor, item.as_value_mut()) {
                *v.decor_mut() = decor;
            }
        }
        _ => {
            table.insert(key, value.item());
        }
    }
}

/// The secret that `key` is a source of: `password_command` -> `password`.
fn secret_of(key: &str) -> Option<&'static str> {
    SECRET_KEYS.iter().copied().find(|secret| {
        key == *secret
            || key
                .strip_prefix(secret)
                .is_some_and(|rest| rest == "_command" || rest == "_env")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor(text: &str) -> (tempfile::TempDir, Editor) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        fs::write(&path, text).unwrap();
        let editor = Editor::open(&path).unwrap();
        (dir, editor)
    }

    const COMMENTED: &str = "# my settings\ndefault_profile = \"a\"\n\n[profiles.a]\n# where\nregion = \"cn-north-4\" # Beijing\nsecret_key = \"old\"\n\n# the other one\n[profiles.b]\nregion = \"cn-north-1\"\n";

    #[test]
    fn set_keeps_comments_layout_and_other_profiles() {
        let (_dir, mut e) = editor(COMMENTED);
        e.set("a", "region", &Value::Text("cn-east-3".into()))
            .unwrap();
        e.set("a", "project_id", &Value::Text("p1".into())).unwrap();
        e.set("a", "concurrency", &Value::Integer(4)).unwrap();
        assert_eq!(
            e.text(),
            "# my settings\ndefault_profile = \"a\"\n\n[profiles.a]\n# where\nregion = \"cn-east-3\" # Beijing\nsecret_key = \"old\"\nproject_id = \"p1\"\nconcurrency = 4\n\n# the other one\n[profiles.b]\nregion = \"cn-north-1\"\n"
        );
    }

    #[test]
    fn a_new_source_replaces_the_old_one() {
        let (_dir, mut e) = editor(COMMENTED);
        let removed = e
            .set(
                "a",
                "secret_key_command",
                &Value::Text("pass show sk".into()),
            )
            .unwrap();
        assert_eq!(removed, ["secret_key"]);
        assert!(!e.text().contains("old"));
        assert!(e.text().contains("secret_key_command = \"pass show sk\""));
        assert_eq!(secret_of("security_token_env"), Some("security_token"));
        assert_eq!(secret_of("access_key"), None);
    }

    #[test]
    fn new_files_and_profiles_get_table_headers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/dir/config.toml");
        let mut e = Editor::open(&path).unwrap();
        e.set("prod", "region", &Value::Text("cn-north-4".into()))
            .unwrap();
        e.set("prod", "default_profile", &Value::Text("prod".into()))
            .unwrap();
        e.save().unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "default_profile = \"prod\"\n\n[profiles.prod]\nregion = \"cn-north-4\"\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
            let mode = fs::metadata(path.parent().unwrap())
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(mode, 0o700);
        }
    }

    #[test]
    fn invalid_results_are_not_written() {
        let (dir, mut e) = editor(COMMENTED);
        e.set("a", "concurrency", &Value::Integer(99)).unwrap();
        let err = e.save().unwrap_err().0;
        assert_eq!(
            err,
            "not written, the file would be invalid: key `profiles.a.concurrency`: 99 is out of range: concurrency is 1 to 32"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("config.toml")).unwrap(),
            COMMENTED
        );
        assert_eq!(
            Value::for_key("concurrency", "four").unwrap_err().0,
            "`concurrency` takes a whole number, not `four`"
        );
        assert_eq!(
            Value::for_key("concurrency", "99").unwrap_err().0,
            "invalid value for `concurrency`: 99 is out of range: concurrency is 1 to 32"
        );
        assert_eq!(
            Value::for_key("auth", "sso").unwrap_err().0,
            "invalid value for `auth`: unknown variant `sso`, expected one of `aksk`, `token`, `password`"
        );
        assert_eq!(
            Value::for_key("region", " cn-north-4\n").unwrap(),
            Value::Text("cn-north-4".into())
        );
        assert_eq!(
            Value::for_key("concurrency", " 4 ").unwrap(),
            Value::Integer(4)
        );
    }

    #[test]
    fn the_top_level_key_keeps_its_comment_and_a_broken_file_can_be_fixed() {
        let (_dir, mut e) = editor(COMMENTED);
        e.set("a", "default_profile", &Value::Text("b".into()))
            .unwrap();
        assert!(
            e.text()
                .starts_with("# my settings\ndefault_profile = \"b\"\n"),
            "{}",
            e.text()
        );
        let (_dir, mut e) = editor("[profiles.a]\nregoin = \"x\" # typo\nregion = \"y\"\n");
        assert!(e.save().is_err());
        assert!(e.unset("a", "regoin"));
        e.save().unwrap();
    }

    /// Found by the config fuzz target: toml_edit drops a byte-order mark (which
    /// Notepad writes), writes CRLF line endings as LF, and ends a file that ends in a
    /// table header with a newline. The editor puts back the mark and the endings.
    #[test]
    fn a_rewrite_keeps_the_byte_order_mark_and_the_line_endings() {
        assert!(check_document("\u{feff}"));
        assert!(check_document("[profiles.a]"));
        assert!(check_document("a = 1\n\r\nb = 2\n"));
        assert_eq!(
            "[profiles.a]".parse::<DocumentMut>().unwrap().to_string(),
            "[profiles.a]\n"
        );
        let (_dir, mut e) = editor("\u{feff}# mine\r\n[profiles.a]\r\nregion = \"x\"\r\n");
        e.set("a", "region", &Value::Text("y".into())).unwrap();
        e.set("a", "dataset_id", &Value::Text("d".into())).unwrap();
        e.save().unwrap();
        assert_eq!(
            fs::read_to_string(&e.path).unwrap(),
            "\u{feff}# mine\r\n[profiles.a]\r\nregion = \"y\"\r\ndataset_id = \"d\"\r\n"
        );
        parse(Path::new("c"), "\u{feff}[profiles.a]\nregion = \"x\"\n").unwrap();
    }

    #[test]
    fn unset_and_replace() {
        let (_dir, mut e) = editor(COMMENTED);
        assert!(e.unset("a", "secret_key"));
        assert!(!e.unset("a", "secret_key"));
        assert!(!e.unset("zzz", "region"));
        e.replace_profile("b", &[("endpoint", Value::Text("https://h".into()))])
            .unwrap();
        assert!(
            e.text()
                .ends_with("# the other one\n[profiles.b]\nendpoint = \"https://h\"\n"),
            "{}",
            e.text()
        );
        assert!(e.has_profile("b") && !e.has_profile("c"));
    }

    #[cfg(unix)]
    fn is_link(path: &Path) -> bool {
        fs::symlink_metadata(path).unwrap().file_type().is_symlink()
    }

    /// Every link is followed, however many in a row: none of them is replaced.
    #[cfg(unix)]
    #[test]
    fn symlinked_files_are_written_where_the_links_lead() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("dotfiles.toml");
        fs::write(&real, "").unwrap();
        let middle = dir.path().join("middle.toml");
        std::os::unix::fs::symlink(&real, &middle).unwrap();
        let link = dir.path().join("config.toml");
        std::os::unix::fs::symlink("middle.toml", &link).unwrap();
        let mut e = Editor::open(&link).unwrap();
        e.set("x", "default_profile", &Value::Text("x".into()))
            .unwrap();
        e.save().unwrap();
        assert!(is_link(&link) && is_link(&middle));
        assert_eq!(
            fs::read_to_string(&real).unwrap(),
            "default_profile = \"x\"\n"
        );
        // A dangling link is written where it points, and stays a link.
        let dangling = dir.path().join("new.toml");
        std::os::unix::fs::symlink("dotfiles/matasks.toml", &dangling).unwrap();
        let mut e = Editor::open(&dangling).unwrap();
        e.set("x", "region", &Value::Text("r".into())).unwrap();
        e.save().unwrap();
        assert!(is_link(&dangling));
        assert_eq!(
            fs::read_to_string(dir.path().join("dotfiles/matasks.toml")).unwrap(),
            "[profiles.x]\nregion = \"r\"\n"
        );
    }
}
