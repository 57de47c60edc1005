//! Masking for what `-vv` shows: secret headers and secret fields of JSON bodies.

/// Headers whose values are secrets, or prove possession of one.
const SECRET_HEADERS: &[&str] = &[
    "authorization",
    "x-auth-token",
    "x-security-token",
    "x-subject-token",
];

/// Longest body shown, in characters.
const MAX_SHOWN_BODY: usize = 2000;

pub const MASK: &str = "****";

pub fn is_secret_header(name: &str) -> bool {
    SECRET_HEADERS.iter().any(|h| name.eq_ignore_ascii_case(h))
}

/// A header value as it may be shown. A signature keeps its access key and signed
/// header names, which help debugging, and loses the signature itself.
pub fn header(name: &str, value: &str) -> String {
    if !is_secret_header(name) {
        return value.to_string();
    }
    if name.eq_ignore_ascii_case("authorization")
        && value.starts_with("SDK-HMAC-SHA256 ")
        && let Some(at) = value.find("Signature=")
    {
        return format!("{}Signature={MASK}", &value[..at]);
    }
    MASK.to_string()
}

/// A body as it may be shown: JSON with every string under a key that names a
/// password, token or secret masked; anything else as text; both cut short.
pub fn body(body: &[u8]) -> String {
    if body.is_empty() {
        return "(empty body)".to_string();
    }
    let text = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(mut json) => {
            mask(&mut json, false);
            json.to_string()
        }
        Err(_) => String::from_utf8_lossy(body).into_owned(),
    };
    let shown: String = text.chars().take(MAX_SHOWN_BODY).collect();
    let mut shown = crate::util::text::clean(&shown).into_owned();
    let total = text.chars().count();
    if total > MAX_SHOWN_BODY {
        shown.push_str(&format!("… ({total} characters in all)"));
    }
    shown
}

/// A URL as it may be shown: anything between the scheme and the last `@` masked, as
/// that is where a user name and password go (`https://u:pw@h/x` shows as
/// `https://****@h/x`). For any text given as a URL, well formed or not: a password
/// holding `/` or `@`, or a URL without its scheme, is masked too.
pub fn url(text: &str) -> String {
    let Some(at) = text.rfind('@') else {
        return text.to_string();
    };
    let start = text
        .find("://")
        .map(|i| i + 3)
        .filter(|&i| i <= at)
        .unwrap_or(0);
    format!("{}{MASK}{}", &text[..start], &text[at..])
}

fn is_secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["password", "token", "secret"]
        .iter()
        .any(|word| key.contains(word))
}

fn mask(value: &mut serde_json::Value, secret: bool) {
    match value {
        serde_json::Value::String(s) if secret => *s = MASK.to_string(),
        serde_json::Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                mask(field, secret || is_secret_key(key));
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                mask(item, secret);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_urls_are_masked_however_they_are_written() {
        assert_eq!(url("https://u:pw@h.example/x"), "https://****@h.example/x");
        assert_eq!(url("https://h.example:8443/x"), "https://h.example:8443/x");
        assert_eq!(url("http://u:p@ss/w@rd@h:1/ok"), "http://****@h:1/ok");
        assert_eq!(
            url("user:PASSWD123@127.0.0.1:18095"),
            "****@127.0.0.1:18095"
        );
        assert_eq!(url("u:p@h://x"), "****@h://x");
        assert_eq!(url(""), "");
    }

    #[test]
    fn secret_headers_are_masked_whatever_their_case() {
        assert_eq!(header("X-Auth-Token", "MIIXtoken"), MASK);
        assert_eq!(header("x-subject-token", "MIIXtoken"), MASK);
        assert_eq!(header("X-Security-Token", "tmp"), MASK);
        assert_eq!(header("X-Project-Id", "p1"), "p1");
        assert_eq!(
            header(
                "Authorization",
                "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=abcdef"
            ),
            "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=****"
        );
        assert_eq!(header("authorization", "Basic dXNlcjpwYXNz"), MASK);
    }

    #[test]
    fn secret_fields_of_json_bodies_are_masked() {
        let shown = body(
            br#"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"u","password":"hunter2","domain":{"name":"d"}}}}},"security_token":"st","list":[{"authToken":"x"}]}"#,
        );
        assert!(
            !shown.contains("hunter2") && !shown.contains("\"st\"") && !shown.contains("\"x\""),
            "{shown}"
        );
        // Everything under a secret key is masked, the user's name included.
        assert!(shown.contains(r#""methods":["password"]"#), "{shown}");
        assert!(shown.contains(r#""name":"****""#), "{shown}");
        assert_eq!(body(b""), "(empty body)");
        assert_eq!(body(b"<html>\nx"), "<html> x");
        let long = body("y".repeat(5000).as_bytes());
        assert!(long.ends_with("… (5000 characters in all)"));
    }
}
