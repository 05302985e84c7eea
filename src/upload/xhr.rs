//! A file's upload through `XMLHttpRequest`: unlike `fetch`, it reports how
//! much of the body has been sent. The zone decodes the response with
//! `mandat_model::decode`, like every other response of the API.

use mandat_model::retry::Answer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ProgressEvent, XmlHttpRequest};

use crate::ui::perf::{perf_mark, perf_measure};

/// From sending the first byte to the API's answer: what the benchmark times.
const UPLOAD_START: &str = "mandat:upload-start";
const UPLOAD_MEASURE: &str = "mandat:upload";

/// What an upload in flight reports.
#[derive(Clone, Debug, PartialEq)]
pub enum UploadEvent {
    /// `sent` of `total` bytes of the body have left.
    Progress { sent: f64, total: f64 },
    /// The API answered (status 0: it could not be reached), with its body and
    /// what the answer says about trying again.
    Done(Box<(u16, String, Answer)>),
}

/// One `PUT` of a file in flight. Dropping it aborts the request and
/// detaches its handlers, so nothing is reported afterwards.
pub struct Upload {
    xhr: XmlHttpRequest,
    _progress: Closure<dyn FnMut(ProgressEvent)>,
    _done: Closure<dyn FnMut(JsValue)>,
    _failed: Closure<dyn FnMut(JsValue)>,
}

impl Upload {
    /// Sends `body` to `url` with `content_type`; `on_event` hears about
    /// progress and the outcome. A cancelled upload reports nothing.
    pub fn start(
        url: &str,
        body: &web_sys::Blob,
        content_type: &str,
        with_credentials: bool,
        on_event: impl Fn(UploadEvent) + Clone + 'static,
    ) -> Result<Upload, ()> {
        let xhr = XmlHttpRequest::new().map_err(|_| ())?;
        xhr.open_with_async("PUT", url, true).map_err(|_| ())?;
        xhr.set_with_credentials(with_credentials);
        let _ = xhr.set_request_header("Accept", "application/json");
        let _ = xhr.set_request_header("Content-Type", content_type);

        let report = on_event.clone();
        let progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |ev: ProgressEvent| {
            if ev.length_computable() {
                report(UploadEvent::Progress {
                    sent: ev.loaded(),
                    total: ev.total(),
                });
            }
        });
        let report = on_event.clone();
        let answered = xhr.clone();
        let done = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let status = answered.status().unwrap_or(0);
            let (text, answer) = if status == 0 {
                (String::new(), Answer::default())
            } else {
                if (200..300).contains(&status) {
                    perf_measure(UPLOAD_MEASURE, UPLOAD_START);
                }
                let text = answered.response_text().ok().flatten().unwrap_or_default();
                let answer = Answer {
                    status: Some(status),
                    retry_after: answered.get_response_header("Retry-After").ok().flatten(),
                };
                (text, answer)
            };
            later(
                report.clone(),
                UploadEvent::Done(Box::new((status, text, answer))),
            );
        });
        let report = on_event;
        let failed = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            later(
                report.clone(),
                UploadEvent::Done(Box::new((0, String::new(), Answer::default()))),
            );
        });

        let upload = xhr.upload().map_err(|_| ())?;
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        xhr.set_onload(Some(done.as_ref().unchecked_ref()));
        xhr.set_onerror(Some(failed.as_ref().unchecked_ref()));
        xhr.set_ontimeout(Some(failed.as_ref().unchecked_ref()));
        let upload = Upload {
            xhr,
            _progress: progress,
            _done: done,
            _failed: failed,
        };
        perf_mark(UPLOAD_START);
        upload.xhr.send_with_opt_blob(Some(body)).map_err(|_| ())?;
        Ok(upload)
    }
}

/// Reports the outcome once the XHR's own callback has returned, so that the
/// listener may drop the [`Upload`] (and its closures) safely.
fn later(report: impl Fn(UploadEvent) + 'static, event: UploadEvent) {
    wasm_bindgen_futures::spawn_local(async move { report(event) });
}

impl Drop for Upload {
    fn drop(&mut self) {
        if let Ok(upload) = self.xhr.upload() {
            upload.set_onprogress(None);
        }
        self.xhr.set_onload(None);
        self.xhr.set_onerror(None);
        self.xhr.set_ontimeout(None);
        // Done requests ignore it; one in flight is cancelled.
        let _ = self.xhr.abort();
    }
}
