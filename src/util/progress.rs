//! A progress bar on stderr while `list --all` fetches pages; only on a terminal.

use std::io::{self, IsTerminal};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
    /// What the bar counts: pages, or datasets.
    unit: &'static str,
}

impl Progress {
    pub fn hidden() -> Progress {
        Progress {
            bar: None,
            unit: "pages",
        }
    }

    /// A bar on stderr counting `unit` (pages, datasets) if stderr is a terminal,
    /// otherwise nothing at all.
    pub fn counting(unit: &'static str) -> Progress {
        if !io::stderr().is_terminal() {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(&format!("{{spinner}} {{pos}} {unit}, {{msg}}"))
                .expect("the template is valid"),
        );
        bar.set_message("0 tasks");
        Progress {
            bar: Some(bar),
            unit,
        }
    }

    /// Run `f` with the bar out of the way, for a message on stderr.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// More pages expected, once a first page has told (each listing of a merged
    /// listing adds its own).
    pub fn add_pages(&self, pages: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(bar.length().unwrap_or(0).saturating_add(pages));
            bar.set_style(
                ProgressStyle::with_template(&format!(
                    "{{bar:30}} {{pos}}/{{len}} {}, {{msg}}",
                    self.unit
                ))
                .expect("the template is valid"),
            );
        }
    }

    pub fn page_done(&self, tasks: u64) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{tasks} tasks"));
            bar.inc(1);
        }
    }

    /// Remove the bar from the terminal.
    pub fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}
