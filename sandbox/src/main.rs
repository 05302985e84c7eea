//! `mandat-sandbox [--port N] [--db PATH] [--dist DIR] [--reseed] [--clock SECONDS]
//! [--latency-ms N] [--fail-rate P] [--drop-rate P] [--lose-rate P] [--fault-seed N]`

use std::path::PathBuf;
use std::process::ExitCode;

use mandat_sandbox::http::faults::FaultConfig;
use mandat_sandbox::{seed, serve, AppState};

const USAGE: &str =
    "usage: mandat-sandbox [--port N] [--db PATH] [--dist DIR] [--reseed] [--clock SECONDS]
                      [--latency-ms N] [--fail-rate P] [--drop-rate P] [--lose-rate P]
                      [--fault-seed N]
  --port N         port on 127.0.0.1 (env MANDAT_PORT, default 8080)
  --db PATH        SQLite database (env MANDAT_DB, default target/sandbox.sqlite3)
  --dist DIR       the built app to serve (env MANDAT_DIST, default dist)
  --reseed         wipe the database and seed the demo data again
  --clock SECONDS  every SECONDS, move demo invoices one Chorus Pro step forward
fault mode, for /api only (never /sandbox nor the app's files):
  --latency-ms N   add N ms to every /api request (env MANDAT_LATENCY_MS)
  --fail-rate P    answer a share P (0 to 1) of /api requests 503 (env MANDAT_FAIL_RATE)
  --drop-rate P    close the connection of a share P of /api requests without a
                   response (env MANDAT_DROP_RATE)
  --lose-rate P    apply a share P of /api requests, then lose the answer: the
                   connection closed or a 502 (env MANDAT_LOSE_RATE)
  --fault-seed N   seed of the fault draws, for reproducible runs (env MANDAT_FAULT_SEED)";

struct Args {
    port: u16,
    db: PathBuf,
    dist: PathBuf,
    reseed: bool,
    clock: Option<u64>,
    faults: FaultConfig,
}

fn parse_u64(flag: &str, v: &str) -> Result<u64, String> {
    v.trim()
        .parse()
        .map_err(|_| format!("{flag}: not a whole number: {v}"))
}

fn parse_args() -> Result<Args, String> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let mut args = Args {
        port: match env("MANDAT_PORT") {
            Some(p) => p
                .parse()
                .map_err(|_| format!("MANDAT_PORT is not a port: {p}"))?,
            None => 8080,
        },
        db: env("MANDAT_DB")
            .unwrap_or_else(|| "target/sandbox.sqlite3".into())
            .into(),
        dist: env("MANDAT_DIST").unwrap_or_else(|| "dist".into()).into(),
        reseed: false,
        clock: None,
        faults: FaultConfig::default(),
    };
    if let Some(v) = env("MANDAT_LATENCY_MS") {
        args.faults.latency_ms = parse_u64("MANDAT_LATENCY_MS", &v)?;
    }
    if let Some(v) = env("MANDAT_FAIL_RATE") {
        args.faults.fail_rate = FaultConfig::parse_rate("MANDAT_FAIL_RATE", &v)?;
    }
    if let Some(v) = env("MANDAT_DROP_RATE") {
        args.faults.drop_rate = FaultConfig::parse_rate("MANDAT_DROP_RATE", &v)?;
    }
    if let Some(v) = env("MANDAT_LOSE_RATE") {
        args.faults.lose_rate = FaultConfig::parse_rate("MANDAT_LOSE_RATE", &v)?;
    }
    if let Some(v) = env("MANDAT_FAULT_SEED") {
        args.faults.seed = Some(parse_u64("MANDAT_FAULT_SEED", &v)?);
    }
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--port" => {
                let v = value()?;
                args.port = v.parse().map_err(|_| format!("--port: not a port: {v}"))?;
            }
            "--db" => args.db = value()?.into(),
            "--dist" => args.dist = value()?.into(),
            "--reseed" => args.reseed = true,
            "--clock" => {
                let v = value()?;
                let secs: u64 = v
                    .parse()
                    .ok()
                    .filter(|s| *s > 0)
                    .ok_or_else(|| format!("--clock: not a number of seconds: {v}"))?;
                args.clock = Some(secs);
            }
            "--latency-ms" => args.faults.latency_ms = parse_u64("--latency-ms", &value()?)?,
            "--fail-rate" => {
                args.faults.fail_rate = FaultConfig::parse_rate("--fail-rate", &value()?)?
            }
            "--drop-rate" => {
                args.faults.drop_rate = FaultConfig::parse_rate("--drop-rate", &value()?)?
            }
            "--lose-rate" => {
                args.faults.lose_rate = FaultConfig::parse_rate("--lose-rate", &value()?)?
            }
            "--fault-seed" => args.faults.seed = Some(parse_u64("--fault-seed", &value()?)?),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    Ok(args)
}

/// Listens for Ctrl-C and SIGTERM from now on (before the seeding, which takes a
/// moment); the receiver resolves at the first one.
fn shutdown_signal() -> tokio::sync::oneshot::Receiver<()> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    #[cfg(unix)]
    let term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    tokio::spawn(async move {
        let ctrl_c = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        #[cfg(unix)]
        let term = async move {
            match term {
                Some(mut s) => {
                    s.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        #[cfg(not(unix))]
        let term = std::future::pending::<()>();
        tokio::select! {
            _ = ctrl_c => {},
            _ = term => {},
        }
        let _ = tx.send(());
    });
    rx
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("mandat sandbox: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut shutdown = shutdown_signal();
    let state = match AppState::open_with(&args.db, &args.dist, args.reseed, args.faults.clone()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mandat sandbox: cannot open {}: {e}", args.db.display());
            return ExitCode::FAILURE;
        }
    };
    // The app's files are compressed before the first visit (a second or two).
    let assets = state.assets.clone();
    let _ = tokio::task::spawn_blocking(move || {
        assets.wait_idle_for(std::time::Duration::from_secs(20))
    })
    .await;
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", args.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "mandat sandbox: cannot listen on 127.0.0.1:{}: {e}",
                args.port
            );
            return ExitCode::FAILURE;
        }
    };
    if shutdown.try_recv().is_ok() {
        return ExitCode::SUCCESS;
    }
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(args.port);
    let base = mandat_sandbox::http::guard::Site::new(port).origin();
    println!("mandat sandbox: {base}/");
    for (id, _, name, ..) in seed::ACCOUNTS.iter().filter(|a| a.6) {
        let who = match *id {
            "commune" => "the commune".to_string(),
            "hopital" => "the hospital".to_string(),
            "entreprise" => "the company".to_string(),
            _ => name.to_string(),
        };
        println!("sign in as {who}: {base}/sandbox/login?account={id}&next=/");
    }
    if args.faults.is_active() {
        let f = &state.faults;
        println!(
            "fault mode on /api: +{} ms, {} failed (503), {} dropped, {} lost after applying, seed {}",
            f.config.latency_ms,
            f.config.fail_rate,
            f.config.drop_rate,
            f.config.lose_rate,
            f.seed()
        );
    }
    if let Some(secs) = args.clock {
        let st = state.clone();
        tokio::spawn(async move {
            let mut interval = tokio::time::interval(std::time::Duration::from_secs(secs));
            interval.tick().await;
            loop {
                interval.tick().await;
                if let Err(e) = mandat_sandbox::operator::tick(&st) {
                    eprintln!("mandat sandbox: clock: {:?}", e.body.message);
                }
            }
        });
    }
    let stop = async move {
        let _ = shutdown.await;
    };
    if let Err(e) = serve(listener, state, stop).await {
        eprintln!("mandat sandbox: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
