//! The workers survive a broken broker connection (lapin's automatic recovery) without
//! losing or doubling an invoice. The connection runs through a TCP proxy the test cuts.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mottak_pipeline::store::DocState;
use mottak_pipeline::synthetic::{self, Spec};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::app::{amqp_url, spawn_app_with, test_settings};

/// A loopback TCP proxy whose live connections can be cut.
struct Proxy {
    addr: SocketAddr,
    connections: Arc<Mutex<Vec<JoinHandle<()>>>>,
    accept: JoinHandle<()>,
}

impl Proxy {
    async fn start(upstream: String) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
        let addr = listener.local_addr().expect("proxy address");
        let connections: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let live = connections.clone();
        let accept = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                let upstream = upstream.clone();
                let task = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(&upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                live.lock().expect("lock").push(task);
            }
        });
        Proxy {
            addr,
            connections,
            accept,
        }
    }

    fn live(&self) -> usize {
        let mut live = self.connections.lock().expect("lock");
        live.retain(|task| !task.is_finished());
        live.len()
    }

    /// Drop every live connection, as a network failure would.
    fn cut(&self) -> usize {
        let mut live = self.connections.lock().expect("lock");
        let n = live.len();
        for task in live.drain(..) {
            task.abort();
        }
        n
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.accept.abort();
        self.cut();
    }
}

/// `amqp://user:pass@host:port/vhost` → (`host:port`, URL with `addr` in its place).
fn split_amqp(url: &str, addr: SocketAddr) -> (String, String) {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority_end = after_scheme.find('/').unwrap_or(after_scheme.len());
    let authority = &after_scheme[..authority_end];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, hp)| hp);
    let host_port = if host_port.contains(':') {
        host_port.to_owned()
    } else {
        format!("{host_port}:5672")
    };
    let proxied = url.replacen(
        authority,
        &authority.replacen(
            authority.rsplit_once('@').map_or(authority, |(_, hp)| hp),
            &addr.to_string(),
            1,
        ),
        1,
    );
    (host_port, proxied)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn workers_recover_from_a_cut_broker_connection_without_losing_or_doubling() {
    let direct = amqp_url();
    let placeholder: SocketAddr = "127.0.0.1:1".parse().expect("addr");
    let (upstream, _) = split_amqp(&direct, placeholder);
    let proxy = Proxy::start(upstream).await;
    let (_, proxied) = split_amqp(&direct, proxy.addr);
    let mut settings = test_settings(&proxied);
    settings.batch_size = 20;
    settings.prefetch = 40;
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let mut app = spawn_app_with(settings).await;

    let run = uuid::Uuid::new_v4().simple().to_string();
    let docs: Vec<_> = (0..1500)
        .map(|seq| mottak_pipeline::messages::RawDocument {
            document_id: mottak_pipeline::new_document_id(),
            channel: mottak_pipeline::messages::Channel::Ehf,
            source_name: Some(format!("synthetic-{seq}")),
            ingested_us: mottak_pipeline::now_us(),
            bytes: synthetic::invoice(
                &run[..8],
                seq,
                "931235184",
                "Digitools AS",
                Spec {
                    lines: 5,
                    attachment_kb: 0,
                },
            ),
        })
        .collect();
    let ids: Vec<String> = docs.iter().map(|d| d.document_id.clone()).collect();
    app.publish_raw(&docs).await;

    // Cut the workers' connections while they are busy, let them recover, cut again.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    let posted_at_cut = loop {
        let posted = app.posted().await;
        if posted > 0 {
            break posted;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "nothing posted within 30 s"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    assert!(
        posted_at_cut < ids.len() as i64,
        "the cut must come while invoices are in flight"
    );
    for round in 0..2 {
        let cut = proxy.cut();
        assert!(
            cut >= 3,
            "round {round}: the workers were connected through the proxy ({cut})"
        );
        // lapin's recovery reconnects through the proxy, which still accepts; wait until the
        // workers are posting again before the next cut.
        let before = app.posted().await;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        loop {
            let posted = app.posted().await;
            if (posted > before && proxy.live() >= 3) || posted == ids.len() as i64 {
                break;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "workers did not resume within 60 s"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    let rows = app.wait_until_settled(&ids, Duration::from_secs(120)).await;
    assert!(
        rows.iter().all(|r| r.state == DocState::Posted),
        "every invoice posted: {:?}",
        rows.iter()
            .filter(|r| r.state != DocState::Posted)
            .map(|r| (&r.source_name, r.state))
            .collect::<Vec<_>>()
    );
    let entries = app.store.entries_per_document().await.expect("entries");
    assert_eq!(entries.len(), ids.len(), "one entry per invoice");
    assert!(entries.iter().all(|(_, n)| *n == 1), "none posted twice");
    assert_eq!(app.ledger_balance().await, 0);
    app.teardown().await;
}

#[test]
fn proxy_url_rewriting() {
    let addr: SocketAddr = "127.0.0.1:40000".parse().expect("addr");
    let (up, proxied) = split_amqp("amqp://guest:guest@127.0.0.1:5672/%2f", addr);
    assert_eq!(up, "127.0.0.1:5672");
    assert_eq!(proxied, "amqp://guest:guest@127.0.0.1:40000/%2f");
}
