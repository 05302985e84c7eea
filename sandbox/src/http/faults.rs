//! Fault mode: added latency, a share of `/api` requests answered 503, and a share
//! whose connection is closed without a response, so that the app's retries can be
//! tested against a misbehaving API. Those two are decided before the handler runs,
//! so such a faulted request never changes any state. A third share is handled,
//! its changes committed, and then its answer lost (the connection closed or a
//! 502 instead): the case `Idempotency-Key` exists for, where the client cannot
//! know whether its request was applied. `/sandbox` routes and static files are
//! never faulted. Draws are deterministic for a given seed (`--fault-seed`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiErr;
use super::{guard, limits};

/// What the fault flags ask for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FaultConfig {
    /// Added to every `/api` request, faulted or not.
    pub latency_ms: u64,
    /// Share (0 to 1) of `/api` requests answered 503.
    pub fail_rate: f64,
    /// Share (0 to 1) of `/api` requests whose connection is closed without a response.
    pub drop_rate: f64,
    /// Share (0 to 1) of the `/api` requests that change something (not GET, HEAD
    /// nor OPTIONS) handled and committed, whose answer is then lost: half of them
    /// by a closed connection, half by a 502.
    pub lose_rate: f64,
    /// Seed of the draws; a random one when absent.
    pub seed: Option<u64>,
}

impl FaultConfig {
    pub fn is_active(&self) -> bool {
        self.latency_ms > 0 || self.fail_rate > 0.0 || self.drop_rate > 0.0 || self.lose_rate > 0.0
    }

    /// A rate as typed on the command line: a number from 0 to 1.
    pub fn parse_rate(flag: &str, value: &str) -> Result<f64, String> {
        value
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|r| (0.0..=1.0).contains(r))
            .ok_or_else(|| format!("{flag}: not a rate from 0 to 1: {value}"))
    }
}

/// What happens to one `/api` request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Handled normally.
    None,
    /// Answered 503 with an `ErrorBody`, the handler not run.
    Fail,
    /// Connection closed without a response, the handler not run.
    Drop,
    /// Handled and committed, then the answer lost: the connection closed
    /// (`close`), or a 502 instead of the answer.
    Lose { close: bool },
}

/// The fault mode of a running sandbox.
#[derive(Debug)]
pub struct Faults {
    pub config: FaultConfig,
    seed: u64,
    draws: AtomicU64,
    failed: AtomicU64,
    dropped: AtomicU64,
    lost: AtomicU64,
    /// Draws of lost answers, one per request that changes something and was
    /// neither dropped nor failed: the k-th such request's fate depends only on
    /// the seed and k, whatever reads came between.
    writes: AtomicU64,
}

/// SplitMix64: one well-mixed 64-bit value per input.
fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A uniform draw in [0, 1).
fn unit(x: u64) -> f64 {
    (x >> 11) as f64 / (1u64 << 53) as f64
}

impl Faults {
    pub fn new(config: FaultConfig) -> Faults {
        let seed = config.seed.unwrap_or_else(|| {
            let mut buf = [0u8; 8];
            let _ = getrandom::fill(&mut buf);
            u64::from_le_bytes(buf)
        });
        Faults {
            config,
            seed,
            draws: AtomicU64::new(0),
            failed: AtomicU64::new(0),
            dropped: AtomicU64::new(0),
            lost: AtomicU64::new(0),
            writes: AtomicU64::new(0),
        }
    }

    /// The seed in use (the one given, or the random one drawn).
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Requests answered 503 and connections dropped so far.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.failed.load(Ordering::Relaxed),
            self.dropped.load(Ordering::Relaxed),
        )
    }

    /// Starts the draws and the counts again, as at start-up (`POST /sandbox/reset`).
    pub fn restart(&self) {
        for counter in [
            &self.draws,
            &self.failed,
            &self.dropped,
            &self.lost,
            &self.writes,
        ] {
            counter.store(0, Ordering::Relaxed);
        }
    }

    /// Answers lost after their request was applied, so far.
    pub fn lost(&self) -> u64 {
        self.lost.load(Ordering::Relaxed)
    }

    /// The fate of the next request (`changes`: it is not a GET, HEAD or OPTIONS):
    /// the n-th draw depends only on the seed and n (adding a lose rate leaves the
    /// drops and failures of a seed as they were).
    pub fn decide(&self, changes: bool) -> Fault {
        let c = &self.config;
        if c.fail_rate <= 0.0 && c.drop_rate <= 0.0 && c.lose_rate <= 0.0 {
            return Fault::None;
        }
        let n = self.draws.fetch_add(1, Ordering::Relaxed);
        let base = splitmix64(self.seed ^ splitmix64(n));
        if unit(base) < c.drop_rate {
            self.dropped.fetch_add(1, Ordering::Relaxed);
            Fault::Drop
        } else if unit(splitmix64(base)) < c.fail_rate {
            self.failed.fetch_add(1, Ordering::Relaxed);
            Fault::Fail
        } else if changes && c.lose_rate > 0.0 {
            let k = self.writes.fetch_add(1, Ordering::Relaxed);
            let draw = splitmix64(splitmix64(self.seed).wrapping_add(k));
            if unit(draw) < c.lose_rate {
                self.lost.fetch_add(1, Ordering::Relaxed);
                Fault::Lose {
                    close: splitmix64(draw) & 1 == 0,
                }
            } else {
                Fault::None
            }
        } else {
            Fault::None
        }
    }
}

/// The answer to a request failed on purpose.
pub fn unavailable() -> Response {
    super::error::unavailable(
        "the sandbox's fault mode failed this request on purpose (--fail-rate); try again",
    )
}

/// The answer in place of one lost after its request was applied.
pub fn bad_gateway() -> Response {
    ApiErr::new(
        StatusCode::BAD_GATEWAY,
        "Server::BadGateway",
        "the sandbox's fault mode lost this answer after applying the request (--lose-rate); \
         ask again: a payment sent with the same Idempotency-Key gets its answer replayed",
    )
    .into_response()
}

/// Middleware of `/api`: latency, then the draw, before the handler.
pub async fn inject(
    State(faults): State<std::sync::Arc<Faults>>,
    req: Request,
    next: Next,
) -> Response {
    if faults.config.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(faults.config.latency_ms)).await;
    }
    match faults.decide(guard::changes_state(req.method())) {
        Fault::None => next.run(req).await,
        Fault::Fail => {
            // Its body read as any refused one, so that a browser still sending an
            // upload reads the 503 rather than a reset connection.
            limits::drain_refused(&mut req.into_body().into_data_stream(), 0).await;
            unavailable()
        }
        Fault::Drop => drop_connection(),
        Fault::Lose { close } => {
            // The handler runs to its end, its changes committed; only then is its
            // answer thrown away.
            drop(next.run(req).await);
            // Where a connection cannot be dropped (`panic = "abort"`), a 502
            // rather than drop_connection's 503, which says "not applied".
            if close && cfg!(panic = "unwind") {
                drop_connection()
            } else {
                bad_gateway()
            }
        }
    }
}

/// Marks the unwinding that closes a connection on purpose.
#[derive(Debug)]
pub struct DroppedConnection;

/// Ends the connection's task without a response: the server drops the socket, and
/// the client sees the connection closed. `resume_unwind` skips the panic hook, so
/// nothing is printed; the server's per-connection task absorbs the unwinding, and
/// other connections are not affected. Needs `panic = "unwind"`, which the profiles
/// the sandbox is built in (dev, sandbox) have; under `abort`, a 503 instead.
fn drop_connection() -> Response {
    if cfg!(panic = "unwind") {
        std::panic::resume_unwind(Box::new(DroppedConnection));
    }
    unavailable()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faults(fail: f64, drop: f64, seed: u64) -> Faults {
        Faults::new(FaultConfig {
            latency_ms: 0,
            fail_rate: fail,
            drop_rate: drop,
            lose_rate: 0.0,
            seed: Some(seed),
        })
    }

    #[test]
    fn lost_answers_come_after_the_earlier_draws_and_leave_them_unchanged() {
        let before = faults(0.2, 0.05, 9);
        let with_lose = Faults::new(FaultConfig {
            lose_rate: 0.3,
            ..before.config.clone()
        });
        let mut lost = (0, 0);
        for _ in 0..10_000 {
            match (before.decide(true), with_lose.decide(true)) {
                (Fault::None, Fault::Lose { close }) => {
                    if close {
                        lost.0 += 1
                    } else {
                        lost.1 += 1
                    }
                }
                (a, b) => assert_eq!(a, b),
            }
        }
        // 30 % of the 76 % left, split about evenly between closes and 502s;
        // reads are never lost.
        assert_eq!(with_lose.decide(false), before.decide(false));
        let total = lost.0 + lost.1;
        assert!((2100..2450).contains(&total), "{total}");
        assert!(lost.0 > 900 && lost.1 > 900, "{lost:?}");
        assert_eq!(with_lose.lost(), total);
    }

    #[test]
    fn rates_of_zero_and_one_are_exact() {
        let never = faults(0.0, 0.0, 1);
        assert!((0..1000).all(|_| never.decide(false) == Fault::None));
        let always = faults(1.0, 0.0, 1);
        assert!((0..1000).all(|_| always.decide(false) == Fault::Fail));
        let cut = faults(1.0, 1.0, 1);
        assert!((0..1000).all(|_| cut.decide(false) == Fault::Drop));
    }

    #[test]
    fn the_same_seed_draws_the_same_faults() {
        let a = faults(0.3, 0.1, 42);
        let b = faults(0.3, 0.1, 42);
        let c = faults(0.3, 0.1, 43);
        let da: Vec<Fault> = (0..200).map(|_| a.decide(false)).collect();
        let db: Vec<Fault> = (0..200).map(|_| b.decide(false)).collect();
        let dc: Vec<Fault> = (0..200).map(|_| c.decide(false)).collect();
        assert_eq!(da, db);
        assert_ne!(da, dc);
    }

    #[test]
    fn rates_are_proportions_over_many_requests() {
        for seed in 0..20 {
            let f = faults(0.2, 0.05, seed);
            let draws: Vec<Fault> = (0..10_000).map(|_| f.decide(false)).collect();
            let failed = draws.iter().filter(|d| **d == Fault::Fail).count();
            let dropped = draws.iter().filter(|d| **d == Fault::Drop).count();
            // Drops first (5 %), then 20 % of the rest fail: 19 %.
            assert!((1700..2100).contains(&failed), "seed {seed}: {failed}");
            assert!((400..600).contains(&dropped), "seed {seed}: {dropped}");
            assert_eq!(f.counts(), (failed as u64, dropped as u64));
        }
    }

    #[test]
    fn rates_are_checked() {
        assert_eq!(FaultConfig::parse_rate("--fail-rate", "0.2"), Ok(0.2));
        assert_eq!(FaultConfig::parse_rate("--fail-rate", "1"), Ok(1.0));
        assert!(FaultConfig::parse_rate("--fail-rate", "1.5").is_err());
        assert!(FaultConfig::parse_rate("--fail-rate", "-0.1").is_err());
        assert!(FaultConfig::parse_rate("--fail-rate", "NaN").is_err());
        assert!(FaultConfig::parse_rate("--fail-rate", "20%").is_err());
    }
}
