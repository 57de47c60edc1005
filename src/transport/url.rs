//! Request URLs, each path segment and the query encoded exactly as they are signed.

use anyhow::{Context, Result};
use reqwest::Url;

use crate::settings::Endpoint;
use crate::transport::auth;

/// `{endpoint}/{segments...}?{query}`, each segment and the query encoded exactly as
/// they are signed.
pub fn build_url(endpoint: &Endpoint, segments: &[&str], query: &[(&str, &str)]) -> Result<Url> {
    let mut path = endpoint.path_prefix().to_string();
    for segment in segments {
        path.push('/');
        path.push_str(&auth::encode(segment));
    }
    let query = auth::canonical_query(query);
    let mut url = format!("{}://{}{path}", endpoint.scheme(), endpoint.host_header());
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query);
    }
    // Every character of path and query is unreserved or %XX, which Url leaves alone,
    // so the bytes on the wire are the bytes that were signed.
    let url = Url::parse(&url).with_context(|| format!("cannot build a URL from {url}"))?;
    debug_assert_eq!(url.query().unwrap_or(""), query);
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    mod properties {
        use super::*;
        use percent_encoding::percent_decode_str;
        use proptest::prelude::*;

        fn decode(text: &str) -> String {
            percent_decode_str(text).decode_utf8().unwrap().into_owned()
        }

        fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
            proptest::collection::vec((any::<String>(), any::<String>()), 0..8)
        }

        proptest! {
            /// Any names and values, in any order, give one canonical query, which
            /// holds them all, escaped to unreserved characters and %XX.
            #[test]
            fn the_canonical_query_ignores_order_and_loses_nothing(
                (original, shuffled) in pairs().prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle()))
            ) {
                let canonical = |p: &[(String, String)]| -> String {
                    let refs: Vec<(&str, &str)> = p.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                    auth::canonical_query(&refs)
                };
                let query = canonical(&original);
                prop_assert_eq!(&query, &canonical(&shuffled));
                prop_assert!(query.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%=&".contains(&b)));
                let mut expected = original.clone();
                expected.sort();
                let decoded: Vec<(String, String)> = if query.is_empty() {
                    Vec::new()
                } else {
                    query
                        .split('&')
                        .map(|pair| {
                            let (k, v) = pair.split_once('=').unwrap();
                            (decode(k), decode(v))
                        })
                        .collect()
                };
                prop_assert_eq!(decoded, expected);
            }

            /// The URL a request goes to carries exactly the query that was signed,
            /// and path segments that decode to the ones asked for.
            #[test]
            fn the_query_sent_is_the_query_signed(
                name in any::<String>(),
                // `.` and `..` are path steps, which `list` refuses as dataset IDs.
                dataset in "[^/]{1,20}".prop_filter("a path step", |d| d != "." && d != ".."),
                pairs in pairs(),
            ) {
                let endpoint = Endpoint::parse("https://modelarts.example:8443/prefix").unwrap();
                let mut query: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                query.push(("task_name", name.as_str()));
                let url = build_url(&endpoint, &["v2", "p", "datasets", &dataset, "tasks"], &query).unwrap();
                let signed = auth::canonical_query(&query);
                prop_assert_eq!(url.query().unwrap_or(""), signed.as_str());
                let segments: Vec<String> = url.path().split('/').map(decode).collect();
                prop_assert_eq!(segments, ["", "prefix", "v2", "p", "datasets", dataset.as_str(), "tasks"]);
            }
        }
    }
}
