//! Changes to the config file that keep its comments and layout, written privately.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, TableLike, value};

use super::file::{KeyKind, SECRET_KEYS, TOP_LEVEL_KEYS, key_kind, parse};
use crate::error::ConfigError;

/// A value to store under a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Integer(i64),
}

impl Value {
    /// Read `text` as the type `key` holds.
    pub fn for_key(key: &str, text: &str) -> Result<Value, ConfigError> {
        match key_kind(key) {
            Some(KeyKind::Integer) => {
                text.trim().parse::<i64>().map(Value::Integer).map_err(|_| {
                    ConfigError(format!(
                        "`{key}` takes a whole number, not `{}`",
                        text.trim()
                    ))
                })
            }
            _ => Ok(Value::Text(text.to_string())),
        }
    }

    fn item(&self) -> Item {
        match self {
            Value::Text(text) => value(text.as_str()),
            Value::Integer(n) => value(*n),
        }
    }
}

/// The config file as a document that can be changed and written back.
pub struct Editor {
    path: PathBuf,
    doc: DocumentMut,
}

impl Editor {
    /// Open `path`, or start an empty document if it does not exist yet.
    pub fn open(path: &Path) -> Result<Editor, ConfigError> {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(ConfigError(format!(
                    "cannot read config file {}: {}",
                    path.display(),
                    super::io_reason(&e)
                )));
            }
        };
        // The same checks as every other command, with the same messages.
        parse(path, &text)?;
        let doc = text.parse::<DocumentMut>().map_err(|e| {
            ConfigError(format!(
                "invalid config file {}: {}",
                path.display(),
                e.message()
            ))
        })?;
        Ok(Editor {
            path: path.to_path_buf(),
            doc,
        })
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
            self.doc.insert(key, value.item());
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
        match table.get_mut(key) {
            // Replacing the value in place keeps the comment after it on the line.
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

    pub fn text(&self) -> String {
        self.doc.to_string()
    }

    /// Check the result as any command would read it, then write it with mode 0600.
    pub fn save(&self) -> Result<(), ConfigError> {
        let text = self.text();
        parse(&self.path, &text).map_err(|e| {
            ConfigError(format!("not written, the result would be invalid: {}", e.0))
        })?;
        write_private(&self.path, &text).map_err(|e| {
            ConfigError(format!(
                "cannot write config file {}: {}",
                self.path.display(),
                super::io_reason(&e)
            ))
        })
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

/// Replace `path` atomically with `text`, readable by its owner only. A symlinked file
/// (dotfiles) is written where the link points.
pub fn write_private(path: &Path, text: &str) -> io::Result<()> {
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_private_dir(&dir)?;
    let name = target.file_name().map_or_else(
        || "config.toml".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&temp, &target)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// Create a directory (and its parents) that only its owner can enter.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
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
        assert!(
            err.starts_with("not written, the result would be invalid:"),
            "{err}"
        );
        assert!(err.contains("99 is out of range"), "{err}");
        assert_eq!(
            fs::read_to_string(dir.path().join("config.toml")).unwrap(),
            COMMENTED
        );
        assert!(Value::for_key("concurrency", "four").is_err());
        assert_eq!(
            Value::for_key("concurrency", " 4 ").unwrap(),
            Value::Integer(4)
        );
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
    #[test]
    fn symlinked_files_are_written_through_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("dotfiles.toml");
        fs::write(&real, "").unwrap();
        let link = dir.path().join("config.toml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_private(&link, "default_profile = \"x\"\n").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(&real).unwrap(),
            "default_profile = \"x\"\n"
        );
    }
}
