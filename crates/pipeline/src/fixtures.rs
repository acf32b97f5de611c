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
    /// `posted`, `rejected`, `set_aside` or `awaiting_capture`.
    pub state: String,
    /// Which stage decided (`intake`, `receiver`, `validator`, `poster`), when given.
    #[serde(default)]
    pub stage: Option<String>,
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
    /// E-mail: whether the sender gets a reply mail.
    #[serde(default)]
    pub reply: Option<bool>,
    /// E-mail with a text PDF: the fields the capture must read (name → normalised value).
    #[serde(default)]
    pub captured: std::collections::BTreeMap<String, serde_json::Value>,
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
    pub fn mismatch(
        &self,
        state: &str,
        stage: Option<&str>,
        findings: &[mottak_rules::Finding],
    ) -> Option<String> {
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
        let stage_ok = self.stage.is_none() || self.stage.as_deref() == stage;
        if state == self.state && stage_ok && fatal == want_fatal && warnings == want_warnings {
            return None;
        }
        Some(format!(
            "{}: expected {} (stage {:?}) {want_fatal:?} warnings {want_warnings:?}, got {state} (stage {stage:?}) {fatal:?} warnings {warnings:?}: {}",
            self.file,
            self.state,
            self.stage,
            findings
                .iter()
                .map(|f| f.message.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        ))
    }
}

impl Expected {
    /// Compare the e-mail side: the reply (when the manifest says) and every captured field
    /// the manifest lists against the stored capture (`fields: [{field, value, ...}]`).
    pub fn mail_mismatch(&self, outcome: Option<&crate::store::MailOutcome>) -> Option<String> {
        let mut problems = Vec::new();
        if let Some(want) = self.reply {
            let got = outcome.is_some_and(|m| m.reply_id.is_some());
            if want != got {
                problems.push(format!("reply expected {want}, got {got}"));
            }
        }
        let fields = outcome
            .and_then(|m| m.capture.as_ref())
            .and_then(|c| c.get("fields"))
            .and_then(|f| f.as_array());
        for (name, want) in &self.captured {
            let want = match want {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let got = fields.and_then(|fields| {
                fields
                    .iter()
                    .find(|f| f.get("field").and_then(|n| n.as_str()) == Some(name.as_str()))
                    .and_then(|f| f.get("value"))
                    .and_then(|v| v.as_str())
            });
            if got != Some(want.as_str()) {
                problems.push(format!("captured {name}: expected {want:?}, got {got:?}"));
            }
        }
        (!problems.is_empty()).then(|| format!("{}: {}", self.file, problems.join("; ")))
    }
}

/// The repository's fixture directory for `channel` (`ehf`, `email`).
pub fn dir(channel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(channel)
}
