//! RabbitMQ through lapin: topology, confirmed publishing, and batched consumption.
//!
//! Topology (declared idempotently by every worker and by `mottak ingest`), for prefix `p`:
//! - work queues `p.ehf.inbound` → receiver, `p.validate` → validator, `p.post` → poster;
//!   durable, quorum by default, dead-lettered through exchange `p.dlx` to `<queue>.dead`
//!   after `delivery_limit` deliveries;
//! - `p.outbound.invoice-response`: Invoice Responses for the access point to send;
//! - topic exchange `p.events` with `ledger.posted` events, and (by default) the durable
//!   queue `p.erp.ledger-posted` bound to it for the ERP.

use std::time::Duration;

use lapin::options::{
    BasicConsumeOptions, BasicPublishOptions, BasicQosOptions, ConfirmSelectOptions,
    ExchangeDeclareOptions, QueueBindOptions, QueueDeclareOptions,
};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{
    BasicProperties, Channel, Confirmation, Connection, ConnectionProperties, ExchangeKind,
};

use crate::config::{QueueType, Settings};
use crate::stages::Outgoing;

/// Names of every exchange and queue, from the prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topology {
    pub prefix: String,
}

impl Topology {
    pub fn new(prefix: &str) -> Topology {
        Topology {
            prefix: prefix.to_owned(),
        }
    }
    pub fn ehf_inbound(&self) -> String {
        format!("{}.ehf.inbound", self.prefix)
    }
    pub fn email_inbound(&self) -> String {
        format!("{}.email.inbound", self.prefix)
    }
    /// Reply mails to suppliers, for the outgoing mail gateway (SMTP relay) to send.
    pub fn outbound_mail(&self) -> String {
        format!("{}.outbound.mail", self.prefix)
    }
    pub fn validate(&self) -> String {
        format!("{}.validate", self.prefix)
    }
    pub fn post(&self) -> String {
        format!("{}.post", self.prefix)
    }
    pub fn invoice_responses(&self) -> String {
        format!("{}.outbound.invoice-response", self.prefix)
    }
    pub fn events(&self) -> String {
        format!("{}.events", self.prefix)
    }
    pub fn erp_queue(&self) -> String {
        format!("{}.erp.ledger-posted", self.prefix)
    }
    pub fn dlx(&self) -> String {
        format!("{}.dlx", self.prefix)
    }
    pub fn dead(queue: &str) -> String {
        format!("{queue}.dead")
    }
    /// Every queue mottak declares, with its dead-letter queue.
    pub fn all_queues(&self) -> Vec<String> {
        let mut queues: Vec<String> = self.work_queues().to_vec();
        queues.push(self.invoice_responses());
        queues.push(self.outbound_mail());
        queues.push(self.erp_queue());
        let dead: Vec<String> = queues.iter().map(|q| Topology::dead(q)).collect();
        queues.extend(dead);
        queues
    }

    /// The work queues, in pipeline order (the two inbound queues first).
    pub fn work_queues(&self) -> [String; 4] {
        [
            self.ehf_inbound(),
            self.email_inbound(),
            self.validate(),
            self.post(),
        ]
    }
}

/// Routing key of the posting event.
pub const LEDGER_POSTED: &str = "ledger.posted";

/// Header carrying the ingest time (µs since the epoch) through the pipeline.
pub const HEADER_INGESTED_US: &str = "x-mottak-ingested-us";
/// Header carrying the document's file name or origin.
pub const HEADER_SOURCE: &str = "x-mottak-source";
pub const HEADER_CHANNEL: &str = "x-mottak-channel";

/// Connect with automatic recovery: lapin reconnects and replays the topology, QoS,
/// confirms and consumers after a network failure.
pub async fn connect(settings: &Settings, name: &str) -> lapin::Result<Connection> {
    let properties = ConnectionProperties::default()
        .with_connection_name(name.into())
        .enable_auto_recover()
        .configure_backoff(|b| {
            b.with_max_times(usize::MAX)
                .with_max_delay(Duration::from_secs(10))
        });
    Connection::connect(&settings.amqp_url, properties).await
}

fn durable_queue() -> QueueDeclareOptions {
    QueueDeclareOptions {
        durable: true,
        ..QueueDeclareOptions::default()
    }
}

/// Declare every exchange and queue. Safe to call from any number of processes.
pub async fn declare_topology(channel: &Channel, settings: &Settings) -> lapin::Result<Topology> {
    let topology = Topology::new(&settings.queue_prefix);
    let durable_exchange = ExchangeDeclareOptions {
        durable: true,
        ..ExchangeDeclareOptions::default()
    };
    channel
        .exchange_declare(
            topology.dlx().into(),
            ExchangeKind::Direct,
            durable_exchange,
            FieldTable::default(),
        )
        .await?;
    channel
        .exchange_declare(
            topology.events().into(),
            ExchangeKind::Topic,
            durable_exchange,
            FieldTable::default(),
        )
        .await?;
    // Every queue dead-letters into `<queue>.dead`: with a delivery limit, a quorum queue
    // would otherwise drop a message an external consumer keeps refusing.
    let mut queues: Vec<String> = topology.work_queues().to_vec();
    queues.push(topology.invoice_responses());
    queues.push(topology.outbound_mail());
    if settings.erp_queue {
        queues.push(topology.erp_queue());
    }
    for queue in queues {
        let dead = Topology::dead(&queue);
        channel
            .queue_declare(dead.clone().into(), durable_queue(), FieldTable::default())
            .await?;
        channel
            .queue_bind(
                dead.into(),
                topology.dlx().into(),
                queue.clone().into(),
                QueueBindOptions::default(),
                FieldTable::default(),
            )
            .await?;
        let mut args = queue_arguments(settings);
        args.insert(
            "x-dead-letter-exchange".into(),
            AMQPValue::LongString(topology.dlx().into()),
        );
        args.insert(
            "x-dead-letter-routing-key".into(),
            AMQPValue::LongString(queue.clone().into()),
        );
        channel
            .queue_declare(queue.into(), durable_queue(), args)
            .await?;
    }
    if settings.erp_queue {
        channel
            .queue_bind(
                topology.erp_queue().into(),
                topology.events().into(),
                LEDGER_POSTED.into(),
                QueueBindOptions::default(),
                FieldTable::default(),
            )
            .await?;
    }
    Ok(topology)
}

fn queue_arguments(settings: &Settings) -> FieldTable {
    let mut args = FieldTable::default();
    if settings.queue_type == QueueType::Quorum {
        args.insert(
            "x-queue-type".into(),
            AMQPValue::LongString("quorum".into()),
        );
        args.insert(
            "x-delivery-limit".into(),
            AMQPValue::LongLongInt(i64::from(settings.delivery_limit)),
        );
    }
    args
}

/// A channel in confirm mode: every publish is confirmed by the broker before we count it.
#[derive(Clone)]
pub struct Publisher {
    channel: Channel,
    topology: Topology,
}

/// A message ready to publish.
#[derive(Debug, Clone)]
pub struct Envelope {
    pub exchange: String,
    pub routing_key: String,
    pub body: Vec<u8>,
    pub properties: BasicProperties,
}

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("broker: {0}")]
    Amqp(#[from] lapin::Error),
    #[error("the broker refused the message for {0} (nack)")]
    Nacked(String),
    #[error("no queue is bound for {0}: message returned")]
    Unroutable(String),
    #[error(transparent)]
    Recovery(#[from] RecoveryError),
    #[error("{0} message(s) still unconfirmed after {MAX_PUBLISH_ATTEMPTS} attempts")]
    Unconfirmed(usize),
}

impl Publisher {
    pub async fn new(connection: &Connection, topology: Topology) -> lapin::Result<Publisher> {
        let channel = connection.create_channel().await?;
        channel
            .confirm_select(ConfirmSelectOptions::default())
            .await?;
        Ok(Publisher { channel, topology })
    }

    pub fn channel(&self) -> &Channel {
        &self.channel
    }

    pub fn topology(&self) -> &Topology {
        &self.topology
    }

    /// Publish all and wait until the broker confirmed every one. On a connection failure
    /// it waits for lapin's recovery and publishes the unconfirmed ones again: consumers
    /// recognise a repeat by its message id.
    pub async fn publish_all(&self, envelopes: &[Envelope]) -> Result<(), PublishError> {
        let mut pending: Vec<&Envelope> = envelopes.iter().collect();
        let mut attempts = 0u32;
        while !pending.is_empty() {
            attempts += 1;
            if attempts > MAX_PUBLISH_ATTEMPTS {
                return Err(PublishError::Unconfirmed(pending.len()));
            }
            let mut confirms = Vec::with_capacity(pending.len());
            let mut failed = Vec::new();
            // Why this round failed; `None` with failures means a timeout or a nack.
            let mut error: Option<lapin::Error> = None;
            let mut timed_out = false;
            for envelope in &pending {
                let options = BasicPublishOptions {
                    mandatory: true,
                    ..BasicPublishOptions::default()
                };
                let sent = tokio::time::timeout(
                    BROKER_TIMEOUT,
                    self.channel.basic_publish(
                        envelope.exchange.clone().into(),
                        envelope.routing_key.clone().into(),
                        options,
                        &envelope.body,
                        envelope.properties.clone(),
                    ),
                )
                .await;
                match sent {
                    Ok(Ok(confirm)) => confirms.push((*envelope, confirm)),
                    Ok(Err(e)) => {
                        failed.push(*envelope);
                        error.get_or_insert(e);
                    }
                    Err(_) => {
                        failed.push(*envelope);
                        timed_out = true;
                    }
                }
            }
            // A confirm that never comes (a connection lost mid-recovery) must not hold the
            // worker forever: after the timeout the message is simply sent again.
            let deadline = tokio::time::Instant::now() + BROKER_TIMEOUT;
            for (envelope, confirm) in confirms {
                match tokio::time::timeout_at(deadline, confirm).await {
                    Ok(Ok(Confirmation::Ack(None) | Confirmation::NotRequested)) => {}
                    Ok(Ok(Confirmation::Ack(Some(_)))) => {
                        return Err(PublishError::Unroutable(envelope.routing_key.clone()));
                    }
                    Ok(Ok(Confirmation::Nack(_))) => {
                        if attempts > 5 {
                            return Err(PublishError::Nacked(envelope.routing_key.clone()));
                        }
                        failed.push(envelope);
                    }
                    Ok(Err(e)) => {
                        failed.push(envelope);
                        error.get_or_insert(e);
                    }
                    Err(_) => {
                        failed.push(envelope);
                        timed_out = true;
                    }
                }
            }
            if error.is_some() || timed_out {
                tracing::warn!(error = ?error.as_ref().map(ToString::to_string), timed_out, unconfirmed = failed.len(),
                    "publish interrupted; waiting for the broker");
                recover(&self.channel, error).await?;
            } else if !failed.is_empty() {
                tokio::time::sleep(Duration::from_millis(100 * u64::from(attempts))).await;
            }
            pending = failed;
        }
        Ok(())
    }

    /// Turn stage output into envelopes.
    pub fn envelopes(&self, outgoing: Vec<Outgoing>, ingested_us: i64) -> Vec<Envelope> {
        outgoing
            .into_iter()
            .map(|out| match out {
                Outgoing::Validate { document_id, body } => self.work(
                    self.topology.validate(),
                    document_id,
                    body,
                    ingested_us,
                    "application/json",
                ),
                Outgoing::Post { document_id, body } => self.work(
                    self.topology.post(),
                    document_id,
                    body,
                    ingested_us,
                    "application/json",
                ),
                Outgoing::InvoiceResponse {
                    document_id,
                    response_id,
                    xml,
                } => {
                    let mut headers = FieldTable::default();
                    headers.insert(
                        "x-mottak-document-id".into(),
                        AMQPValue::LongString(document_id.into()),
                    );
                    Envelope {
                        exchange: String::new(),
                        routing_key: self.topology.invoice_responses(),
                        body: xml.into_bytes(),
                        properties: persistent(&response_id, "application/xml", headers),
                    }
                }
                Outgoing::ReplyMail {
                    document_id,
                    reply_id,
                    bytes,
                } => {
                    let mut headers = FieldTable::default();
                    headers.insert(
                        "x-mottak-document-id".into(),
                        AMQPValue::LongString(document_id.into()),
                    );
                    Envelope {
                        exchange: String::new(),
                        routing_key: self.topology.outbound_mail(),
                        body: bytes,
                        properties: persistent(&reply_id, "message/rfc822", headers),
                    }
                }
                Outgoing::LedgerPosted {
                    document_id,
                    event_id,
                    body,
                } => {
                    let mut headers = FieldTable::default();
                    headers.insert(
                        "x-mottak-document-id".into(),
                        AMQPValue::LongString(document_id.into()),
                    );
                    headers.insert(
                        HEADER_INGESTED_US.into(),
                        AMQPValue::LongLongInt(ingested_us),
                    );
                    Envelope {
                        exchange: self.topology.events(),
                        routing_key: LEDGER_POSTED.into(),
                        body: body.into_bytes(),
                        properties: persistent(&event_id, "application/json", headers)
                            .with_type(ShortString::from(LEDGER_POSTED)),
                    }
                }
            })
            .collect()
    }

    fn work(
        &self,
        queue: String,
        document_id: String,
        body: Vec<u8>,
        ingested_us: i64,
        content_type: &str,
    ) -> Envelope {
        let mut headers = FieldTable::default();
        headers.insert(
            HEADER_INGESTED_US.into(),
            AMQPValue::LongLongInt(ingested_us),
        );
        Envelope {
            exchange: String::new(),
            routing_key: queue,
            body,
            properties: persistent(&document_id, content_type, headers),
        }
    }
}

/// Properties of a persistent message with a stable id.
pub fn persistent(message_id: &str, content_type: &str, headers: FieldTable) -> BasicProperties {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    BasicProperties::default()
        .with_delivery_mode(2)
        .with_message_id(message_id.into())
        .with_content_type(content_type.into())
        .with_timestamp(u64::try_from(now).unwrap_or_default())
        .with_app_id("mottak".into())
        .with_headers(headers)
}

/// The raw-document envelope that `mottak ingest` publishes: EHF to the EHF receiver,
/// e-mail to the e-mail intake.
pub fn raw_document(topology: &Topology, raw: &crate::messages::RawDocument) -> Envelope {
    let mut headers = FieldTable::default();
    headers.insert(
        HEADER_INGESTED_US.into(),
        AMQPValue::LongLongInt(raw.ingested_us),
    );
    headers.insert(
        HEADER_CHANNEL.into(),
        AMQPValue::LongString(raw.channel.as_str().into()),
    );
    if let Some(source) = &raw.source_name {
        headers.insert(
            HEADER_SOURCE.into(),
            AMQPValue::LongString(LongString::from(source.as_str())),
        );
    }
    let (queue, content_type) = match raw.channel {
        crate::messages::Channel::Ehf => (topology.ehf_inbound(), "application/xml"),
        crate::messages::Channel::Email => (topology.email_inbound(), "message/rfc822"),
    };
    Envelope {
        exchange: String::new(),
        routing_key: queue,
        body: raw.bytes.clone(),
        properties: persistent(&raw.document_id, content_type, headers),
    }
}

/// A header as text or integer, if present.
pub fn header_str(properties: &BasicProperties, key: &str) -> Option<String> {
    let headers = properties.headers().as_ref()?;
    match headers.inner().get(key)? {
        AMQPValue::LongString(s) => Some(String::from_utf8_lossy(s.as_bytes()).into_owned()),
        AMQPValue::ShortString(s) => Some(s.as_str().to_owned()),
        _ => None,
    }
}

pub fn header_i64(properties: &BasicProperties, key: &str) -> Option<i64> {
    let headers = properties.headers().as_ref()?;
    match headers.inner().get(key)? {
        AMQPValue::LongLongInt(v) => Some(*v),
        AMQPValue::LongInt(v) => Some(i64::from(*v)),
        AMQPValue::LongUInt(v) => Some(i64::from(*v)),
        _ => None,
    }
}

/// How long to wait for lapin's recovery before giving up on the connection (the worker
/// then starts a new broker session).
const RECOVERY_PATIENCE: Duration = Duration::from_secs(10);

/// Longest wait for any single broker operation (publish, confirm, ack) before it is
/// treated as lost.
pub const BROKER_TIMEOUT: Duration = Duration::from_secs(15);

/// Rounds of re-sending before a publish is given up (the worker then starts a new session).
const MAX_PUBLISH_ATTEMPTS: u32 = 20;

/// lapin's recovery did not restore the channel in time.
#[derive(Debug, thiserror::Error)]
#[error("the broker connection was not restored within {RECOVERY_PATIENCE:?}: {last_error}")]
pub struct RecoveryError {
    pub last_error: String,
}

/// Wait until lapin's automatic recovery has restored `channel` after `error`. An error
/// that carries no recovery notifier (e.g. "channel state: Reconnecting" from a publish
/// that raced the reconnect), or no error at all (a timeout), is waited out by watching the
/// channel's state. Bounded: a recovery that stalls is reported, and the worker starts a
/// new connection.
pub async fn recover(channel: &Channel, error: Option<lapin::Error>) -> Result<(), RecoveryError> {
    let deadline = tokio::time::Instant::now() + RECOVERY_PATIENCE;
    let mut last_error = error
        .as_ref()
        .map_or_else(|| "timed out".to_owned(), ToString::to_string);
    if let Some(e) = error {
        match tokio::time::timeout_at(deadline, channel.wait_for_recovery(e)).await {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(e)) => last_error = e.to_string(),
            Err(_) => return Err(RecoveryError { last_error }),
        }
    }
    loop {
        if channel.status().connected() {
            return Ok(());
        }
        if tokio::time::Instant::now() > deadline {
            return Err(RecoveryError { last_error });
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Retire a connection whose recovery stalled. Dropping it is not enough: lapin may still
/// complete its recovery later and replay its consumers, which would then hold deliveries
/// (up to the prefetch) that nobody reads. So it is watched, and closed properly (returning
/// anything it holds to the queues) as soon as it comes back, or left once it is dead.
pub fn abandon(connection: Connection) {
    tokio::spawn(async move {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(600);
        while tokio::time::Instant::now() < deadline {
            let status = connection.status();
            if status.connected() {
                let _ = tokio::time::timeout(
                    BROKER_TIMEOUT,
                    connection.close(200, "abandoned session".into()),
                )
                .await;
                return;
            }
            if status.closed() || status.errored() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
}

/// A consuming channel with bounded prefetch and manual acks.
pub async fn consume(
    connection: &Connection,
    queue: &str,
    prefetch: u16,
    consumer_tag: &str,
) -> lapin::Result<(Channel, lapin::Consumer)> {
    let channel = connection.create_channel().await?;
    channel
        .basic_qos(prefetch, BasicQosOptions::default())
        .await?;
    let consumer = channel
        .basic_consume(
            queue.into(),
            consumer_tag.into(),
            BasicConsumeOptions {
                no_ack: false,
                ..BasicConsumeOptions::default()
            },
            FieldTable::default(),
        )
        .await?;
    Ok((channel, consumer))
}
