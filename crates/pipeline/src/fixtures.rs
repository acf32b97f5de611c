//! The fixture manifests (`fixtures/*/manifest.toml`): what every test document in the
//! repository is expected to become. Tests of every layer read them from here.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Format, Toml};
use serde::Deserialize;

/// The expected outcome of one fixture.
#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    pub file: String,
    #[serde(default)]
    pub kind: Option<String>,
    /// `posted`, `rejected` or `set_aside`.
    pub state: String,
    /// Rule ids that must fire (fatal ones), as a set.
    #[serde(default)]
    pub reasons: Vec<String>,
    /// Warning rule ids that must fire, as a set.
    #[serde(default)]
    pub warnings: Vec<String>,
    #[serde(default)]
    pub invoice_number: Option<String>,
    #[serde(default)]
    pub payable: Option<String>,
    /// Fixtures that must be settled before this one is ingested.
    #[serde(default)]
    pub after: Vec<String>,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Manifest {
    #[serde(rename = "fixture")]
    pub fixtures: Vec<Expected>,
    #[serde(skip)]
    pub dir: PathBuf,
}

impl Manifest {
    pub fn load(dir: &Path) -> Result<Manifest, String> {
        let mut manifest: Manifest = Figment::from(Toml::file_exact(dir.join("manifest.toml")))
            .extract()
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        manifest.dir = dir.to_owned();
        Ok(manifest)
    }

    pub fn path(&self, fixture: &Expected) -> PathBuf {
        self.dir.join(&fixture.file)
    }

    /// The fixtures in waves: each wave only after every earlier one has settled, so that
    /// a fixture's `after` list has been decided before it is ingested.
    pub fn waves(&self) -> Vec<Vec<&Expected>> {
        let mut waves: Vec<Vec<&Expected>> = Vec::new();
        let mut placed: Vec<(&str, usize)> = Vec::new();
        let mut remaining: Vec<&Expected> = self.fixtures.iter().collect();
        while !remaining.is_empty() {
            let before = remaining.len();
            remaining.retain(|f| {
                let deps: Option<Vec<usize>> = f
                    .after
                    .iter()
                    .map(|a| placed.iter().find(|(name, _)| name == a).map(|(_, w)| *w))
                    .collect();
                match deps {
                    Some(deps) => {
                        let wave = deps.into_iter().map(|w| w + 1).max().unwrap_or(0);
                        if waves.len() <= wave {
                            waves.resize_with(wave + 1, Vec::new);
                        }
                        waves[wave].push(f);
                        placed.push((f.file.as_str(), wave));
                        false
                    }
                    None => true,
                }
            });
            if remaining.len() == before {
                // Unknown or circular `after`: put the rest last rather than loop forever.
                waves.push(std::mem::take(&mut remaining));
            }
        }
        waves
    }
}

impl Expected {
    /// Compare an outcome with this expectation; `None` when it matches, else what differs.
    pub fn mismatch(&self, state: &str, findings: &[mottak_rules::Finding]) -> Option<String> {
        use std::collections::BTreeSet;
        let fatal: BTreeSet<&str> = findings
            .iter()
            .filter(|f| f.is_fatal())
            .map(|f| f.rule.as_str())
            .collect();
        let warnings: BTreeSet<&str> = findings
            .iter()
            .filter(|f| !f.is_fatal())
            .map(|f| f.rule.as_str())
            .collect();
        let want_fatal: BTreeSet<&str> = self.reasons.iter().map(String::as_str).collect();
        let want_warnings: BTreeSet<&str> = self.warnings.iter().map(String::as_str).collect();
        if state == self.state && fatal == want_fatal && warnings == want_warnings {
            return None;
        }
        Some(format!(
            "{}: expected {} {want_fatal:?} warnings {want_warnings:?}, got {state} {fatal:?} warnings {warnings:?}: {}",
            self.file,
            self.state,
            findings
                .iter()
                .map(|f| f.message.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        ))
    }
}

/// The repository's fixture directory for `channel` (`ehf`).
pub fn dir(channel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(channel)
}
