//! Huawei Cloud regions with a ModelArts endpoint, as in the official SDK's region table.

/// Regions served at `https://modelarts.{region}.myhuaweicloud.com`.
const MYHUAWEICLOUD_COM: &[&str] = &[
    "cn-north-1",
    "cn-north-2",
    "cn-north-4",
    "cn-north-9",
    "cn-north-11",
    "cn-north-12",
    "cn-south-1",
    "cn-east-3",
    "cn-east-4",
    "cn-southwest-2",
    "cn-southwest-3",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "la-south-2",
    "la-north-2",
    "sa-brazil-1",
    "af-south-1",
    "af-north-1",
    "tr-west-1",
    "me-east-1",
];

/// The one region whose endpoint lives under the `.cn` domain.
const MYHUAWEICLOUD_CN: &str = "ap-southeast-1";

/// The ModelArts endpoint of a known region.
pub fn endpoint(region: &str) -> Option<String> {
    if region == MYHUAWEICLOUD_CN {
        Some(format!("https://modelarts.{region}.myhuaweicloud.cn"))
    } else if MYHUAWEICLOUD_COM.contains(&region) {
        Some(format!("https://modelarts.{region}.myhuaweicloud.com"))
    } else {
        None
    }
}

/// The identity service (IAM) of a known region, where tokens are issued and projects
/// listed. Another cloud's region has its own, which must be configured.
pub fn iam_endpoint(region: &str) -> Option<String> {
    endpoint(region).map(|_| format!("https://iam.{region}.myhuaweicloud.com"))
}

/// Every known region, sorted.
pub fn known() -> Vec<&'static str> {
    let mut all: Vec<&str> = MYHUAWEICLOUD_COM.to_vec();
    all.push(MYHUAWEICLOUD_CN);
    all.sort_unstable();
    all
}

/// The known region `region` most likely is a typo of.
pub fn closest(region: &str) -> Option<&'static str> {
    // Regions are lower case: `CN-NORTH-4` means cn-north-4.
    crate::util::text::closest(&region.to_lowercase(), known(), 0.85)
}

/// Why `region` derives no endpoint, in one line: the region it most likely meant, or
/// where the known ones are listed and what another cloud needs.
pub fn unknown(region: &str) -> String {
    let shown = crate::util::text::clean(region);
    match closest(region) {
        Some(close) => format!("unknown region `{shown}`; did you mean {close}?"),
        None => format!(
            "unknown region `{shown}` (`matasks config regions` lists the known ones; for \
             another cloud, set `endpoint` (or --endpoint) to its ModelArts URL)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn com_and_cn_domains() {
        assert_eq!(
            endpoint("cn-north-4").as_deref(),
            Some("https://modelarts.cn-north-4.myhuaweicloud.com")
        );
        assert_eq!(
            endpoint("ap-southeast-1").as_deref(),
            Some("https://modelarts.ap-southeast-1.myhuaweicloud.cn")
        );
        assert_eq!(endpoint("eu-de"), None);
        assert_eq!(
            iam_endpoint("ap-southeast-1").as_deref(),
            Some("https://iam.ap-southeast-1.myhuaweicloud.com")
        );
        // Another cloud's region, or anything that is not a region, derives nothing.
        assert_eq!(iam_endpoint("eu-de"), None);
        assert_eq!(iam_endpoint("evil.example/"), None);
        assert_eq!(endpoint("CN-NORTH-4"), None);
    }

    #[test]
    fn a_typo_is_matched_to_its_region_and_another_clouds_region_to_none() {
        assert_eq!(closest("cn-nort-4"), Some("cn-north-4"));
        assert_eq!(closest("cn-north4"), Some("cn-north-4"));
        assert_eq!(closest("ap-southeast1"), Some("ap-southeast-1"));
        assert_eq!(closest("eu-de"), None);
        assert_eq!(closest("xx-nowhere-1"), None);
        assert_eq!(
            unknown("cn-nort-4"),
            "unknown region `cn-nort-4`; did you mean cn-north-4?"
        );
        assert_eq!(
            unknown("CN-NORTH-4"),
            "unknown region `CN-NORTH-4`; did you mean cn-north-4?"
        );
        assert!(unknown("eu-de").contains("`matasks config regions` lists the known ones"));
    }

    #[test]
    fn known_lists_all_twenty_two() {
        let all = known();
        assert_eq!(all.len(), 22);
        assert!(all.iter().all(|r| endpoint(r).is_some()));
    }
}
