//! The HTTP/1 server: connections accepted until shutdown, each with a
//! deadline for its request heads.

use axum::body::Body;
use axum::extract::Request;
use tower::ServiceExt as _;

use crate::state::AppState;

/// Runs the server on `listener` until `shutdown` resolves, then lets the
/// requests under way finish. HTTP/1 through hyper directly: `axum::serve` has no
/// header read timeout, so a client sending half a request line would hold its
/// connection forever.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let header_read = state.limits.header_read;
    let port = listener.local_addr()?.port();
    let app = crate::routes::router(state, port);
    let stop = tokio_util::sync::CancellationToken::new();
    let connections = tokio_util::task::TaskTracker::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let app = app.clone();
        let stop = stop.clone();
        connections.spawn(async move {
            let service = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                app.clone().oneshot(req.map(Body::new))
            });
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(header_read);
            let conn = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = stop.cancelled() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
        });
    }
    drop(listener);
    stop.cancel();
    connections.close();
    connections.wait().await;
    Ok(())
}

/// A failed `accept`: a connection reset before it was accepted is the client's
/// business; anything else (out of file descriptors...) is worth a pause.
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind::*;
    if !matches!(
        e.kind(),
        ConnectionAborted | ConnectionReset | ConnectionRefused
    ) {
        eprintln!("mandat sandbox: accept: {e}");
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
