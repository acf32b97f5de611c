//! Layered settings shared by every binary: defaults, then an optional TOML file, then
//! `MOTTAK_*` environment variables.
//!
//! The file is `$MOTTAK_CONFIG` when set, else `mottak.toml` in the working directory when it
//! exists. Nested keys use `__` in the environment, e.g. `MOTTAK_ACCOUNTS__PAYABLE=2400`.

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use mottak_invoice::ids::OrgNumber;
use mottak_invoice::posting::AccountMap;
use mottak_rules::ReceiverIdentity;
use serde::{Deserialize, Serialize};

/// Queue type for the work queues. Quorum queues count deliveries, so a message that keeps
/// crashing a worker is dead-lettered after `delivery_limit` attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QueueType {
    Quorum,
    Classic,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// `MOTTAK_AMQP_URL`
    pub amqp_url: String,
    /// `MOTTAK_DATABASE_URL`: PostgreSQL for the workers; `sqlite://...` also works.
    pub database_url: String,
    /// Prefix of every exchange and queue name (`MOTTAK_QUEUE_PREFIX`).
    #[serde(deserialize_with = "lenient_string")]
    pub queue_prefix: String,
    pub queue_type: QueueType,
    /// Deliveries of one message before it is dead-lettered (quorum queues).
    pub delivery_limit: u32,
    /// Deliveries a worker keeps in flight (`basic.qos`).
    pub prefetch: u16,
    /// Deliveries handled in one database transaction.
    pub batch_size: usize,
    /// How long a worker waits to fill a batch once it has one delivery.
    pub batch_wait_ms: u64,
    /// Our organisation number (`MOTTAK_RECEIVER_ORG`).
    #[serde(deserialize_with = "lenient_string")]
    pub receiver_org: String,
    /// Our name (`MOTTAK_RECEIVER_NAME`).
    #[serde(deserialize_with = "lenient_string")]
    pub receiver_name: String,
    pub max_document_bytes: u64,
    pub max_attachment_bytes: u64,
    /// Declare the durable queue `<prefix>.erp.ledger-posted` for ERP integration, so that
    /// `ledger.posted` events are kept until an ERP reads them.
    pub erp_queue: bool,
    pub accounts: AccountMap,
    /// The e-mail intake's own address (`MOTTAK_INTAKE_ADDRESS`): replies come from it, and
    /// mail from it is never answered (no mail loops).
    #[serde(deserialize_with = "lenient_string")]
    pub intake_address: String,
    /// Largest e-mail the intake accepts, in bytes as received (`MOTTAK_MAX_MAIL_BYTES`).
    pub max_mail_bytes: u64,
    /// At most one reply per sender address within this many seconds
    /// (`MOTTAK_REPLY_WINDOW_SECS`; 0 answers every mail).
    pub reply_window_secs: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            amqp_url: "amqp://guest:guest@127.0.0.1:5672/%2f".into(),
            database_url: "postgres://postgres@127.0.0.1:5432/mottak".into(),
            queue_prefix: "mottak".into(),
            queue_type: QueueType::Quorum,
            delivery_limit: 5,
            prefetch: 512,
            batch_size: 200,
            batch_wait_ms: 5,
            receiver_org: "931235184".into(),
            receiver_name: "Digitools AS".into(),
            max_document_bytes: 64 * 1024 * 1024,
            max_attachment_bytes: 32 * 1024 * 1024,
            erp_queue: true,
            accounts: AccountMap::default(),
            intake_address: "faktura@digitools.no".into(),
            max_mail_bytes: 25 * 1024 * 1024,
            reply_window_secs: 600,
        }
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("amqp_url", &redact(&self.amqp_url))
            .field("database_url", &redact(&self.database_url))
            .field("queue_prefix", &self.queue_prefix)
            .field("queue_type", &self.queue_type)
            .field("prefetch", &self.prefetch)
            .field("batch_size", &self.batch_size)
            .field("receiver_org", &self.receiver_org)
            .field("receiver_name", &self.receiver_name)
            .field("intake_address", &self.intake_address)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("invalid configuration: {0}")]
    Figment(#[from] Box<figment::Error>),
    #[error("MOTTAK_RECEIVER_ORG «{value}» is not a valid organisation number: {reason}")]
    ReceiverOrg { value: String, reason: String },
    #[error("MOTTAK_BATCH_SIZE and MOTTAK_PREFETCH must be at least 1")]
    Zero,
    #[error("MOTTAK_INTAKE_ADDRESS «{0}» is not an e-mail address")]
    IntakeAddress(String),
}

impl Settings {
    /// Defaults, then the file, then the environment.
    pub fn load() -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        match std::env::var_os("MOTTAK_CONFIG") {
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None => figment = figment.merge(Toml::file("mottak.toml")),
        }
        // MOTTAK_CONFIG and MOTTAK_LOG_FORMAT are read elsewhere; MOTTAK_TEST_* belong to
        // the test suite. Any other unknown MOTTAK_* variable is a typo and an error.
        let env = Env::prefixed("MOTTAK_")
            .ignore(&["config", "log_format"])
            .filter(|key| !key.as_str().to_ascii_lowercase().starts_with("test_"))
            .split("__");
        figment = figment.merge(env);
        let settings: Settings = figment.extract().map_err(Box::new)?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        self.receiver()?;
        if self.batch_size == 0 || self.prefetch == 0 {
            return Err(ConfigError::Zero);
        }
        let address = self.intake_address.trim();
        let valid = address.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !address.contains(char::is_whitespace)
        });
        if !valid {
            return Err(ConfigError::IntakeAddress(self.intake_address.clone()));
        }
        Ok(())
    }

    /// Who invoices must be addressed to.
    pub fn receiver(&self) -> Result<ReceiverIdentity, ConfigError> {
        let org = OrgNumber::parse(&self.receiver_org).map_err(|e| ConfigError::ReceiverOrg {
            value: self.receiver_org.clone(),
            reason: e.to_string(),
        })?;
        Ok(ReceiverIdentity {
            org,
            name: self.receiver_name.clone(),
        })
    }

    pub fn parse_limits(&self) -> mottak_ehf::Limits {
        mottak_ehf::Limits {
            max_document_bytes: self.max_document_bytes,
            max_attachment_bytes: self.max_attachment_bytes,
            ..mottak_ehf::Limits::default()
        }
    }
}

/// Environment values that look like numbers arrive as numbers: an organisation number is
/// still a string.
fn lenient_string<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    deserializer.deserialize_any(Visitor)
}

/// A URL with its password replaced, for logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closure signature, not ours
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact("amqp://guest:secret@host:5672/%2f"),
            "amqp://guest:***@host:5672/%2f"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/mottak"),
            "postgres://postgres@127.0.0.1/mottak"
        );
    }

    #[test]
    fn environment_overrides_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("MOTTAK_RECEIVER_ORG", "987654325");
            jail.set_env("MOTTAK_ACCOUNTS__PAYABLE", "2410");
            jail.set_env("MOTTAK_PREFETCH", "64");
            jail.set_env("MOTTAK_TEST_AMQP_URL", "amqp://elsewhere");
            jail.set_env("MOTTAK_LOG_FORMAT", "json");
            let settings = Settings::load().map_err(|e| e.to_string())?;
            assert_eq!(settings.receiver_org, "987654325");
            assert_eq!(settings.accounts.payable.as_str(), "2410");
            assert_eq!(settings.prefetch, 64);
            assert_eq!(settings.receiver_name, "Digitools AS");
            Ok(())
        });
    }

    #[test]
    fn a_misspelt_variable_is_an_error_not_silence() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("MOTTAK_RECIEVER_ORG", "931235184");
            assert!(Settings::load().is_err());
            Ok(())
        });
    }

    #[test]
    fn rejects_an_invalid_receiver() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("MOTTAK_RECEIVER_ORG", "931235185");
            assert!(Settings::load().is_err());
            Ok(())
        });
    }
}
