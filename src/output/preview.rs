//! A `--dry-run`'s request on stdout: as an HTTP request would read, then as a `curl`
//! command line that sends the same (once the masked credentials are filled in).

use crate::api::preview::Preview;
use crate::util::text;

/// The request line, the headers, the body, and the `curl` command; each note as a
/// `#` comment first.
pub fn render(preview: &Preview) -> String {
    let mut out = String::new();
    for note in &preview.notes {
        out.push_str(&format!("# {}\n", text::clean(note)));
    }
    out.push_str(&format!("{} {}\n", preview.method, preview.url));
    for (name, value) in &preview.headers {
        out.push_str(&format!("{name}: {}\n", text::clean(value)));
    }
    if let Some(body) = &preview.body {
        out.push('\n');
        out.push_str(&text::clean(&String::from_utf8_lossy(body)));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&curl(preview));
    out.push('\n');
    out
}

/// The `curl` command line of the request, every argument quoted for a POSIX shell.
pub fn curl(preview: &Preview) -> String {
    let mut args = vec![
        "curl".to_string(),
        "-X".to_string(),
        preview.method.to_string(),
        quote(preview.url.as_str()),
    ];
    for (name, value) in &preview.headers {
        // curl sends the host of the URL itself.
        if name.eq_ignore_ascii_case("host") {
            continue;
        }
        args.push("-H".to_string());
        args.push(quote(&format!("{name}: {value}")));
    }
    if let Some(body) = &preview.body {
        args.push("--data-binary".to_string());
        args.push(quote(&String::from_utf8_lossy(body)));
    }
    args.join(" ")
}

/// `text` as one POSIX shell word, with nothing a terminal would act on.
fn quote(text: &str) -> String {
    let clean = text::clean(text);
    if !clean.is_empty()
        && clean
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=,@%+".contains(&b))
    {
        return clean.into_owned();
    }
    format!("'{}'", clean.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Preview {
        Preview {
            method: reqwest::Method::POST,
            url: "https://modelarts.example/v2/p/datasets/d/tasks"
                .parse()
                .unwrap(),
            headers: vec![
                ("Host".into(), "modelarts.example".into()),
                (
                    "Authorization".into(),
                    "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=****".into(),
                ),
                (
                    "Content-Type".into(),
                    "application/json;charset=utf8".into(),
                ),
            ],
            body: Some(br#"{"task_type":"auto-label","config":{"name":"it's"}}"#.to_vec()),
            notes: vec!["a note".into()],
        }
    }

    #[test]
    fn curl_quotes_every_argument_and_leaves_the_host_to_curl() {
        assert_eq!(
            curl(&example()),
            "curl -X POST https://modelarts.example/v2/p/datasets/d/tasks \
             -H 'Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=****' \
             -H 'Content-Type: application/json;charset=utf8' \
             --data-binary '{\"task_type\":\"auto-label\",\"config\":{\"name\":\"it'\\''s\"}}'"
        );
    }

    #[test]
    fn the_request_reads_as_http_then_curl() {
        let text = render(&example());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "# a note");
        assert_eq!(
            lines[1],
            "POST https://modelarts.example/v2/p/datasets/d/tasks"
        );
        assert_eq!(lines[2], "Host: modelarts.example");
        assert_eq!(lines[5], "");
        assert!(lines[6].starts_with("{\"task_type\""));
        assert!(lines[8].starts_with("curl -X POST"));
    }

    #[test]
    fn nothing_a_terminal_acts_on_gets_through() {
        assert_eq!(quote("a\u{1b}[2Jb"), "'a\\x1b[2Jb'");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("plain-word"), "plain-word");
    }
}
