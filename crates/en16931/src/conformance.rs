//! Agreement with the official verdicts of the conformance corpus (`shared/conformance`).
//!
//! Unit tests are judged as the official test runner does: `error:ID` / `warning:ID` demand that
//! the rule fires with that flag (exactly N times with `*N`), `success:ID` that it does not fire;
//! rules outside the test's scope are ignored. Examples are judged by comparing the set of fatal
//! rule ids with the reference verdict.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::rules::{Flag, Report, validate};

/// The verdict on one corpus document.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub file: String,
    /// `rules/<peppol|cen>/<folder>` for unit tests, `examples` for examples.
    pub set: String,
    /// The test looks for at least one firing (`error`/`warning`), or is an example.
    pub positive: bool,
    pub agree: bool,
    pub expected: String,
    pub got: String,
}

/// All outcomes, with totals.
#[derive(Debug, Default)]
pub struct Summary {
    pub outcomes: Vec<Outcome>,
}

/// Passed and total.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub passed: usize,
    pub total: usize,
}

impl Tally {
    fn add(&mut self, agree: bool) {
        self.total += 1;
        self.passed += usize::from(agree);
    }

    /// Percentage of passed, 0 when empty.
    pub fn percent(self) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        // Counts are far below 2^52, so the conversion is exact.
        #[allow(clippy::cast_precision_loss)]
        let (p, t) = (self.passed as f64, self.total as f64);
        100.0 * p / t
    }
}

impl Summary {
    pub fn per_set(&self) -> BTreeMap<&str, Tally> {
        let mut sets: BTreeMap<&str, Tally> = BTreeMap::new();
        for o in &self.outcomes {
            sets.entry(o.set.as_str()).or_default().add(o.agree);
        }
        sets
    }

    pub fn overall(&self) -> Tally {
        let mut t = Tally::default();
        for o in &self.outcomes {
            t.add(o.agree);
        }
        t
    }

    /// Only the tests that need a firing (`error`/`warning`) and the examples: a validator
    /// that reports nothing scores zero here.
    pub fn positive_only(&self) -> Tally {
        let mut t = Tally::default();
        for o in self.outcomes.iter().filter(|o| o.positive) {
            t.add(o.agree);
        }
        t
    }
}

/// Why the corpus could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("reading {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("manifest.tsv line {line}: {problem}")]
    Manifest { line: usize, problem: String },
}

/// Validate every document listed in `dir/manifest.tsv` and judge it.
pub fn run(dir: &Path) -> Result<Summary, CorpusError> {
    let manifest_path = dir.join("manifest.tsv");
    let manifest = std::fs::read_to_string(&manifest_path).map_err(|source| CorpusError::Io {
        path: manifest_path.display().to_string(),
        source,
    })?;
    let mut summary = Summary::default();
    let mut lines = manifest.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, h)| h.split('\t').collect())
        .unwrap_or_default();
    let column = |name: &str| header.iter().position(|h| *h == name);
    let (Some(c_file), Some(c_kind), Some(c_expected), Some(c_fatal)) = (
        column("file"),
        column("kind"),
        column("expected"),
        column("reference_failed_fatal"),
    ) else {
        return Err(CorpusError::Manifest {
            line: 1,
            problem: "missing columns".to_owned(),
        });
    };
    for (index, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let cell = |i: usize| cells.get(i).copied().unwrap_or("");
        let file = cell(c_file);
        let path = dir.join(file);
        let bytes = std::fs::read(&path).map_err(|source| CorpusError::Io {
            path: path.display().to_string(),
            source,
        })?;
        let report = validate(&bytes).ok();
        let outcome = if cell(c_kind) == "example" {
            judge_example(file, report.as_ref(), cell(c_fatal))
        } else {
            judge_unit(file, report.as_ref(), cell(c_expected)).map_err(|problem| {
                CorpusError::Manifest {
                    line: index + 1,
                    problem,
                }
            })?
        };
        summary.outcomes.push(outcome);
    }
    Ok(summary)
}

fn fatal_set(report: Option<&Report>) -> BTreeSet<&str> {
    report
        .map(|r| {
            r.firings
                .iter()
                .filter(|(_, (flag, _))| *flag == Flag::Fatal)
                .map(|(id, _)| *id)
                .collect()
        })
        .unwrap_or_default()
}

fn judge_example(file: &str, report: Option<&Report>, reference: &str) -> Outcome {
    let expected: BTreeSet<&str> = reference.split(',').filter(|s| !s.is_empty()).collect();
    let got = fatal_set(report);
    Outcome {
        file: file.to_owned(),
        set: "examples".to_owned(),
        positive: true,
        agree: got == expected,
        expected: format!("fatal {{{}}}", join(&expected)),
        got: match report {
            Some(_) => format!("fatal {{{}}}", join(&got)),
            None => "unreadable".to_owned(),
        },
    }
}

fn join(ids: &BTreeSet<&str>) -> String {
    ids.iter().copied().collect::<Vec<_>>().join(",")
}

fn judge_unit(file: &str, report: Option<&Report>, expected: &str) -> Result<Outcome, String> {
    let mut agree = true;
    let mut positive = false;
    let mut got = Vec::new();
    for entry in expected.split(';').filter(|e| !e.trim().is_empty()) {
        let (kind, rest) = entry
            .split_once(':')
            .ok_or_else(|| format!("bad expectation {entry:?}"))?;
        let (id, count) = match rest.split_once('*') {
            Some((id, n)) => (
                id,
                Some(
                    n.parse::<u32>()
                        .map_err(|_| format!("bad count in {entry:?}"))?,
                ),
            ),
            None => (rest, None),
        };
        let fired = report.and_then(|r| r.firings.get(id).copied());
        got.push(match fired {
            Some((flag, n)) => format!("{}:{id}*{n}", flag.as_str()),
            None => format!("none:{id}"),
        });
        let ok = match kind {
            "success" => fired.is_none(),
            "error" | "warning" => {
                positive = true;
                let flag = if kind == "error" {
                    Flag::Fatal
                } else {
                    Flag::Warning
                };
                fired.is_some_and(|(f, n)| f == flag && count.is_none_or(|c| c == n))
            }
            other => return Err(format!("unknown expectation kind {other:?}")),
        };
        agree &= ok;
    }
    let set = file.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    Ok(Outcome {
        file: file.to_owned(),
        set,
        positive,
        agree,
        expected: expected.to_owned(),
        got: if report.is_some() {
            got.join(";")
        } else {
            "unreadable".to_owned()
        },
    })
}

/// Round a percentage down to one decimal, as the ratchet file stores it.
pub fn floor_one_decimal(percent: f64) -> f64 {
    (percent * 10.0).floor() / 10.0
}
