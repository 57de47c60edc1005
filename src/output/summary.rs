//! The lines about a listing on stderr: the summary under the table (`10 of 246
//! tasks (next page: --offset 1)`), and what an incomplete listing lacks.

use crate::api::offsets::Offsets;
use crate::api::paging::{Missing, Outcome, Plan};
use crate::domain::offsets::Counting;
use crate::domain::resource::DEFAULT_PAGE_SIZE;
use crate::domain::task::TaskType;
use crate::util::error::Incomplete;

/// The line under the table, on stderr: `10 of 246 pre-label tasks (next page:
/// --offset 1)`, and how many of them `--status` let through. Without a type, it
/// says which kinds the API listed.
pub fn summary(
    outcome: &Outcome,
    plan: &Plan,
    task_type: Option<TaskType>,
    matched: Option<u64>,
    notes: Vec<String>,
) -> String {
    let noun = match task_type {
        Some(t) => format!("{} tasks", t.as_api_str()),
        None => "auto-labeling and pre-labeling tasks".to_string(),
    };
    let matched = matched.map(|m| format!("{m} matching --status"));
    let mut notes = notes;
    if task_type.is_none() {
        notes.push("--type all lists every kind".to_string());
    }
    page_summary(outcome, plan, &noun, matched, notes)
}

/// The line under a table of any list: `10 of 246 {noun} (next page: --offset 1)`,
/// then `, {matched}` when a filter let only some through, and `notes`.
pub fn page_summary(
    outcome: &Outcome,
    plan: &Plan,
    noun: &str,
    matched: Option<String>,
    extra_notes: Vec<String>,
) -> String {
    let shown = outcome.printed;
    let mut notes = Vec::new();
    let mut line = match outcome.total {
        None if shown == 0 => format!("no {noun} found"),
        None => format!("{shown} {noun}"),
        Some(0) if shown == 0 => format!("no {noun} found"),
        // More than the first page's total when items were created while listing.
        Some(total) if plan.all && shown >= total => format!("{shown} {noun}"),
        Some(total) if plan.all => format!("{shown} of {total} {noun}"),
        Some(total) if shown == 0 => {
            let limit = u64::from(plan.limit);
            format!(
                "no {noun} on page {}: {total} {} fill pages 0 to {} at --limit {limit}",
                plan.first_page,
                plan.resource.plural,
                total.div_ceil(limit) - 1
            )
        }
        Some(total) => {
            let next = plan.first_page + 1;
            if next < total.div_ceil(u64::from(plan.limit)) {
                // The same page size, or --offset would count other pages.
                let limit = if plan.limit == DEFAULT_PAGE_SIZE {
                    String::new()
                } else {
                    format!(" --limit {}", plan.limit)
                };
                notes.push(match outcome.counting {
                    Some(Counting::Records) => format!(
                        "next page: --offset {next}{limit}, which asks for offset {}",
                        Counting::Records.param(next, plan.limit)
                    ),
                    _ => format!("next page: --offset {next}{limit}"),
                });
            }
            format!("{shown} of {total} {noun}")
        }
    };
    if let Some(matched) = matched {
        line.push_str(&format!(", {matched}"));
    }
    notes.extend(extra_notes);
    if notes.is_empty() {
        line
    } else {
        format!("{line} ({})", notes.join("; "))
    }
}

/// What a summary says of what acted here on the items listed: that the `acting`
/// flags (`--status`, `--running`) acted on one page only, and that the first `cap`
/// that `matched` were reached (a `--max-items` the output applied).
pub fn shaping_notes(acting: &[&str], plan: &Plan, cap: Option<u64>, matched: u64) -> Vec<String> {
    let mut notes = Vec::new();
    if !acting.is_empty() && !plan.all {
        notes.push(format!(
            "{} applied to page {} only",
            acting.join(" and "),
            plan.first_page
        ));
    }
    if let Some(max) = cap.filter(|&max| matched >= max) {
        notes.push(format!("the first {max}: --max-items {max}"));
    }
    notes
}

/// The line under a merged table: every type's count, `57 tasks: auto-label 30,
/// pre-label 24, ...`.
pub fn merged_summary(
    labels: &[String],
    outcomes: &[Outcome],
    plan: &Plan,
    matched: Option<u64>,
    notes: Vec<String>,
) -> String {
    let shown: u64 = outcomes.iter().map(|o| o.printed).sum();
    let total: u64 = outcomes.iter().filter_map(|o| o.total).sum();
    let whole = outcomes
        .iter()
        .all(|o| o.total.is_none_or(|t| o.printed >= t));
    let matched = matched
        .map(|m| format!(", {m} matching --status"))
        .unwrap_or_default();
    // The merged output holds the first `--max-items` of what the listings brought.
    if let Some(cap) = plan.max_items.filter(|&cap| shown > cap) {
        return format!("{cap} of {total} tasks (--max-items {cap}){matched}");
    }
    let parts: Vec<String> = labels
        .iter()
        .zip(outcomes)
        .map(|(label, o)| match o.total {
            Some(t) if o.printed < t => format!("{label} {} of {t}", o.printed),
            _ => format!("{label} {}", o.printed),
        })
        .collect();
    let head = if whole {
        format!("{shown} tasks")
    } else {
        format!("{shown} of {total} tasks")
    };
    let mut notes = notes;
    if !whole && !plan.all {
        notes.push("--all lists every one".to_string());
    }
    let tail = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    };
    format!("{head}: {}{matched}{tail}", parts.join(", "))
}

/// The error of a whole listing of `plural` that came up short of its total (what it
/// printed stays printed), with what the server's offsets may have to do with it.
pub fn check_complete(
    labels: &[String],
    outcomes: &[Outcome],
    plural: &str,
    offsets: &Offsets,
) -> Result<(), Incomplete> {
    match incomplete_listing(labels, outcomes, plural) {
        None => Ok(()),
        Some(message) => Err(Incomplete {
            message,
            hint: Some(offsets.advice()),
        }),
    }
}

/// What an incomplete whole listing lacks, and why, for its error: none when every
/// listing held what its total promised.
pub fn incomplete_message(labels: &[String], outcomes: &[Outcome]) -> Option<String> {
    incomplete_listing(labels, outcomes, "tasks")
}

/// [`incomplete_message`] of a list whose items are `plural`.
pub fn incomplete_listing(labels: &[String], outcomes: &[Outcome], plural: &str) -> Option<String> {
    let short: Vec<(&str, &Outcome, &Missing)> = labels
        .iter()
        .zip(outcomes)
        .filter_map(|(label, o)| Some((label.as_str(), o, o.missing.as_ref()?)))
        .collect();
    let missing: u64 = short.iter().map(|(_, _, m)| m.count).sum();
    Some(match short[..] {
        [] => return None,
        [(label, outcome, m)] => {
            let label = if label.is_empty() {
                String::new()
            } else {
                format!("{label} ")
            };
            format!(
                "incomplete listing: {} of {} {label}{plural}, {missing} missing: {}",
                outcome.printed, m.expected, m.why
            )
        }
        _ => {
            let parts: Vec<String> = short
                .iter()
                .map(|(label, o, m)| format!("{label} {} of {}: {}", o.printed, m.expected, m.why))
                .collect();
            format!(
                "incomplete listing: {missing} {plural} missing ({})",
                parts.join("; ")
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_of(offset: u64, limit: u32, all: bool) -> Plan {
        Plan {
            resource: crate::domain::resource::Resource::TASKS,
            first_page: offset,
            limit,
            all,
            max_items: None,
            concurrency: 8,
            counting: None,
            counting_may_be_stale: false,
            recalled: Vec::new(),
        }
    }

    fn outcome(printed: u64, total: Option<u64>) -> Outcome {
        Outcome {
            total,
            printed,
            ..Outcome::default()
        }
    }

    fn one_page(printed: u64, total: Option<u64>, limit: u32, offset: u64) -> String {
        summary(
            &outcome(printed, total),
            &plan_of(offset, limit, false),
            Some(TaskType::PreLabel),
            None,
            Vec::new(),
        )
    }

    #[test]
    fn summary_points_to_the_next_page() {
        assert_eq!(
            one_page(10, Some(246), 10, 0),
            "10 of 246 pre-label tasks (next page: --offset 1)"
        );
        assert_eq!(one_page(6, Some(246), 10, 24), "6 of 246 pre-label tasks");
        assert_eq!(one_page(2, Some(2), 10, 0), "2 of 2 pre-label tasks");
        assert_eq!(one_page(0, Some(0), 10, 0), "no pre-label tasks found");
        assert_eq!(
            one_page(0, Some(246), 10, 30),
            "no pre-label tasks on page 30: 246 tasks fill pages 0 to 24 at --limit 10"
        );
        assert_eq!(one_page(3, None, 10, 0), "3 pre-label tasks");
        // Against a server whose offset counts records, the offset sent too.
        let records = Outcome {
            counting: Some(Counting::Records),
            ..outcome(10, Some(246))
        };
        assert_eq!(
            summary(
                &records,
                &plan_of(2, 10, false),
                Some(TaskType::PreLabel),
                None,
                Vec::new()
            ),
            "10 of 246 pre-label tasks (next page: --offset 3, which asks for offset 30)"
        );
        // Another page size is kept, or --offset would count other pages.
        assert_eq!(
            one_page(3, Some(246), 3, 1),
            "3 of 246 pre-label tasks (next page: --offset 2 --limit 3)"
        );
    }

    #[test]
    fn without_a_type_the_summary_says_which_kinds_were_listed() {
        assert_eq!(
            summary(
                &outcome(10, Some(246)),
                &plan_of(0, 10, false),
                None,
                Some(3),
                Vec::new()
            ),
            "10 of 246 auto-labeling and pre-labeling tasks, 3 matching --status (next page: \
             --offset 1; --type all lists every kind)"
        );
        assert_eq!(
            summary(
                &outcome(0, Some(0)),
                &plan_of(0, 10, true),
                None,
                None,
                Vec::new()
            ),
            "no auto-labeling and pre-labeling tasks found (--type all lists every kind)"
        );
    }

    #[test]
    fn summary_of_a_whole_listing() {
        let plan = plan_of(0, 100, true);
        assert_eq!(
            summary(
                &outcome(246, Some(246)),
                &plan,
                Some(TaskType::AutoLabel),
                None,
                Vec::new()
            ),
            "246 auto-label tasks"
        );
        assert_eq!(
            summary(
                &outcome(100, Some(246)),
                &plan,
                Some(TaskType::AutoLabel),
                None,
                Vec::new()
            ),
            "100 of 246 auto-label tasks"
        );
        assert_eq!(
            summary(
                &outcome(247, Some(246)),
                &plan,
                Some(TaskType::AutoLabel),
                None,
                Vec::new()
            ),
            "247 auto-label tasks"
        );
    }

    #[test]
    fn shaping_notes_say_what_acted_on_one_page_and_which_cap_was_reached() {
        assert_eq!(
            shaping_notes(&["--status", "--sort"], &plan_of(2, 10, false), None, 0),
            ["--status and --sort applied to page 2 only"]
        );
        // Every page was read: nothing to say of pages.
        assert!(shaping_notes(&["--running"], &plan_of(0, 100, true), None, 3).is_empty());
        assert_eq!(
            shaping_notes(&[], &plan_of(0, 100, true), Some(3), 3),
            ["the first 3: --max-items 3"]
        );
        assert!(shaping_notes(&[], &plan_of(0, 100, true), Some(3), 2).is_empty());
    }

    #[test]
    fn summary_of_a_merged_listing() {
        let labels: Vec<String> = ["auto-label", "pre-label", "auto-grouping"]
            .iter()
            .map(|l| l.to_string())
            .collect();
        let whole = [
            outcome(30, Some(30)),
            outcome(24, Some(24)),
            outcome(2, None),
        ];
        assert_eq!(
            merged_summary(&labels, &whole, &plan_of(0, 100, true), None, Vec::new()),
            "56 tasks: auto-label 30, pre-label 24, auto-grouping 2"
        );
        let first_pages = [
            outcome(10, Some(30)),
            outcome(10, Some(24)),
            outcome(2, Some(2)),
        ];
        assert_eq!(
            merged_summary(
                &labels,
                &first_pages,
                &plan_of(0, 10, false),
                Some(4),
                Vec::new()
            ),
            "22 of 56 tasks: auto-label 10 of 30, pre-label 10 of 24, auto-grouping 2, 4 \
             matching --status (--all lists every one)"
        );
        // At most --max-items of them reach the output.
        let mut capped = plan_of(0, 5, true);
        capped.max_items = Some(5);
        let each_five = [
            outcome(5, Some(30)),
            outcome(5, Some(24)),
            outcome(2, Some(2)),
        ];
        assert_eq!(
            merged_summary(&labels, &each_five, &capped, None, Vec::new()),
            "5 of 56 tasks (--max-items 5)"
        );
        assert_eq!(
            merged_summary(&labels, &each_five[2..], &capped, Some(1), Vec::new()),
            "2 tasks: auto-label 2, 1 matching --status"
        );
    }

    #[test]
    fn an_incomplete_listing_says_what_each_part_lacks() {
        let short = |printed, expected, why: &str| Outcome {
            printed,
            missing: Some(Missing {
                expected,
                count: expected - printed,
                why: why.to_string(),
            }),
            ..Outcome::default()
        };
        let one = vec![String::new()];
        assert_eq!(incomplete_message(&one, &[outcome(5, Some(5))]), None);
        assert_eq!(
            incomplete_message(&one, &[short(104, 500, "page 5 came back empty")]).unwrap(),
            "incomplete listing: 104 of 500 tasks, 396 missing: page 5 came back empty"
        );
        let two = vec!["auto-label".to_string(), "pre-label".to_string()];
        assert_eq!(
            incomplete_message(&two, &[outcome(3, Some(3)), short(1, 4, "why")]).unwrap(),
            "incomplete listing: 1 of 4 pre-label tasks, 3 missing: why"
        );
        assert_eq!(
            incomplete_message(&two, &[short(2, 3, "a"), short(1, 4, "b")]).unwrap(),
            "incomplete listing: 4 tasks missing (auto-label 2 of 3: a; pre-label 1 of 4: b)"
        );
    }
}
