//! How an uploaded file is received and stored, for the signed mandate and for
//! an invoice's documents alike: checked by its name and size before a byte is
//! read, its type sniffed from its first bytes, its size enforced while it is
//! read, written to a `.part` file, synced, read whole by the parser of its
//! type (off the async runtime), then renamed, so that it is stored whole and
//! readable or not at all. The caller records it in the database, under the
//! name [`upload_name`] gives with the extension of its type, then drops the
//! [`Stored`] guard.

use std::path::PathBuf;

use axum::body::BodyDataStream;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt as _;
use mandat_model::mandate::{
    check_upload, check_upload_header, stored_file_name, UploadError, UploadKind, MAX_UPLOAD_BYTES,
    SNIFF_BYTES,
};

use super::error::ApiErr;
use super::limits::drain_refused;
use crate::files::{readable, Storing, STORED_PREFIXES};
use crate::state::AppState;

/// A place among the uploads received at once, held until the upload ends:
/// one of [`Limits::uploads`](super::limits::Limits) in all, and one of
/// `uploads_per_account` for its account, so that one account holding its
/// uploads open leaves places to the others.
pub struct UploadSlot {
    _all: tokio::sync::OwnedSemaphorePermit,
    state: AppState,
    account: String,
}

impl Drop for UploadSlot {
    fn drop(&mut self) {
        let mut counts = self.state.uploads_by_account();
        if let Some(n) = counts.get_mut(&self.account) {
            *n -= 1;
            if *n == 0 {
                counts.remove(&self.account);
            }
        }
    }
}

/// Why an upload found no place: its account's uploads, or all uploads, are
/// at their cap.
pub enum Busy {
    Account(usize),
    All(usize),
}

impl IntoResponse for Busy {
    /// A 503 with `Retry-After`: the upload did nothing and may be sent again.
    fn into_response(self) -> Response {
        super::error::unavailable(match self {
            Busy::Account(n) => {
                format!("{n} uploads of this account are already under way; try again")
            }
            Busy::All(n) => format!("{n} uploads are already under way; try again"),
        })
    }
}

/// A place for an upload of `account` (whose order or invoice it is, checked
/// first); else why not, to answer before a byte is read.
pub fn upload_slot(st: &AppState, account: &str) -> Result<UploadSlot, Busy> {
    let mut counts = st.uploads_by_account();
    let mine = counts.get(account).copied().unwrap_or(0);
    if mine >= st.limits.uploads_per_account {
        return Err(Busy::Account(mine));
    }
    let Ok(all) = st.uploads.clone().try_acquire_owned() else {
        return Err(Busy::All(st.limits.uploads));
    };
    *counts.entry(account.to_string()).or_insert(0) += 1;
    Ok(UploadSlot {
        _all: all,
        state: st.clone(),
        account: account.to_string(),
    })
}

/// Whether the client waits for `100 Continue` before it sends the body: then
/// a refusal before the body is read is sent at once, and the body never comes
/// (hyper answers `100 Continue` only when the body is first read).
pub fn expects_continue(headers: &HeaderMap) -> bool {
    headers
        .get(header::EXPECT)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"))
}

pub fn upload_error(e: UploadError) -> ApiErr {
    let message = match e {
        UploadError::Empty => "the file is empty",
        UploadError::TooLarge => "the file is larger than 10 MB (10,485,760 bytes)",
        UploadError::UnsupportedType => "the file is not a PDF, PNG or JPEG",
        UploadError::Unreadable => "the file does not read as the type it starts as",
        UploadError::NameTooLong => "the file name has more than 50 characters",
    };
    let err = match e {
        UploadError::TooLarge => ApiErr::too_large(message),
        UploadError::UnsupportedType | UploadError::Unreadable => ApiErr::unsupported_type(message),
        UploadError::Empty | UploadError::NameTooLong => ApiErr::bad_request(message),
    };
    err.field("file", e.code(), message)
}

/// The refusal of a file whose first bytes say `kind` but which does not read
/// as one: [`UploadError::Unreadable`], its message naming the type.
fn unreadable(kind: UploadKind) -> ApiErr {
    let what = readable::named(kind);
    let message =
        format!("the file starts as {what} but cannot be read as one: damaged or cut short");
    ApiErr::unsupported_type(&message).field("file", UploadError::Unreadable.code(), &message)
}

/// Removes a partial upload unless it was kept.
struct TempFile(Option<std::path::PathBuf>);

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// How much of the body is gathered before it goes to the disk: browsers send it in
/// pieces of 16 KiB, and a write (and a hop to a blocking thread) for each is wasted.
const WRITE_PIECE: usize = 1024 * 1024;

enum Piece {
    Data(Vec<u8>),
    /// The whole body is there: make it durable.
    End,
}

/// Writes an upload to its temporary file on a blocking thread while the body is
/// still arriving. Whenever the writer has caught up with the network, it flushes
/// what it has written (`fdatasync`), so that the `fsync` after the last byte, which
/// the client waits for, has only the tail left to flush. Dropped before
/// [`BodyWriter::finish`], it stops and syncs nothing.
struct BodyWriter {
    buffer: Vec<u8>,
    pieces: tokio::sync::mpsc::Sender<Piece>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl BodyWriter {
    fn start(mut file: std::fs::File) -> BodyWriter {
        let (pieces, mut received) = tokio::sync::mpsc::channel::<Piece>(4);
        let task = tokio::task::spawn_blocking(move || {
            use std::io::Write as _;
            while let Some(piece) = received.blocking_recv() {
                match piece {
                    Piece::Data(data) => {
                        file.write_all(&data)?;
                        if received.is_empty() {
                            file.sync_data()?;
                        }
                    }
                    Piece::End => return file.sync_all(),
                }
            }
            Ok(())
        });
        BodyWriter {
            buffer: Vec::with_capacity(WRITE_PIECE),
            pieces,
            task,
        }
    }

    async fn write(&mut self, chunk: &[u8]) -> Result<(), ApiErr> {
        self.buffer.extend_from_slice(chunk);
        if self.buffer.len() >= WRITE_PIECE {
            let data = std::mem::replace(&mut self.buffer, Vec::with_capacity(WRITE_PIECE));
            self.send(Piece::Data(data)).await?;
        }
        Ok(())
    }

    async fn send(&mut self, piece: Piece) -> Result<(), ApiErr> {
        if self.pieces.send(piece).await.is_err() {
            // The writer stopped on an error: that error.
            return Err(self.outcome().await);
        }
        Ok(())
    }

    async fn outcome(&mut self) -> ApiErr {
        match (&mut self.task).await {
            Ok(Err(e)) => e.into(),
            Ok(Ok(())) => ApiErr::internal("the upload's writer stopped"),
            Err(e) => ApiErr::internal(e),
        }
    }

    /// Writes what is left, then waits until the whole file is on the disk.
    async fn finish(mut self) -> Result<(), ApiErr> {
        if !self.buffer.is_empty() {
            let data = std::mem::take(&mut self.buffer);
            self.send(Piece::Data(data)).await?;
        }
        self.send(Piece::End).await?;
        match (&mut self.task).await {
            Ok(result) => Ok(result?),
            Err(e) => Err(ApiErr::internal(e)),
        }
    }
}

/// Reads the body after a refusal as far as the limit allows, so that a client
/// still sending reads the error, and returns it; nothing of it when the client
/// waits for `100 Continue` (see [`expects_continue`]).
pub async fn refuse(stream: &mut BodyDataStream, headers: &HeaderMap, e: ApiErr) -> ApiErr {
    if !expects_continue(headers) {
        drain_refused(stream, 0).await;
    }
    e
}

/// The file's name, from `?name=` or the `X-File-Name` header, as a safe base
/// name (none if blank; see [`mandat_model::text::safe_file_name`]), once it and
/// the declared size are checked.
pub fn upload_name(
    query: &[(String, String)],
    headers: &HeaderMap,
) -> Result<Option<String>, ApiErr> {
    let name = query
        .iter()
        .find(|(k, _)| k == "name")
        .map(|(_, v)| v.clone())
        .or_else(|| {
            headers
                .get("x-file-name")
                .and_then(|v| v.to_str().ok())
                .map(String::from)
        })
        .map(|n| mandat_model::text::safe_file_name(&n))
        .filter(|n| !n.is_empty());
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    check_upload_header(declared, name.as_deref().unwrap_or("")).map_err(upload_error)?;
    Ok(name)
}

/// An upload let in: its target (what `ready` found), the name to keep it
/// under (the one it was sent under with the extension of its type, see
/// [`stored_file_name`]; none if nothing of it was left), the file stored, and its place among the uploads under way,
/// held until this is dropped.
pub struct Admitted<'a, T> {
    pub target: T,
    pub name: Option<String>,
    pub stored: Stored<'a>,
    _slot: UploadSlot,
}

/// The steps every upload route takes before it records a file: refused unread
/// when its target was not found to be the caller's (`ready`) or its name or
/// size is wrong; turned away before a byte is read when no place is free
/// (the place is taken only once the target is known); else received under
/// the prefix `prefix` gives for the target. `Err` is the route's whole answer.
pub async fn admit<'a, T>(
    st: &'a AppState,
    account: &str,
    stream: &mut BodyDataStream,
    headers: &HeaderMap,
    query: &[(String, String)],
    ready: Result<T, ApiErr>,
    prefix: impl FnOnce(&T) -> String,
) -> Result<Admitted<'a, T>, super::error::ApiResult> {
    let checked = ready.and_then(|target| Ok((target, upload_name(query, headers)?)));
    let (target, name) = match checked {
        Ok(checked) => checked,
        Err(e) => return Err(Err(refuse(stream, headers, e).await)),
    };
    let slot = match upload_slot(st, account) {
        Ok(slot) => slot,
        Err(busy) => return Err(Ok(busy.into_response())),
    };
    let stored = receive(st, stream, &prefix(&target)).await.map_err(Err)?;
    // Kept under the extension of what it is, not of what it was called.
    let name = name.and_then(|n| stored_file_name(&n, stored.kind));
    Ok(Admitted {
        target,
        name,
        stored,
        _slot: slot,
    })
}

/// A file stored under its final name and not yet recorded: the sweep leaves it
/// until this is dropped.
pub struct Stored<'a> {
    pub path: PathBuf,
    pub size: u64,
    pub kind: UploadKind,
    _storing: Storing<'a>,
}

impl Stored<'_> {
    /// Removes the file: it will not be recorded after all.
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Receives the body into `st.files`, under a name starting with `prefix` (one
/// of [`STORED_PREFIXES`]). Refused (size, type, unreadable, interrupted),
/// nothing is left.
pub async fn receive<'a>(
    st: &'a AppState,
    stream: &mut BodyDataStream,
    prefix: &str,
) -> Result<Stored<'a>, ApiErr> {
    debug_assert!(STORED_PREFIXES.iter().any(|p| prefix.starts_with(p)));
    let mut temp = TempFile(Some(
        st.files.join(format!(".upload-{}.part", random_hex(8)?)),
    ));
    let temp_path = temp.0.clone().unwrap_or_default();
    let file = tokio::fs::File::create(&temp_path).await?.into_std().await;
    let mut file = BodyWriter::start(file);
    let mut size: u64 = 0;
    let mut head: Vec<u8> = Vec::with_capacity(SNIFF_BYTES);
    while let Some(chunk) = stream.next().await {
        let chunk =
            chunk.map_err(|e| super::limits::body_error(&e, "the upload was interrupted"))?;
        size += chunk.len() as u64;
        if size > MAX_UPLOAD_BYTES {
            return Err(upload_error(UploadError::TooLarge));
        }
        if head.len() < SNIFF_BYTES {
            let take = (SNIFF_BYTES - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
            if head.len() == SNIFF_BYTES {
                if let Err(e) = check_upload(size, &head) {
                    drop(file);
                    drop(temp);
                    drain_refused(stream, size).await;
                    return Err(upload_error(e));
                }
            }
        }
        file.write(&chunk).await?;
    }
    file.finish().await?;
    let kind = check_upload(size, &head).map_err(upload_error)?;
    // Read whole by its type's parser, as CPU work: a 10 MB PDF takes a while,
    // and the runtime serves the other requests meanwhile.
    let parsed = temp_path.clone();
    let readable = st
        .cpu_work(move || std::fs::read(parsed).map(|bytes| readable::is_readable(kind, &bytes)))
        .await??;
    if !readable {
        // `temp` removes the file as it goes.
        return Err(unreadable(kind));
    }
    let final_name = format!("{prefix}{}.{}", random_hex(8)?, kind.extension());
    // Not yet recorded: the sweep after another upload must leave it.
    let storing = st.storing(&final_name);
    let final_path = st.files.join(&final_name);
    tokio::fs::rename(&temp_path, &final_path).await?;
    temp.0 = None;
    // The new name is durable before the database records it: a power cut
    // must not leave a recorded file without its bytes.
    let files = st.files.clone();
    tokio::task::spawn_blocking(move || std::fs::File::open(files)?.sync_all())
        .await
        .map_err(std::io::Error::other)??;
    Ok(Stored {
        path: final_path,
        size,
        kind,
        _storing: storing,
    })
}

/// `bytes` random bytes in hex, for names no one can guess.
pub fn random_hex(bytes: usize) -> Result<String, ApiErr> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(ApiErr::internal)?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}
