//! A service's base URL as the settings give it: scheme, host, optional port and an
//! optional path prefix, and nothing a signature could not cover.

use url::Url;

use crate::util::text;

/// A ModelArts API base URL: scheme, host, optional port and optional path prefix.
#[derive(Debug, Clone)]
pub struct Endpoint {
    url: Url,
}

impl Endpoint {
    /// A URL with a control character anywhere in it, even at an end, is refused: the
    /// URL parser would drop a tab or a line break without a word.
    pub fn parse(text: &str) -> Result<Endpoint, String> {
        if text.chars().any(text::is_hidden) {
            return Err(
                "it contains a control or invisible character (a stray line break or tab?)".into(),
            );
        }
        let url = Url::parse(text.trim()).map_err(|e| e.to_string())?;
        if !matches!(url.scheme(), "https" | "http") {
            return Err("the scheme must be https (or http)".into());
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err("there is no host".into());
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("credentials do not belong in the URL".into());
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err("a query or fragment is not allowed".into());
        }
        Ok(Endpoint { url })
    }

    /// `https` or `http`.
    pub fn scheme(&self) -> &str {
        self.url.scheme()
    }

    /// The `Host` header: the host, plus `:port` when the port is not the scheme's default.
    pub fn host_header(&self) -> String {
        let host = self.url.host_str().unwrap_or_default();
        match self.url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        }
    }

    /// Plain http to anything but this machine.
    pub fn is_plain_http_to_another_host(&self) -> bool {
        let host = self.url.host_str().unwrap_or_default();
        let local = host.eq_ignore_ascii_case("localhost")
            || host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        self.url.scheme() == "http" && !local
    }

    /// The path prefix without its trailing slash: "" for a bare host.
    pub fn path_prefix(&self) -> &str {
        self.url.path().trim_end_matches('/')
    }
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}://{}{}",
            self.url.scheme(),
            self.host_header(),
            self.path_prefix()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_keep_non_default_ports_and_prefixes() {
        let e = Endpoint::parse("https://modelarts.cn-north-4.myhuaweicloud.com/").unwrap();
        assert_eq!(e.host_header(), "modelarts.cn-north-4.myhuaweicloud.com");
        assert_eq!(e.path_prefix(), "");
        let e = Endpoint::parse("http://127.0.0.1:8080/gw/modelarts/").unwrap();
        assert_eq!(e.host_header(), "127.0.0.1:8080");
        assert_eq!(e.path_prefix(), "/gw/modelarts");
        assert_eq!(e.to_string(), "http://127.0.0.1:8080/gw/modelarts");
        let e = Endpoint::parse("https://h.example:443").unwrap();
        assert_eq!(e.host_header(), "h.example");
        assert!(!e.is_plain_http_to_another_host());
        for local in ["http://127.0.0.1:9", "http://localhost", "http://[::1]:80"] {
            assert!(
                !Endpoint::parse(local)
                    .unwrap()
                    .is_plain_http_to_another_host()
            );
        }
        assert!(
            Endpoint::parse("http://modelarts.example")
                .unwrap()
                .is_plain_http_to_another_host()
        );
    }

    #[test]
    fn endpoints_reject_what_cannot_be_signed() {
        for bad in [
            "ftp://h",
            "modelarts.cn-north-4",
            "https://u:p@h",
            "https://h/?x=1",
            "",
        ] {
            assert!(Endpoint::parse(bad).is_err(), "{bad}");
        }
        // The URL parser would drop these; they are refused instead.
        for bad in [
            "https://modelarts.example\n",
            "https://modelarts.\r\nexample",
            "https://model\tarts.example",
            "\thttps://modelarts.example",
            "https://modelarts.example/pre\u{1b}[2Jfix",
            "https://modelarts.example/\u{85}",
            "https://modelarts.example/\u{202e}",
        ] {
            assert_eq!(
                Endpoint::parse(bad).unwrap_err(),
                "it contains a control or invisible character (a stray line break or tab?)",
                "{bad:?}"
            );
        }
        assert!(Endpoint::parse("  https://modelarts.example  ").is_ok());
    }
}
