//! The rule that keeps the crate layered, checked on its own source: each layer names
//! only the layers before it, and no file imports another that (through others)
//! imports it back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: a file may name its own layer and those before it.
const LAYERS: [&str; 7] = [
    "util",
    "domain",
    "settings",
    "transport",
    "api",
    "output",
    "cli",
];

/// Every `.rs` file under `dir`, by its module path (`["api", "paging"]`).
fn modules(src: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut found = BTreeMap::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path
                .strip_prefix(src)
                .expect("under src")
                .with_extension("");
            let mut module: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            if matches!(&module[..], [one] if one == "lib" || one == "main") {
                module.clear();
            }
            found.insert(module, path);
        }
    }
    found
}

/// `text` with each grouped path spelled out: `crate::{a::b, c::{d, e}}` becomes
/// `crate::a::b crate::c::d crate::c::e`.
fn expand_groups(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("::{") {
        let before = &rest[..at];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map_or(0, |i| i + 1);
        out.push_str(&before[..start]);
        let prefix = &before[start..];
        let inner_start = at + 3;
        let mut depth = 1;
        let mut end = rest.len();
        let mut items = Vec::new();
        let mut item_start = inner_start;
        for (i, c) in rest[inner_start..].char_indices() {
            let i = inner_start + i;
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 1 => {
                    items.push(&rest[item_start..i]);
                    item_start = i + 1;
                }
                _ => {}
            }
            if depth == 0 {
                items.push(&rest[item_start..i]);
                end = i + 1;
                break;
            }
        }
        for item in items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
            out.push_str(&expand_groups(&format!("{prefix}::{item}")));
            out.push(' ');
        }
        rest = &rest[end.min(rest.len())..];
    }
    out.push_str(rest);
    out
}

/// The modules a file names: each `crate::a::b...` path and each `super::...` path
/// (grouped ones spelled out), the part of a path up to the longest prefix that is a
/// module of its own.
fn named(
    module: &[String],
    text: &str,
    all: &BTreeMap<Vec<String>, PathBuf>,
) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    let text = expand_groups(text);
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .collect();
    for word in words {
        let mut parts = word.split("::").filter(|p| !p.is_empty()).peekable();
        let mut path: Vec<String> = match parts.next() {
            Some("crate") => Vec::new(),
            Some("super") => module[..module.len().saturating_sub(1)].to_vec(),
            _ => continue,
        };
        // `super::super::...` climbs once more for each.
        while parts.next_if_eq(&"super").is_some() {
            path.pop();
        }
        path.extend(parts.map(str::to_string));
        while !path.is_empty() {
            if all.contains_key(&path) && path != module {
                out.insert(path);
                break;
            }
            path.pop();
        }
    }
    out
}

/// The source of a file without its `#[cfg(test)] mod` blocks and comments, which may
/// name any module.
fn code(text: &str) -> String {
    let mut code = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]\nmod ") {
        code.push_str(&rest[..at]);
        let block = &rest[at..];
        let open = block.find('{').map_or(block.len(), |i| i + 1);
        let mut depth = 1;
        let mut end = block.len();
        for (i, c) in block[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                end = open + i + 1;
                break;
            }
        }
        rest = &block[end..];
    }
    code.push_str(rest);
    code.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn layer(module: &[String]) -> Option<usize> {
    LAYERS
        .iter()
        .position(|l| module.first().is_some_and(|m| m == l))
}

#[test]
fn layers_name_only_the_layers_before_them_and_files_import_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let all = modules(&src);
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    let mut upward = Vec::new();
    for (module, path) in &all {
        let text = std::fs::read_to_string(path).expect("a source file");
        let names = named(module, &code(&text), &all);
        if let Some(own) = layer(module) {
            for target in &names {
                if let Some(theirs) = layer(target)
                    && theirs > own
                {
                    upward.push(format!("{} names {}", module.join("::"), target.join("::")));
                }
            }
        }
        edges.insert(module.clone(), names);
    }
    assert!(
        upward.is_empty(),
        "lower layers name higher ones:\n{}",
        upward.join("\n")
    );
    // Every module outside the layers is the crate's root.
    for module in all.keys() {
        assert!(
            module.is_empty() || layer(module).is_some() || module[0] == "layers",
            "{} is in no layer",
            module.join("::")
        );
    }
    // A cycle: a module that reaches itself again. A module's own submodules are
    // declared by it, which is no import.
    for start in all.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<Vec<String>> = edges[start]
            .iter()
            .filter(|m| !m.starts_with(start))
            .cloned()
            .collect();
        while let Some(module) = stack.pop() {
            assert!(
                module != *start,
                "an import cycle passes through {}",
                start.join("::")
            );
            if seen.insert(module.clone()) {
                stack.extend(
                    edges[&module]
                        .iter()
                        .filter(|m| !m.starts_with(&module))
                        .cloned(),
                );
            }
        }
    }
}

#[test]
fn the_check_sees_an_upward_name_and_a_cycle() {
    let all: BTreeMap<Vec<String>, PathBuf> = [
        vec!["util".to_string(), "term".to_string()],
        vec!["cli".to_string()],
    ]
    .into_iter()
    .map(|m| (m, PathBuf::new()))
    .collect();
    let module = vec!["util".to_string(), "term".to_string()];
    let names = named(&module, &code("use crate::cli::Args;\n"), &all);
    assert!(names.contains(&vec!["cli".to_string()]));
    for grouped in [
        "use crate::{cli::Args};\n",
        "use crate::{util::{self, text}, cli};\n",
        "use super::super::{cli as c};\n",
    ] {
        let names = named(&module, &code(grouped), &all);
        assert!(names.contains(&vec!["cli".to_string()]), "{grouped}");
    }
    let names = named(
        &module,
        &code("// crate::cli\n#[cfg(test)]\nmod tests {\n use crate::cli; }\n"),
        &all,
    );
    assert!(names.is_empty(), "{names:?}");
}
