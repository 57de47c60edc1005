//! Tokens, discovered project IDs and what each endpoint's `offset` counts, kept
//! between runs in the user's cache directory, readable by the user only.
//!
//! What is cached decides where credentials go, so only what the user alone could
//! have written is read: the cache directory, its subdirectories and its files must be
//! the user's (or root's), and no one else may write them (see [`platform::doubt`]);
//! files may not be read by others either. A subdirectory or file that fails this
//! (planted by someone else, or a link to somewhere else) is ignored with a warning
//! and replaced when the cache is next written. A cache directory that fails it is not
//! used at all.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use super::signer::sha256_hex;
use crate::domain::offsets::Counting;
use crate::settings::EnvLookup;
use crate::util::platform;

/// Overrides the cache directory.
pub const ENV_CACHE_DIR: &str = "MATASKS_CACHE_DIR";

/// Only the first failure to write the cache is worth a warning.
static WARNED: AtomicBool = AtomicBool::new(false);

/// Paths already warned about, so that reading and then replacing one says so once.
static DOUBTED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

fn warn_once(path: &Path, message: impl FnOnce() -> String) {
    let mut doubted = DOUBTED.lock().unwrap_or_else(|e| e.into_inner());
    if doubted
        .get_or_insert_with(HashSet::new)
        .insert(path.to_path_buf())
    {
        crate::util::term::warn(&message());
    }
}

#[derive(Debug, Clone)]
pub struct Cache {
    dir: Option<PathBuf>,
}

/// A token as cached: bound by its fingerprint to the identity and scope it was
/// issued for.
pub struct CachedToken {
    pub fingerprint: String,
    pub token: SecretString,
    pub expires_at: jiff::Timestamp,
    pub project_id: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct TokenFile<'a> {
    fingerprint: &'a str,
    token: &'a str,
    expires_at: &'a str,
    project_id: Option<&'a str>,
}

#[derive(Serialize, Deserialize)]
struct ProjectFile<'a> {
    project_id: &'a str,
}

/// What an endpoint's `offset` was found to count.
pub struct CachedCounting {
    pub counting: Counting,
    pub detected_at: jiff::Timestamp,
    /// The file it is kept in.
    pub path: PathBuf,
}

#[derive(Serialize, Deserialize)]
struct CountingFile<'a> {
    /// The endpoint, for a reader of the file: the name is its hash.
    endpoint: &'a str,
    /// `pages` or `records`.
    offset_counts: &'a str,
    detected_at: &'a str,
}

/// The total of a listing's first page.
#[derive(Serialize, Deserialize)]
struct TotalFile<'a> {
    /// What was listed: endpoint, project, dataset and query.
    listing: &'a str,
    total: u64,
}

impl Cache {
    /// `MATASKS_CACHE_DIR`, else the platform's cache dir (`~/.cache/matasks`).
    pub fn from_env(env: EnvLookup<'_>) -> Cache {
        let dir = env(ENV_CACHE_DIR).map(PathBuf::from).or_else(|| {
            directories::ProjectDirs::from("", "", "matasks").map(|d| d.cache_dir().to_path_buf())
        });
        Cache { dir }
    }

    /// A cache that keeps nothing.
    #[cfg(test)]
    pub fn disabled() -> Cache {
        Cache { dir: None }
    }

    /// A cache in `dir`.
    #[cfg(test)]
    pub fn at(dir: PathBuf) -> Cache {
        Cache { dir: Some(dir) }
    }

    fn token_path(&self, profile: &str) -> Option<PathBuf> {
        let safe: String = profile
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        // Distinct names that read alike ("a b", "a_b") keep distinct files.
        let tag = &sha256_hex(profile.as_bytes())[..8];
        Some(
            self.dir
                .as_ref()?
                .join("tokens")
                .join(format!("{safe}-{tag}.json")),
        )
    }

    /// `<cache>/<dir>/<hash of key>.json`: the key may be any text.
    fn hashed_path(&self, dir: &str, key: &str) -> Option<PathBuf> {
        let name = &sha256_hex(key.as_bytes())[..32];
        Some(self.dir.as_ref()?.join(dir).join(format!("{name}.json")))
    }

    fn project_path(&self, key: &str) -> Option<PathBuf> {
        self.hashed_path("projects", key)
    }

    fn counting_path(&self, endpoint: &str) -> Option<PathBuf> {
        self.hashed_path("offsets", endpoint)
    }

    fn total_path(&self, listing: &str) -> Option<PathBuf> {
        self.hashed_path("totals", listing)
    }

    /// The profile's cached token, if it is for this fingerprint.
    pub fn load_token(&self, profile: &str, fingerprint: &str) -> Option<CachedToken> {
        let text = self.read(&self.token_path(profile)?)?;
        let file: TokenFile = serde_json::from_str(&text).ok()?;
        if file.fingerprint != fingerprint {
            return None;
        }
        Some(CachedToken {
            fingerprint: file.fingerprint.to_string(),
            token: SecretString::from(file.token.to_string()),
            expires_at: file.expires_at.parse().ok()?,
            project_id: file.project_id.map(str::to_string),
        })
    }

    pub fn store_token(&self, profile: &str, token: &CachedToken) {
        let Some(path) = self.token_path(profile) else {
            return;
        };
        let expires_at = token.expires_at.to_string();
        let file = TokenFile {
            fingerprint: &token.fingerprint,
            token: token.token.expose_secret(),
            expires_at: &expires_at,
            project_id: token.project_id.as_deref(),
        };
        let text = serde_json::to_string(&file).expect("plain strings serialize");
        self.write(path, &text, "the token");
    }

    pub fn forget_token(&self, profile: &str) {
        if let Some(path) = self.token_path(profile) {
            self.forget(&path);
        }
    }

    pub fn load_project(&self, key: &str) -> Option<String> {
        let text = self.read(&self.project_path(key)?)?;
        let file: ProjectFile = serde_json::from_str(&text).ok()?;
        Some(file.project_id.to_string()).filter(|id| !id.is_empty())
    }

    pub fn store_project(&self, key: &str, project_id: &str) {
        let Some(path) = self.project_path(key) else {
            return;
        };
        let text =
            serde_json::to_string(&ProjectFile { project_id }).expect("plain strings serialize");
        self.write(path, &text, "the project ID");
    }

    /// What `endpoint`'s `offset` was found to count, if that was detected before.
    pub fn load_counting(&self, endpoint: &str) -> Option<CachedCounting> {
        let path = self.counting_path(endpoint)?;
        let text = self.read(&path)?;
        let file: CountingFile = serde_json::from_str(&text).ok()?;
        let counting = match file.offset_counts {
            "pages" => Counting::Pages,
            "records" => Counting::Records,
            _ => return None,
        };
        Some(CachedCounting {
            counting,
            detected_at: file.detected_at.parse().ok()?,
            path,
        })
    }

    pub fn store_counting(&self, endpoint: &str, counting: Counting) {
        let Some(path) = self.counting_path(endpoint) else {
            return;
        };
        let detected_at = crate::util::clock::now().to_string();
        let file = CountingFile {
            endpoint,
            offset_counts: match counting {
                Counting::Pages => "pages",
                Counting::Records => "records",
            },
            detected_at: &detected_at,
        };
        let text = serde_json::to_string(&file).expect("plain strings serialize");
        self.write(path, &text, "what the endpoint's offset counts");
    }

    pub fn forget_counting(&self, endpoint: &str) {
        if let Some(path) = self.counting_path(endpoint) {
            self.forget(&path);
        }
    }

    /// The total a listing's first page reported last time, if it was listed before.
    pub fn load_total(&self, listing: &str) -> Option<u64> {
        let text = self.read(&self.total_path(listing)?)?;
        let file: TotalFile = serde_json::from_str(&text).ok()?;
        // The name is a hash: the file says whose total it is.
        (file.listing == listing).then_some(file.total)
    }

    pub fn store_total(&self, listing: &str, total: u64) {
        let Some(path) = self.total_path(listing) else {
            return;
        };
        let text =
            serde_json::to_string(&TotalFile { listing, total }).expect("plain values serialize");
        self.write(path, &text, "a listing's total");
    }

    fn write(&self, path: PathBuf, text: &str, what: &str) {
        let written = match self.prepare(&path) {
            Ok(true) => platform::replace(&path, text.as_bytes(), None, true),
            Ok(false) => return,
            Err(e) => Err(e),
        };
        if let Err(e) = written
            && !WARNED.swap(true, Ordering::Relaxed)
        {
            crate::util::term::warn(&format!(
                "cannot cache {what} in {}: {}; it is fetched again next time (set \
                 {ENV_CACHE_DIR} to a writable directory)",
                path.display(),
                crate::util::error::io_reason(&e)
            ));
        }
    }

    /// Whether the cache directory may be used: it is missing (to be created), or it
    /// could only have been changed by the user. Said once when it may not.
    fn root_is_trusted(&self) -> bool {
        let Some(root) = &self.dir else {
            return false;
        };
        // A link to the cache directory is the user's choice; where it leads is checked.
        match fs::metadata(root) {
            Ok(meta) if meta.is_dir() => match platform::doubt(root, &meta, true) {
                None => true,
                Some(doubt) => {
                    warn_once(root, || {
                        format!(
                            "not using the cache directory {}: it {}, so what it holds could \
                             be someone else's; run: {}",
                            root.display(),
                            doubt.problem,
                            doubt.fix
                        )
                    });
                    false
                }
            },
            // Missing, or not a directory: writing says what is wrong.
            _ => true,
        }
    }

    /// What is wrong with the subdirectory `dir` of the cache, if anything.
    fn subdir_problem(dir: &Path, meta: &fs::Metadata) -> Option<String> {
        if !meta.is_dir() {
            return Some(format!("it is {}", platform::kind_of(meta)));
        }
        platform::doubt(dir, meta, true).map(|doubt| format!("it {}", doubt.problem))
    }

    /// What is wrong with the cache file `path`, if anything.
    fn file_problem(path: &Path, meta: &fs::Metadata) -> Option<String> {
        if !meta.is_file() {
            return Some(format!("it is {}", platform::kind_of(meta)));
        }
        if let Some(doubt) = platform::doubt(path, meta, true) {
            return Some(format!("it {}", doubt.problem));
        }
        platform::open_to_others(meta).map(|mode| format!("others may read it ({mode})"))
    }

    /// A cache file, if it and the directories it is in are the user's alone; else
    /// nothing, with a warning for what is ignored.
    fn read(&self, path: &Path) -> Option<String> {
        if !self.root_is_trusted() {
            return None;
        }
        let dir = platform::dir_of(path);
        let meta = fs::symlink_metadata(&dir).ok()?;
        if let Some(problem) = Cache::subdir_problem(&dir, &meta) {
            warn_once(&dir, || ignored(&dir, &problem));
            return None;
        }
        let meta = fs::symlink_metadata(path).ok()?;
        if let Some(problem) = Cache::file_problem(path, &meta) {
            warn_once(path, || ignored(path, &problem));
            return None;
        }
        let mut file = platform::open_no_follow(path).ok()?;
        // What was opened is what was checked, not something put in its place since.
        let opened = file.metadata().ok()?;
        if Cache::file_problem(path, &opened).is_some() {
            return None;
        }
        let mut text = String::new();
        file.read_to_string(&mut text).ok()?;
        Some(text)
    }

    /// Make the directory of `path` ready to write in: created if missing, and
    /// replaced if it is not the user's own. False when the cache is not to be used.
    fn prepare(&self, path: &Path) -> io::Result<bool> {
        let Some(root) = &self.dir else {
            return Ok(false);
        };
        if !self.root_is_trusted() {
            return Ok(false);
        }
        platform::create_private_dir(root)?;
        let dir = platform::dir_of(path);
        match fs::symlink_metadata(&dir) {
            Ok(meta) => {
                if let Some(problem) = Cache::subdir_problem(&dir, &meta) {
                    warn_once(&dir, || ignored(&dir, &problem));
                    // Only the entry in the cache goes, never what a link leads to.
                    if meta.is_dir() {
                        fs::remove_dir_all(&dir)?;
                    } else {
                        fs::remove_file(&dir)?;
                    }
                    platform::create_private_dir(&dir)?;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => platform::create_private_dir(&dir)?,
            Err(e) => return Err(e),
        }
        Ok(true)
    }

    /// Remove a cache file, from a directory of the user's only.
    fn forget(&self, path: &Path) {
        let dir = platform::dir_of(path);
        let trusted = self.root_is_trusted()
            && fs::symlink_metadata(&dir)
                .is_ok_and(|meta| Cache::subdir_problem(&dir, &meta).is_none());
        if trusted {
            let _ = fs::remove_file(path);
        }
    }
}

fn ignored(path: &Path, problem: &str) -> String {
    format!(
        "ignoring {} in the cache: {problem}; it is replaced when the cache is next written",
        path.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache() -> (tempfile::TempDir, Cache) {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache {
            dir: Some(dir.path().join("matasks")),
        };
        (dir, cache)
    }

    #[test]
    fn tokens_round_trip_privately_and_per_fingerprint() {
        let (_dir, cache) = cache();
        let expires_at: jiff::Timestamp = "2030-01-02T03:04:05.123456Z".parse().unwrap();
        cache.store_token(
            "prod east",
            &CachedToken {
                fingerprint: "f1".into(),
                token: "MIItoken".into(),
                expires_at,
                project_id: Some("p1".into()),
            },
        );
        let back = cache.load_token("prod east", "f1").unwrap();
        assert_eq!(back.token.expose_secret(), "MIItoken");
        assert_eq!(back.expires_at, expires_at);
        assert_eq!(back.project_id.as_deref(), Some("p1"));
        assert!(cache.load_token("prod east", "f2").is_none());
        assert!(cache.load_token("prod_east", "f1").is_none());
        let path = cache.token_path("prod east").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        // A file others could have written is not trusted.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
            assert!(cache.load_token("prod east", "f1").is_none());
        }
        cache.forget_token("prod east");
        assert!(!path.exists());
    }

    #[test]
    fn offset_countings_round_trip_per_endpoint() {
        let (_dir, cache) = cache();
        assert!(cache.load_counting("https://a").is_none());
        cache.store_counting("https://a", Counting::Records);
        cache.store_counting("https://b", Counting::Pages);
        let a = cache.load_counting("https://a").unwrap();
        assert_eq!(a.counting, Counting::Records);
        assert!(
            a.path
                .starts_with(cache.dir.as_ref().unwrap().join("offsets"))
        );
        assert_eq!(
            cache.load_counting("https://b").unwrap().counting,
            Counting::Pages
        );
        let text = fs::read_to_string(&a.path).unwrap();
        assert!(text.contains(r#""endpoint":"https://a""#), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&a.path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        cache.forget_counting("https://a");
        assert!(cache.load_counting("https://a").is_none());
        assert!(cache.load_counting("https://b").is_some());
        fs::write(&a.path, r#"{"endpoint":"https://a","offset_counts":"rows","detected_at":"2026-01-01T00:00:00Z"}"#).unwrap();
        assert!(cache.load_counting("https://a").is_none());
    }

    #[test]
    fn totals_round_trip_per_listing_and_only_for_it() {
        let (_dir, cache) = cache();
        assert_eq!(cache.load_total("a"), None);
        cache.store_total("a", 250);
        cache.store_total("b", 0);
        assert_eq!(cache.load_total("a"), Some(250));
        assert_eq!(cache.load_total("b"), Some(0));
        cache.store_total("a", 251);
        assert_eq!(cache.load_total("a"), Some(251));
        let path = cache.total_path("a").unwrap();
        assert!(path.starts_with(cache.dir.as_ref().unwrap().join("totals")));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        // A file under another listing's name is not this listing's total.
        fs::copy(cache.total_path("b").unwrap(), &path).unwrap();
        assert_eq!(cache.load_total("a"), None);
        fs::write(&path, "{\"listing\":\"a\",\"total\":-1}").unwrap();
        assert_eq!(cache.load_total("a"), None);
    }

    #[test]
    fn projects_round_trip() {
        let (_dir, cache) = cache();
        assert_eq!(cache.load_project("k"), None);
        cache.store_project("k", "p9");
        assert_eq!(cache.load_project("k").as_deref(), Some("p9"));
        assert_eq!(cache.load_project("other"), None);
    }
}
