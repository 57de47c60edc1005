//! What stands between matasks and the API in real networks: a private CA's
//! certificates, an HTTP proxy (forwarding plain requests, tunnelling with CONNECT), and
//! a network that takes its time: a proxy that delays what it carries by a round trip.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A CA of its own and a server certificate it signed for 127.0.0.1 and localhost.
pub struct TestCa {
    /// The CA certificate, PEM: what `--ca-bundle` is given.
    pub ca_pem: String,
    pub server: Arc<rustls::ServerConfig>,
}

impl TestCa {
    /// The server's configuration, offering HTTP/2 besides HTTP/1.1 (ALPN), as the
    /// service's gateway may.
    pub fn offering_http2(&self) -> Arc<rustls::ServerConfig> {
        let mut config = (*self.server).clone();
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Arc::new(config)
    }

    pub fn generate() -> TestCa {
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params.key_usages = vec![
            rcgen::KeyUsagePurpose::KeyCertSign,
            rcgen::KeyUsagePurpose::DigitalSignature,
        ];
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "matasks test CA");
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let ca_cert = ca_params.self_signed(&ca_key).unwrap();
        let issuer = rcgen::Issuer::new(ca_params, ca_key);

        let leaf_params =
            rcgen::CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
                .unwrap();
        let leaf_key = rcgen::KeyPair::generate().unwrap();
        let leaf = leaf_params.signed_by(&leaf_key, &issuer).unwrap();

        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der()));
        let chain = vec![CertificateDer::from(leaf.der().to_vec())];
        let server = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .unwrap();
        TestCa {
            ca_pem: ca_cert.pem(),
            server: Arc::new(server),
        }
    }
}

/// An HTTP proxy on 127.0.0.1: `CONNECT host:port` opens a tunnel; any other request
/// (absolute-form, as clients send through a proxy) is passed on as it came. Each
/// request line is logged.
pub struct Proxy {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
    _runtime: tokio::runtime::Runtime,
}

impl Proxy {
    pub fn start() -> Proxy {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let logged = log.clone();
        runtime.spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    continue;
                };
                let log = logged.clone();
                tokio::spawn(async move {
                    let _ = relay(client, log).await;
                });
            }
        });
        Proxy {
            addr,
            log,
            _runtime: runtime,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The request lines the proxy saw: `CONNECT 127.0.0.1:4443 HTTP/1.1`, ...
    pub fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

async fn relay(
    mut client: tokio::net::TcpStream,
    log: Arc<Mutex<Vec<String>>>,
) -> std::io::Result<()> {
    // The request head, byte by byte: what follows it belongs to the tunnel.
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        let mut byte = [0u8; 1];
        if client.read(&mut byte).await? == 0 {
            return Ok(());
        }
        head.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let line = text.lines().next().unwrap_or_default().to_string();
    log.lock().unwrap().push(line.clone());
    let mut words = line.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    if method == "CONNECT" {
        let mut upstream = tokio::net::TcpStream::connect(target).await?;
        client
            .write_all(b"HTTP/1.1 200 Connection Established\r\n\r\n")
            .await?;
        tokio::io::copy_bidirectional(&mut client, &mut upstream).await?;
    } else {
        let authority = target
            .strip_prefix("http://")
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_default();
        let mut upstream = tokio::net::TcpStream::connect(authority).await?;
        upstream.write_all(&head).await?;
        tokio::io::copy_bidirectional(&mut client, &mut upstream).await?;
    }
    Ok(())
}

/// An address that accepts no more connections: a listener whose backlog is full, so
/// that connecting waits until the client gives up.
pub struct FullBacklog {
    pub addr: SocketAddr,
    _listener: std::net::TcpListener,
    _queued: std::net::TcpStream,
}

impl FullBacklog {
    pub fn open() -> FullBacklog {
        use std::os::fd::FromRawFd;
        // SAFETY: plain socket calls on a descriptor owned here, handed to std at once.
        let listener = unsafe {
            let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
            assert!(fd >= 0);
            let mut addr: libc::sockaddr_in = std::mem::zeroed();
            addr.sin_family = libc::AF_INET as libc::sa_family_t;
            addr.sin_addr.s_addr = u32::from_ne_bytes([127, 0, 0, 1]);
            let len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
            assert_eq!(
                libc::bind(fd, &addr as *const _ as *const libc::sockaddr, len),
                0
            );
            // The smallest queue; the one connection below fills it.
            assert_eq!(libc::listen(fd, 0), 0);
            std::net::TcpListener::from_raw_fd(fd)
        };
        let addr = listener.local_addr().unwrap();
        let queued = std::net::TcpStream::connect(addr).unwrap();
        FullBacklog {
            addr,
            _listener: listener,
            _queued: queued,
        }
    }
}

/// A TCP proxy on 127.0.0.1 that puts a modelled network between a client and
/// `upstream`: every chunk read from either side reaches the other half a round trip
/// later, and the first bytes a client sends on a new connection one round trip more,
/// standing for the TCP handshake that loopback completes at once (a client sends its
/// first bytes, a TLS ClientHello or a request, as soon as it is connected).
///
/// Each direction of each connection has a thread that reads and one that writes, with
/// a queue of chunks between them, each with the time it is due: chunks are in flight
/// together, in both directions and on every connection at once, each delivered in
/// order when due. The writer sleeps with the system's timer (tens of microseconds
/// late) rather than an async runtime's, whose millisecond ticks would add a
/// millisecond or so to every hop. Bandwidth, loss and TCP's slow start are not
/// modelled: a chunk of any size takes half a round trip.
pub struct DelayingProxy {
    addr: SocketAddr,
    rtt: Duration,
    stopping: Arc<AtomicBool>,
    accepting: Option<std::thread::JoinHandle<()>>,
}

impl DelayingProxy {
    pub fn start(upstream: SocketAddr, rtt: Duration) -> DelayingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = stopping.clone();
        let accepting = std::thread::spawn(move || {
            for client in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                std::thread::spawn(move || {
                    let _ = carry(client, upstream, rtt);
                });
            }
        });
        DelayingProxy {
            addr,
            rtt,
            stopping,
            accepting: Some(accepting),
        }
    }

    /// Where clients connect: `https://{addr}` in front of a server serving https.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn rtt(&self) -> Duration {
        self.rtt
    }
}

impl Drop for DelayingProxy {
    /// Stops accepting; connections open go on until their ends close them.
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which sees it is to stop.
        let _ = TcpStream::connect(self.addr);
        if let Some(accepting) = self.accepting.take() {
            let _ = accepting.join();
        }
    }
}

/// When each chunk of one direction of a connection is due at the other end.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Schedule {
    /// Half the round trip: what every chunk takes.
    one_way: Duration,
    /// Added to the first chunk: the handshake before anything can be sent.
    handshake: Duration,
    /// When the last chunk was due; none is due before it.
    last_due: Option<Instant>,
}

impl Schedule {
    /// Client to server: half a round trip, and one more round trip for the first chunk.
    pub(crate) fn client_to_server(rtt: Duration) -> Schedule {
        Schedule {
            one_way: rtt / 2,
            handshake: rtt,
            last_due: None,
        }
    }

    /// Server to client: half a round trip.
    pub(crate) fn server_to_client(rtt: Duration) -> Schedule {
        Schedule {
            one_way: rtt / 2,
            handshake: Duration::ZERO,
            last_due: None,
        }
    }

    /// When a chunk read at `read_at` is due at the other end.
    pub(crate) fn due(&mut self, read_at: Instant) -> Instant {
        let mut due = read_at + self.one_way;
        match self.last_due {
            None => due += self.handshake,
            Some(last) => due = due.max(last),
        }
        self.last_due = Some(due);
        due
    }
}

fn carry(client: TcpStream, upstream: SocketAddr, rtt: Duration) -> std::io::Result<()> {
    let server = TcpStream::connect(upstream)?;
    // Small writes (a TLS record, a request) go out at once, when they are due.
    client.set_nodelay(true)?;
    server.set_nodelay(true)?;
    let up = {
        let (from, to) = (client.try_clone()?, server.try_clone()?);
        std::thread::spawn(move || one_way(from, to, Schedule::client_to_server(rtt)))
    };
    one_way(server, client, Schedule::server_to_client(rtt));
    let _ = up.join();
    Ok(())
}

/// Carry `from`'s bytes to `to`, each chunk when `schedule` says it is due; the end of
/// `from` is passed on (as a shutdown of `to`'s writing) when due too. Reading goes on
/// while earlier chunks wait, so that their waits overlap.
fn one_way(mut from: TcpStream, mut to: TcpStream, mut schedule: Schedule) {
    // `None` is the end of the stream.
    let (queue, queued) = std::sync::mpsc::channel::<(Instant, Option<Vec<u8>>)>();
    let source = from.try_clone();
    let reading = std::thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = from.read(&mut buf).unwrap_or(0);
            let due = schedule.due(Instant::now());
            let chunk = (n > 0).then(|| buf[..n].to_vec());
            if queue.send((due, chunk)).is_err() || n == 0 {
                break;
            }
        }
    });
    for (due, chunk) in queued {
        let now = Instant::now();
        if due > now {
            std::thread::sleep(due - now);
        }
        let Some(chunk) = chunk else {
            let _ = to.shutdown(Shutdown::Write);
            break;
        };
        if to.write_all(&chunk).is_err() {
            // Nobody to deliver to: stop reading too.
            if let Ok(source) = &source {
                let _ = source.shutdown(Shutdown::Read);
            }
            break;
        }
    }
    let _ = reading.join();
}
