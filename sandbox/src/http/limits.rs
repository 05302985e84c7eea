//! Bounds on what one client can hold: the time to send a request's head, the
//! silence allowed inside a body, the uploads stored at once, a session's lifetime.

use std::future::Future as _;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use http_body::{Frame, SizeHint};

use super::error::ApiErr;

/// The bounds a sandbox runs with; tests shorten them.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Time a client has to send a request's line and headers; also how long a
    /// kept-alive connection may stay idle between two requests.
    pub header_read: Duration,
    /// Longest silence inside a request body: then the request is answered 408
    /// and the connection closed.
    pub body_idle: Duration,
    /// The slowest a body may arrive once it has started: slower, the request is
    /// answered 408 and the connection closed, so that a body dripping a byte
    /// now and then cannot hold a place for as long as it likes.
    pub body_min_rate: MinRate,
    /// Uploads received at once, all accounts together; one more is answered 503.
    pub uploads: usize,
    /// Uploads received at once for one account; one more is answered 503, so
    /// that one account cannot take every place.
    pub uploads_per_account: usize,
    /// How long a session lasts from its sign-in.
    pub session: chrono::Duration,
    /// CPU work done at once (a PDF drawn, an upload parsed), off the threads
    /// that answer requests; one core is left to the other routes, so that an
    /// account downloading forms in a loop, or sending files that take long to
    /// parse, does not slow the others.
    pub cpu_work: usize,
}

impl Default for Limits {
    /// Values no real user meets: a browser sends a request's head at once and
    /// a body without pauses of seconds.
    fn default() -> Limits {
        Limits {
            header_read: Duration::from_secs(10),
            body_idle: Duration::from_secs(30),
            // 8 KB/s: a phone's slowest upstream sends a form or a scan faster.
            body_min_rate: MinRate {
                bytes: 80 * 1024,
                window: Duration::from_secs(10),
            },
            uploads: 8,
            uploads_per_account: 4,
            // A fixed lifetime rather than one renewed by activity: every API read
            // stays a pure read (no write to the sessions table per request), and
            // a working day covers a demo; signing in again takes one link.
            session: chrono::Duration::hours(12),
            cpu_work: std::thread::available_parallelism()
                .map_or(1, |n| n.get().saturating_sub(1))
                .max(1),
        }
    }
}

/// A body that sent nothing for [`Limits::body_idle`].
#[derive(Debug)]
pub struct BodyTimeout(pub Duration);

impl std::fmt::Display for BodyTimeout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "nothing of the request body arrived for {:?}", self.0)
    }
}

impl std::error::Error for BodyTimeout {}

/// At least `bytes` of a body in every `window` from its first read.
#[derive(Clone, Copy, Debug)]
pub struct MinRate {
    pub bytes: u64,
    pub window: Duration,
}

/// A body that arrived slower than its [`MinRate`].
#[derive(Debug)]
pub struct BodyTooSlow(pub MinRate);

impl std::fmt::Display for BodyTooSlow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the request body arrived slower than {} bytes in {:?}",
            self.0.bytes, self.0.window
        )
    }
}

impl std::error::Error for BodyTooSlow {}

/// A request body that fails with [`BodyTimeout`] when no frame arrives for
/// `idle`, and with [`BodyTooSlow`] when fewer than `min_rate.bytes` arrived in a
/// window of `min_rate.window`. The clocks run from the handler's first read.
pub struct IdleBody {
    inner: Body,
    idle: Duration,
    timer: Option<Pin<Box<tokio::time::Sleep>>>,
    timed_out: bool,
    min_rate: Option<MinRate>,
    /// The current window's start, and the bytes received in it.
    window: Option<(tokio::time::Instant, u64)>,
}

impl IdleBody {
    pub fn new(inner: Body, idle: Duration) -> IdleBody {
        IdleBody {
            inner,
            idle,
            timer: None,
            timed_out: false,
            min_rate: None,
            window: None,
        }
    }

    /// With a minimum rate as well.
    pub fn with_min_rate(inner: Body, idle: Duration, min_rate: MinRate) -> IdleBody {
        IdleBody {
            min_rate: Some(min_rate),
            ..IdleBody::new(inner, idle)
        }
    }

    /// Counts `len` bytes received; whether the body is now too slow.
    fn too_slow(&mut self, len: usize) -> bool {
        let (Some(rate), Some((start, bytes))) = (self.min_rate, self.window.as_mut()) else {
            return false;
        };
        *bytes += len as u64;
        if start.elapsed() < rate.window {
            return false;
        }
        if *bytes < rate.bytes {
            return true;
        }
        self.window = Some((tokio::time::Instant::now(), 0));
        false
    }
}

impl http_body::Body for IdleBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = &mut *self;
        if this.timed_out {
            return Poll::Ready(None);
        }
        this.window
            .get_or_insert_with(|| (tokio::time::Instant::now(), 0));
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(frame) => {
                this.timer = None;
                let len = match &frame {
                    Some(Ok(f)) => f.data_ref().map_or(0, |d| d.len()),
                    _ => 0,
                };
                if len > 0 && this.too_slow(len) {
                    this.timed_out = true;
                    let rate = this.min_rate.unwrap_or(MinRate {
                        bytes: 0,
                        window: Duration::ZERO,
                    });
                    return Poll::Ready(Some(Err(axum::Error::new(BodyTooSlow(rate)))));
                }
                Poll::Ready(frame)
            }
            Poll::Pending => {
                let idle = this.idle;
                let timer = this
                    .timer
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep(idle)));
                if timer.as_mut().poll(cx).is_ready() {
                    this.timed_out = true;
                    this.timer = None;
                    return Poll::Ready(Some(Err(axum::Error::new(BodyTimeout(idle)))));
                }
                Poll::Pending
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.timed_out || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// Middleware: every request body gets the idle timeout and the minimum rate.
pub async fn idle_bodies(
    State((idle, min_rate)): State<(Duration, MinRate)>,
    req: Request,
) -> Request {
    req.map(|body| Body::new(IdleBody::with_min_rate(body, idle, min_rate)))
}

/// How much of a refused body is read before the connection is cut: twice the
/// upload limit, so that a file just over the limit (the 11 MB scan of a 10 MB
/// limit) gets its 413 rather than a reset connection, whatever the machine's
/// socket buffers hold.
pub const DRAIN_REFUSED_BYTES: u64 = 2 * mandat_model::mandate::MAX_UPLOAD_BYTES;

/// Reads what is left of a refused body, `read` bytes of which were already read,
/// until more than [`DRAIN_REFUSED_BYTES`] have come: a client still sending such
/// a body gets the error response rather than a reset connection; a larger one
/// is cut off there (the connection is closed once the answer is sent), whatever
/// its `Content-Length` said. Serves the refused uploads and the fault mode's 503s.
pub async fn drain_refused(stream: &mut axum::body::BodyDataStream, mut read: u64) {
    use futures_util::StreamExt as _;
    while read <= DRAIN_REFUSED_BYTES {
        match stream.next().await {
            Some(Ok(chunk)) => read += chunk.len() as u64,
            _ => break,
        }
    }
}

/// Whether a body read failed because the client went silent, or sent too slowly.
pub fn is_body_timeout(e: &axum::Error) -> bool {
    caused_by::<BodyTimeout>(e) || caused_by::<BodyTooSlow>(e)
}

/// Whether a body read stopped at the reader's length limit (the body is too
/// large), rather than failing (cut short, or silent).
pub fn is_length_limit(e: &axum::Error) -> bool {
    caused_by::<http_body_util::LengthLimitError>(e)
}

fn caused_by<E: std::error::Error + 'static>(e: &axum::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if c.is::<E>() {
            return true;
        }
        cause = c.source();
    }
    false
}

/// The answer to a body that could not be read: 408 when the client went
/// silent, else 400 with `interrupted`.
pub fn body_error(e: &axum::Error, interrupted: &str) -> ApiErr {
    if is_body_timeout(e) {
        ApiErr::request_timeout(e.to_string())
    } else {
        ApiErr::bad_request(interrupted.to_string())
    }
}
