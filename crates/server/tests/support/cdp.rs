//! Headless Chromium driven over the DevTools protocol through a pipe (`--remote-debugging-pipe`:
//! the browser reads commands on its fd 3 and writes replies and events on fd 4, each message
//! JSON ended by a NUL). No WebDriver, no WebSocket, no crate beyond `libc` for the two `dup2`s.

use std::io::{BufRead, BufReader, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(30);

/// Chromium, if it can be had: `PARALLAX_CHROMIUM`, else Debian's `chromium` on the path.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PARALLAX_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

pub struct Browser {
    child: Child,
    to_browser: std::io::PipeWriter,
    from_browser: Receiver<Value>,
    next_id: u64,
    session: String,
    /// Events received and not yet asked for, in order.
    pub events: Vec<Value>,
    profile: PathBuf,
}

impl Browser {
    /// Start headless Chromium with a fresh profile and open one tab.
    pub fn launch(chromium: &Path, profile: &Path) -> std::io::Result<Browser> {
        let (browser_reads, to_browser) = std::io::pipe()?;
        let (from_browser, browser_writes) = std::io::pipe()?;
        let (r, w) = (browser_reads.as_raw_fd(), browser_writes.as_raw_fd());
        let mut cmd = Command::new(chromium);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--remote-debugging-pipe",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        // SAFETY: between fork and exec only async-signal-safe calls (fcntl, dup2) on fds this
        // process owns: the pipe ends move out of the way of 3 and 4, then onto them.
        unsafe {
            cmd.pre_exec(move || {
                let r2 = libc::fcntl(r, libc::F_DUPFD, 10);
                let w2 = libc::fcntl(w, libc::F_DUPFD, 10);
                if r2 < 0 || w2 < 0 || libc::dup2(r2, 3) < 0 || libc::dup2(w2, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn()?;
        drop((browser_reads, browser_writes));
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(from_browser);
            let mut buf = Vec::new();
            while matches!(reader.read_until(0, &mut buf), Ok(n) if n > 0) {
                buf.pop_if(|b| *b == 0);
                if let Ok(v) = serde_json::from_slice::<Value>(&buf) {
                    if tx.send(v).is_err() {
                        break;
                    }
                }
                buf.clear();
            }
        });
        let mut b = Browser {
            child,
            to_browser,
            from_browser: rx,
            next_id: 0,
            session: String::new(),
            events: Vec::new(),
            profile: profile.to_path_buf(),
        };
        let target = b.browser_call("Target.createTarget", json!({"url": "about:blank"}))?;
        let target = target["targetId"].as_str().unwrap_or_default().to_string();
        let attached = b.browser_call(
            "Target.attachToTarget",
            json!({"targetId": target, "flatten": true}),
        )?;
        b.session = attached["sessionId"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
            b.call(domain, json!({}))?;
        }
        Ok(b)
    }

    fn send(&mut self, method: &str, params: Value, session: bool) -> std::io::Result<Value> {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if session {
            msg["sessionId"] = json!(self.session);
        }
        let mut bytes = serde_json::to_vec(&msg)?;
        bytes.push(0);
        self.to_browser.write_all(&bytes)?;
        let m = self.receive(&format!("no answer to {method}"), |m| {
            m["id"].as_u64() == Some(id)
        })?;
        if let Some(e) = m.get("error") {
            return Err(std::io::Error::other(format!("{method}: {e}")));
        }
        Ok(m["result"].clone())
    }

    /// The next message from the browser that `wanted` accepts, within [`WAIT`]; the others are
    /// kept as events. `missing` says what did not come.
    fn receive(
        &mut self,
        missing: &str,
        wanted: impl Fn(&Value) -> bool,
    ) -> std::io::Result<Value> {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self
                .from_browser
                .recv_timeout(left)
                .map_err(|_| std::io::Error::other(missing.to_string()))?;
            if wanted(&m) {
                return Ok(m);
            }
            self.events.push(m);
        }
    }

    fn browser_call(&mut self, method: &str, params: Value) -> std::io::Result<Value> {
        self.send(method, params, false)
    }

    /// A command to the tab.
    pub fn call(&mut self, method: &str, params: Value) -> std::io::Result<Value> {
        self.send(method, params, true)
    }

    /// Wait for an event of the tab (one already received counts), and take it.
    pub fn wait_for(&mut self, method: &str) -> std::io::Result<Value> {
        if let Some(k) = self.events.iter().position(|e| e["method"] == method) {
            return Ok(self.events.remove(k));
        }
        self.receive(&format!("no {method}"), |m| m["method"] == method)
    }

    /// Events of this kind received so far.
    pub fn seen(&self, method: &str) -> Vec<&Value> {
        self.events
            .iter()
            .filter(|e| e["method"] == method)
            .collect()
    }

    /// Open `url` and wait until it has loaded.
    pub fn open(&mut self, url: &str) -> std::io::Result<()> {
        self.events.retain(|e| e["method"] != "Page.loadEventFired");
        self.call("Page.navigate", json!({"url": url}))?;
        self.wait_for("Page.loadEventFired").map(|_| ())
    }

    /// The value of a JavaScript expression in the page.
    pub fn eval(&mut self, expression: &str) -> std::io::Result<Value> {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true}),
        )?;
        if let Some(e) = r.get("exceptionDetails") {
            return Err(std::io::Error::other(format!("{expression}: {e}")));
        }
        Ok(r["result"]["value"].clone())
    }

    /// Click the middle of the first element matching `selector`, as a mouse would, and wait
    /// for the page it opens.
    pub fn click_to_load(&mut self, selector: &str) -> std::io::Result<()> {
        let js = format!(
            "(() => {{ const e = document.querySelector({sel}); e.scrollIntoView({{block: 'center'}}); \
             const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()",
            sel = serde_json::to_string(selector)?
        );
        let at = self.eval(&js)?;
        let (x, y) = (at[0].as_f64().unwrap_or(0.0), at[1].as_f64().unwrap_or(0.0));
        self.events.retain(|e| e["method"] != "Page.loadEventFired");
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            )?;
        }
        self.wait_for("Page.loadEventFired").map(|_| ())
    }

    /// Press a key (as `Tab` or `/`) on the focused element.
    pub fn press(&mut self, key: &str, code: &str, key_code: u32) -> std::io::Result<()> {
        let text = match key {
            "Enter" => "\r",
            k if k.chars().count() == 1 => k,
            _ => "",
        };
        for kind in ["keyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({"type": kind, "key": key, "code": code, "text": text,
                       "windowsVirtualKeyCode": key_code}),
            )?;
        }
        Ok(())
    }

    /// Set the viewport's width (and whether it is a phone).
    pub fn viewport(&mut self, width: u32, height: u32, mobile: bool) -> std::io::Result<()> {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}),
        )
        .map(|_| ())
    }

    /// A PNG of the whole page (at most `max_height` pixels tall) at the current width.
    pub fn screenshot(&mut self, max_height: u32) -> std::io::Result<Vec<u8>> {
        let height = self.eval("document.documentElement.scrollHeight")?;
        let width = self.eval("window.innerWidth")?;
        let height = (height.as_u64().unwrap_or(800) as u32).min(max_height);
        let width = width.as_u64().unwrap_or(1280) as u32;
        let shot = self.call(
            "Page.captureScreenshot",
            json!({"format": "png", "captureBeyondViewport": true,
                   "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}}),
        )?;
        base64(shot["data"].as_str().unwrap_or_default())
            .ok_or_else(|| std::io::Error::other("bad base64 from the browser"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.browser_call("Browser.close", json!({}));
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Standard base64 to bytes.
fn base64(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let data: Vec<u8> = chunk.iter().copied().filter(|&b| b != b'=').collect();
        let mut n = 0u32;
        for (i, &c) in data.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..data.len().saturating_sub(1)]);
    }
    Some(out)
}

#[test]
fn base64_decodes() {
    assert_eq!(base64("aGVsbG8=").unwrap(), b"hello");
    assert_eq!(base64("aGk=").unwrap(), b"hi");
    assert_eq!(base64("YWJj").unwrap(), b"abc");
}
