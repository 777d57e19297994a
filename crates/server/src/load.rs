//! A small load generator for `parallax bench --serve`: keep-alive HTTP/1.1 GETs from a number
//! of connections, bounded both in requests and in time, timing each response. It speaks only
//! to the address it is given (the benchmark gives it the loopback server it started).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One measurement: which paths (taken in turn), from how many connections, for how long.
#[derive(Debug, Clone)]
pub struct Load {
    pub paths: Vec<String>,
    pub connections: usize,
    pub max_requests: usize,
    pub max_time: Duration,
}

#[derive(Debug, Clone, Default)]
pub struct Measured {
    pub requests: usize,
    /// Responses other than 200, and broken connections.
    pub failures: usize,
    pub seconds: f64,
    pub bytes: u64,
    latencies_ms: Vec<f64>,
}

impl Measured {
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.seconds.max(1e-9)
    }

    /// The latency below which a share `q` (0–1) of the responses came, in milliseconds.
    pub fn percentile(&self, q: f64) -> f64 {
        if self.latencies_ms.is_empty() {
            return 0.0;
        }
        let k = ((self.latencies_ms.len() as f64 * q).ceil() as usize)
            .clamp(1, self.latencies_ms.len());
        self.latencies_ms[k - 1]
    }
}

/// Run the load against `addr` and wait for it (on a runtime of its own, one thread, as a
/// separate client process would be).
pub fn run(addr: SocketAddr, load: &Load) -> std::io::Result<Measured> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(drive(addr, load.clone()))
}

async fn drive(addr: SocketAddr, load: Load) -> std::io::Result<Measured> {
    let next = Arc::new(AtomicUsize::new(0));
    let results = Arc::new(Mutex::new(Measured::default()));
    let started = Instant::now();
    let deadline = started + load.max_time;
    let load = Arc::new(load);
    let mut tasks = Vec::new();
    for _ in 0..load.connections.max(1) {
        let (next, results, load) = (next.clone(), results.clone(), load.clone());
        tasks.push(tokio::spawn(async move {
            let mut conn: Option<BufReader<TcpStream>> = None;
            let mut mine = Measured::default();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= load.max_requests || Instant::now() >= deadline {
                    break;
                }
                let path = &load.paths[i % load.paths.len()];
                let t = Instant::now();
                match get(&mut conn, addr, path).await {
                    Ok((200, n)) => {
                        mine.bytes += n as u64;
                        mine.latencies_ms.push(t.elapsed().as_secs_f64() * 1000.0);
                    }
                    Ok(_) => mine.failures += 1,
                    Err(_) => {
                        mine.failures += 1;
                        conn = None;
                    }
                }
                mine.requests += 1;
            }
            let mut all = results.lock().unwrap_or_else(|e| e.into_inner());
            all.requests += mine.requests;
            all.failures += mine.failures;
            all.bytes += mine.bytes;
            all.latencies_ms.extend(mine.latencies_ms);
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let mut out = std::mem::take(&mut *results.lock().unwrap_or_else(|e| e.into_inner()));
    out.seconds = started.elapsed().as_secs_f64();
    out.latencies_ms.sort_by(f64::total_cmp);
    Ok(out)
}

/// One GET on the connection (opened when there is none): the status and the body's length.
async fn get(
    conn: &mut Option<BufReader<TcpStream>>,
    addr: SocketAddr,
    path: &str,
) -> std::io::Result<(u16, usize)> {
    if conn.is_none() {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        *conn = Some(BufReader::new(stream));
    }
    let Some(c) = conn.as_mut() else {
        return Err(std::io::Error::other("no connection"));
    };
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: parallax-bench\r\n\r\n");
    c.get_mut().write_all(request.as_bytes()).await?;
    let mut line = String::new();
    c.read_line(&mut line).await?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut length = None;
    loop {
        line.clear();
        if c.read_line(&mut line).await? == 0 {
            return Err(std::io::Error::other("connection closed"));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let length = length.ok_or_else(|| std::io::Error::other("no content-length"))?;
    let mut body = vec![0u8; length];
    c.read_exact(&mut body).await?;
    Ok((status, length))
}
