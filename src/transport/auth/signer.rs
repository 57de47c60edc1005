//! SDK-HMAC-SHA256, the AK/SK request signature of Huawei Cloud's API gateway,
//! computed exactly as the official SDKs compute it.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use ring::{digest, hmac};
use secrecy::ExposeSecret;

use super::Credentials;

const ALGORITHM: &str = "SDK-HMAC-SHA256";

/// Everything but the unreserved characters `A-Za-z0-9-_.~` is escaped.
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encode one path segment, query key or query value.
pub fn encode(text: &str) -> String {
    utf8_percent_encode(text, ESCAPED).to_string()
}

/// The query string to sign and to send: pairs sorted by key then value, both encoded.
pub fn canonical_query(pairs: &[(&str, &str)]) -> String {
    let mut sorted = pairs.to_vec();
    sorted.sort_unstable();
    sorted
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Each segment of the path as sent, decoded then re-encoded, with a trailing `/`.
fn canonical_uri(path: &str) -> String {
    let mut uri = path
        .split('/')
        .map(|segment| {
            let raw = percent_decode_str(segment).decode_utf8_lossy();
            encode(&raw)
        })
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Lowercase hex SHA-256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    hex(digest::digest(&digest::SHA256, data).as_ref())
}

/// What a request needs to be signed: the values exactly as they go on the wire.
pub struct SignedRequest<'a> {
    pub method: &'a str,
    /// Path as sent, already percent-encoded.
    pub path: &'a str,
    /// Query as sent, from [`canonical_query`].
    pub query: &'a str,
    /// Headers to sign, names in any case; values as sent.
    pub headers: &'a [(&'a str, &'a str)],
    pub body: &'a [u8],
}

impl SignedRequest<'_> {
    /// `host;x-project-id;x-sdk-date`: the lowercase signed header names, sorted.
    pub fn signed_headers(&self) -> String {
        self.sorted_headers()
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(";")
    }

    fn sorted_headers(&self) -> Vec<(String, &str)> {
        let mut headers: Vec<(String, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| (name.to_ascii_lowercase(), value.trim()))
            .collect();
        headers.sort_unstable();
        headers
    }

    pub fn canonical_request(&self) -> String {
        let headers: String = self
            .sorted_headers()
            .iter()
            .map(|(name, value)| format!("{name}:{value}\n"))
            .collect();
        format!(
            "{}\n{}\n{}\n{}\n{}\n{}",
            self.method.to_ascii_uppercase(),
            canonical_uri(self.path),
            self.query,
            headers,
            self.signed_headers(),
            hex(digest::digest(&digest::SHA256, self.body).as_ref()),
        )
    }

    pub fn string_to_sign(&self, sdk_date: &str) -> String {
        let hashed = digest::digest(&digest::SHA256, self.canonical_request().as_bytes());
        format!("{ALGORITHM}\n{sdk_date}\n{}", hex(hashed.as_ref()))
    }
}

/// The `Authorization` header value. `sdk_date` must be the signed `X-Sdk-Date` value.
pub fn sign(creds: &Credentials, request: &SignedRequest<'_>, sdk_date: &str) -> String {
    let key = hmac::Key::new(
        hmac::HMAC_SHA256,
        creds.secret_key.expose_secret().as_bytes(),
    );
    let signature = hmac::sign(&key, request.string_to_sign(sdk_date).as_bytes());
    format!(
        "{ALGORITHM} Access={}, SignedHeaders={}, Signature={}",
        creds.access_key,
        request.signed_headers(),
        hex(signature.as_ref())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = "/v2/0123456789abcdef0123456789abcdef/datasets/OBegCXHxTJ2JHRAZWr0/tasks";
    const HOST: &str = "modelarts.cn-north-4.myhuaweicloud.com";
    const PROJECT: &str = "0123456789abcdef0123456789abcdef";
    const DATE: &str = "20261129T120000Z";

    fn creds(token: Option<&str>) -> Credentials {
        Credentials {
            access_key: "HPUAEXAMPLEAK0000001".into(),
            secret_key: "s3cr3tSKexample0000000000000000000000000".into(),
            security_token: token.map(Into::into),
        }
    }

    // Vectors computed with Huawei's official Python SDK signer.
    #[test]
    fn vector_one_plain_query() {
        let query = canonical_query(&[("type", "pre-label"), ("offset", "0"), ("limit", "10")]);
        assert_eq!(query, "limit=10&offset=0&type=pre-label");
        let headers = [
            ("Host", HOST),
            ("X-Sdk-Date", DATE),
            ("X-Project-Id", PROJECT),
        ];
        let request = SignedRequest {
            method: "GET",
            path: PATH,
            query: &query,
            headers: &headers,
            body: b"",
        };
        assert_eq!(
            sign(&creds(None), &request, DATE),
            "SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, \
             SignedHeaders=host;x-project-id;x-sdk-date, \
             Signature=2597f28bd5d9fae37a90eba789592bd7063ebd6aea7801e8203e9380c555baf2"
        );
    }

    #[test]
    fn vector_two_reserved_characters_and_security_token() {
        let query = canonical_query(&[
            ("task_name", "nightly run/ü+~*"),
            ("limit", "100"),
            ("offset", "2"),
        ]);
        assert_eq!(
            query,
            "limit=100&offset=2&task_name=nightly%20run%2F%C3%BC%2B~%2A"
        );
        let token = "tmp-security-token-EXAMPLE";
        let headers = [
            ("Host", HOST),
            ("X-Sdk-Date", DATE),
            ("X-Project-Id", PROJECT),
            ("X-Security-Token", token),
        ];
        let request = SignedRequest {
            method: "GET",
            path: PATH,
            query: &query,
            headers: &headers,
            body: b"",
        };
        assert_eq!(
            sign(&creds(Some(token)), &request, DATE),
            "SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, \
             SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, \
             Signature=0004cc6c0736f7481552d36d25e48a171ef1a3336f851296a53ac59004897a3d"
        );
    }

    #[test]
    fn canonical_request_layout() {
        let headers = [("X-Sdk-Date", DATE), ("Host", " h:8080 ")];
        let request = SignedRequest {
            method: "get",
            path: "/v2/p/datasets/a%20b/tasks",
            query: "limit=1",
            headers: &headers,
            body: b"",
        };
        assert_eq!(
            request.canonical_request(),
            "GET\n/v2/p/datasets/a%20b/tasks/\nlimit=1\nhost:h:8080\nx-sdk-date:20261129T120000Z\n\n\
             host;x-sdk-date\n\
             e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn encoding_keeps_only_unreserved_characters() {
        assert_eq!(encode("aZ09-_.~"), "aZ09-_.~");
        assert_eq!(encode(" +*/?&=%"), "%20%2B%2A%2F%3F%26%3D%25");
        assert_eq!(encode("ü"), "%C3%BC");
        assert_eq!(canonical_uri("/a/b%2Fc/"), "/a/b%2Fc/");
        assert_eq!(canonical_uri(""), "/");
    }

    #[test]
    fn pairs_sort_by_key_then_value() {
        assert_eq!(
            canonical_query(&[("b", "2"), ("a", "z"), ("a", "y")]),
            "a=y&a=z&b=2"
        );
        assert_eq!(canonical_query(&[]), "");
    }
}
