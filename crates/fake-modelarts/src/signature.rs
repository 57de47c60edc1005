//! SDK-HMAC-SHA256 verification as the API gateway does it, written independently of
//! the signer under test (hmac and sha2, not matasks' own code): the canonical request
//! (ending with the SHA-256 of the body as sent), percent-encoding, and the check of
//! `X-Sdk-Date` against the clock.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

use crate::{Recorded, Setup};

/// How long the gateway accepts a signature's `X-Sdk-Date` either side of its clock.
const DATE_TOLERANCE_SECS: i64 = 15 * 60;

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if is_unreserved(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub(crate) fn percent_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).ok_or("truncated escape")?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| "bad escape")?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "escape is not UTF-8".to_string())
}

pub(crate) fn parse_query(query: &str) -> Result<Vec<(String, String)>, String> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The signature the gateway expects. `headers` are (lowercase name, value) pairs;
/// `body` is the request's body as sent, whose SHA-256 ends the canonical request (the
/// empty string's for a request without one).
pub fn expected_signature(
    secret_key: &str,
    method: &str,
    path: &str,
    query: &str,
    headers: &[(String, String)],
    sdk_date: &str,
    body: &[u8],
) -> Result<String, String> {
    let mut uri = String::new();
    for (n, segment) in path.split('/').enumerate() {
        if n > 0 {
            uri.push('/');
        }
        uri.push_str(&percent_encode(&percent_decode(segment)?));
    }
    if !uri.ends_with('/') {
        uri.push('/');
    }
    let mut pairs = parse_query(query)?;
    pairs.sort();
    let canonical_query = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let mut sorted = headers.to_vec();
    sorted.sort();
    let canonical_headers: String = sorted
        .iter()
        .map(|(n, v)| format!("{n}:{}\n", v.trim()))
        .collect();
    let signed_names = sorted
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(";");
    let canonical_request = format!(
        "{method}\n{uri}\n{canonical_query}\n{canonical_headers}\n{signed_names}\n{}",
        hex(&Sha256::digest(body))
    );
    let string_to_sign = format!(
        "SDK-HMAC-SHA256\n{sdk_date}\n{}",
        hex(&Sha256::digest(canonical_request.as_bytes()))
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(secret_key.as_bytes()).unwrap();
    mac.update(string_to_sign.as_bytes());
    Ok(hex(&mac.finalize().into_bytes()))
}

/// `Ok` when `req` is signed as the gateway requires for `setup`'s keys and project;
/// else the reason, as the gateway would give it.
pub(crate) fn verify(req: &Recorded, setup: &Setup) -> Result<(), String> {
    let auth = req
        .header("authorization")
        .ok_or("no Authorization header")?;
    let rest = auth
        .strip_prefix("SDK-HMAC-SHA256 ")
        .ok_or("Authorization is not SDK-HMAC-SHA256")?;
    let mut fields = HashMap::new();
    for part in rest.split(", ") {
        let (k, v) = part.split_once('=').ok_or("malformed Authorization")?;
        fields.insert(k, v);
    }
    let (Some(access), Some(signed), Some(signature)) = (
        fields.get("Access"),
        fields.get("SignedHeaders"),
        fields.get("Signature"),
    ) else {
        return Err("malformed Authorization".into());
    };
    if *access != setup.access_key {
        return Err("the access key is unknown".into());
    }
    let names: Vec<&str> = signed.split(';').collect();
    // The identity service is global: no project header there.
    let iam = req.path.starts_with("/v3/");
    let mut required = if iam {
        vec!["host", "x-sdk-date"]
    } else {
        vec!["host", "x-project-id", "x-sdk-date"]
    };
    if setup.security_token.is_some() {
        required.push("x-security-token");
    }
    for name in &required {
        if !names.contains(name) {
            return Err(format!("{name} is not signed"));
        }
    }
    if names.len() != required.len() {
        return Err(format!("unexpected signed headers {signed}"));
    }
    let mut headers = Vec::new();
    for name in &names {
        let value = req
            .header(name)
            .ok_or_else(|| format!("signed header {name} is missing"))?;
        headers.push((name.to_string(), value.to_string()));
    }
    if !iam && req.header("x-project-id") != Some(setup.project_id.as_str()) {
        return Err("X-Project-Id does not match the project".into());
    }
    if let Some(token) = &setup.security_token
        && req.header("x-security-token") != Some(token.as_str())
    {
        return Err("the security token is invalid".into());
    }
    let date = req.header("x-sdk-date").unwrap();
    check_date(date)?;
    let expected = expected_signature(
        &setup.secret_key,
        &req.method,
        &req.path,
        &req.query,
        &headers,
        date,
        &req.body,
    )?;
    if expected != *signature {
        return Err("verify aksk signature fail".into());
    }
    // The gateway signs what it receives; we also insist the client sent the canonical form.
    let mut pairs = parse_query(&req.query)?;
    pairs.sort();
    let canonical: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect();
    if req.query != canonical.join("&") {
        return Err(format!("query {:?} is not in canonical form", req.query));
    }
    Ok(())
}

/// `YYYYMMDDTHHMMSSZ` within the gateway's tolerance of now.
fn check_date(date: &str) -> Result<(), String> {
    let bad = || format!("X-Sdk-Date {date:?} is malformed");
    if date.len() != 16 || &date[8..9] != "T" || !date.ends_with('Z') {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| date[r].parse::<i64>().map_err(|_| bad());
    let (y, m, d) = (num(0..4)?, num(4..6)?, num(6..8)?);
    let (hh, mm, ss) = (num(9..11)?, num(11..13)?, num(13..15)?);
    // Days from the civil date (proleptic Gregorian), for comparison with the clock.
    let (y2, m2) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * m2 + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let signed_at = days * 86_400 + hh * 3600 + mm * 60 + ss;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    if (now - signed_at).abs() > DATE_TOLERANCE_SECS {
        return Err("the signature has expired (X-Sdk-Date is out of range)".into());
    }
    Ok(())
}
