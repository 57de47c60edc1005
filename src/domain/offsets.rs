//! What a list API's `offset` counts: pages, as the reference says, or records, as
//! some deployments read it.

/// How matasks reads the API's `offset`, as the profile's `offset_mode` says. The
/// reference calls it the start page; some deployments read it as a record index, and
/// nobody outside the service can say which a given gateway does. Users always give
/// page numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetMode {
    /// Find out from the answers, and remember it for the endpoint.
    #[default]
    Auto,
    Page,
    Record,
}

impl OffsetMode {
    pub fn name(self) -> &'static str {
        match self {
            OffsetMode::Auto => "auto",
            OffsetMode::Page => "page",
            OffsetMode::Record => "record",
        }
    }

    /// What the server counts, when the mode says it rather than leaving it to detection.
    pub fn counting(self) -> Option<Counting> {
        match self {
            OffsetMode::Auto => None,
            OffsetMode::Page => Some(Counting::Pages),
            OffsetMode::Record => Some(Counting::Records),
        }
    }
}

/// What a server's `offset` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    Pages,
    Records,
}

impl Counting {
    /// The `offset_mode` value that names it.
    pub fn mode(self) -> OffsetMode {
        match self {
            Counting::Pages => OffsetMode::Page,
            Counting::Records => OffsetMode::Record,
        }
    }

    /// The `offset` parameter that asks for page `page` of `limit` tasks.
    pub fn param(self, page: u64, limit: u32) -> u64 {
        match self {
            Counting::Pages => page,
            Counting::Records => page.saturating_mul(u64::from(limit)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_by_what_the_server_counts() {
        assert_eq!(Counting::Pages.param(3, 25), 3);
        assert_eq!(Counting::Records.param(3, 25), 75);
        assert_eq!(Counting::Records.param(u64::MAX, 25), u64::MAX);
        assert_eq!(OffsetMode::Auto.counting(), None);
        for counting in [Counting::Pages, Counting::Records] {
            assert_eq!(counting.mode().counting(), Some(counting));
        }
    }
}
