//! The messages between the viewer and its web workers, both ends in one place.
//!
//! A message is a plain object of named fields ([`Message`]); every request and answer is a type
//! that writes and reads one ([`Wire`]); the two workers' requests and answers are in
//! [`protocol`]. A worker calls [`serve`] once: it installs the message handler, then says it is
//! ready (`{ready: true}`: the viewer sends nothing before, so no request reaches a worker without
//! a handler), and for each request posts the handler's answer or its [`Failure`]
//! (`{error, missing?}`); a request the worker cannot read is a failure too, never a panic. While
//! it works a handler may post progress ([`Replies::progress`], `{progress: {…}}`). The viewer
//! calls [`ask`] (feature `client`): start the worker, wait until it is ready, send one request,
//! pass progress on, return the typed answer or failure, stop the worker.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub mod protocol;

/// The field of the worker's first message, once its handler is installed.
const READY: &str = "ready";
/// The fields of a [`Failure`].
const ERROR: &str = "error";
const MISSING: &str = "missing";
/// The field holding a progress message (the handler's own message inside).
const PROGRESS: &str = "progress";

/// A message: a plain object of named fields.
#[derive(Debug, Clone)]
pub struct Message(js_sys::Object);

impl Default for Message {
    fn default() -> Self {
        Message(js_sys::Object::new())
    }
}

impl Message {
    /// A message without fields.
    pub fn new() -> Message {
        Message::default()
    }
    /// What was posted; anything but an object reads as a message without fields.
    pub fn from_js(value: JsValue) -> Message {
        value.dyn_into::<js_sys::Object>().map(Message).unwrap_or_default()
    }
    /// The message with field `key` set to `value`.
    pub fn with(self, key: &str, value: impl Into<JsValue>) -> Message {
        let _ = js_sys::Reflect::set(&self.0, &key.into(), &value.into());
        self
    }
    /// Field `key` (undefined when absent).
    pub fn get(&self, key: &str) -> JsValue {
        js_sys::Reflect::get(&self.0, &key.into()).unwrap_or(JsValue::UNDEFINED)
    }
    /// Whether field `key` is present.
    pub fn has(&self, key: &str) -> bool {
        !self.get(key).is_undefined()
    }
    /// Field `key` when it is text.
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key).as_string()
    }
    /// Field `key` when it is a number.
    pub fn number(&self, key: &str) -> Option<f64> {
        self.get(key).as_f64()
    }
    /// The object to post.
    pub fn as_js(&self) -> &JsValue {
        self.0.as_ref()
    }
}

/// A request, answer or progress report as a message.
pub trait Wire: Sized {
    /// Writes it.
    fn to_message(&self) -> Message;
    /// Reads it back; `Err` names the field that is missing or of the wrong kind.
    fn from_message(m: &Message) -> Result<Self, String>;
}

/// Why a request failed: the message a person reads and, when that is why, the facts the request
/// lacks that a person can supply (the import worker's `year`, `department`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
    pub missing: Vec<String>,
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure {
            message,
            missing: Vec::new(),
        }
    }
}

impl Failure {
    fn to_message(&self) -> Message {
        let m = Message::new().with(ERROR, self.message.as_str());
        match self.missing.is_empty() {
            true => m,
            false => m.with(MISSING, self.missing.join(",")),
        }
    }
    /// The failure a message reports, if it reports one.
    #[cfg(feature = "client")]
    fn from_message(m: &Message) -> Option<Failure> {
        let missing = m.text(MISSING).unwrap_or_default();
        m.text(ERROR).map(|message| Failure {
            message,
            missing: missing.split(',').filter(|s| !s.is_empty()).map(String::from).collect(),
        })
    }
}

fn worker_scope() -> web_sys::DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// What a handler posts while it works.
pub struct Replies {
    scope: web_sys::DedicatedWorkerGlobalScope,
}

impl Replies {
    /// Says how far the work is (the viewer's [`ask`] passes it to its `on_progress`).
    pub fn progress(&self, p: &impl Wire) {
        let _ = self
            .scope
            .post_message(Message::new().with(PROGRESS, p.to_message().as_js().clone()).as_js());
    }
    fn post(&self, m: &Message) {
        let _ = self.scope.post_message(m.as_js());
    }
}

/// Makes this worker answer each request `Q` with `handle`'s answer `A` or [`Failure`], then
/// says it is ready. Call once, when the worker starts.
pub fn serve<Q: Wire, A: Wire>(mut handle: impl FnMut(Q, &Replies) -> Result<A, Failure> + 'static) {
    let scope = worker_scope();
    let replies = Replies { scope: scope.clone() };
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let answer = Q::from_message(&Message::from_js(e.data()))
            .map_err(Failure::from)
            .and_then(|q| handle(q, &replies));
        replies.post(&match answer {
            Ok(a) => a.to_message(),
            Err(f) => f.to_message(),
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(Message::new().with(READY, true).as_js());
}

/// Posts a failure outside a handler: from a panic hook, before the worker stops, so the viewer
/// says what happened rather than that the worker stopped.
pub fn post_failure(f: &Failure) {
    let _ = worker_scope().post_message(f.to_message().as_js());
}

/// Why [`ask`] has no answer.
#[cfg(feature = "client")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AskError {
    /// The worker answered with a failure.
    Failed(Failure),
    /// The worker could not start or stopped without answering (a crash, out of memory): what the
    /// browser said.
    Broken(String),
    /// The worker's answer is not the answer expected: which field.
    Unreadable(String),
}

/// Starts the worker at `script`, waits for it to say it is ready, sends `request`, passes the
/// progress it reports to `on_progress` and returns its answer; the worker is stopped afterwards.
#[cfg(feature = "client")]
pub async fn ask<A: Wire>(script: &str, request: &impl Wire, on_progress: &dyn Fn(Message)) -> Result<A, AskError> {
    use wasm_bindgen_futures::JsFuture;
    let broken = |e: JsValue| AskError::Broken(format!("{e:?}"));
    let worker = web_sys::Worker::new(script).map_err(broken)?;
    // The next message the worker posts (or the error that stops it).
    let next_message = |worker: &web_sys::Worker| {
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            let on_message = Closure::once_into_js(move |e: web_sys::MessageEvent| {
                let _ = resolve.call1(&JsValue::NULL, &e.data());
            });
            let on_error = Closure::once_into_js(move |e: JsValue| {
                let _ = reject.call1(&JsValue::NULL, &e);
            });
            worker.set_onmessage(Some(on_message.unchecked_ref()));
            worker.set_onerror(Some(on_error.unchecked_ref()));
        });
        JsFuture::from(promise)
    };
    let answer = async {
        next_message(&worker).await?;
        let mut reply = next_message(&worker);
        worker.post_message(request.to_message().as_js())?;
        loop {
            let m = Message::from_js(reply.await?);
            if !m.has(PROGRESS) {
                return Ok::<Message, JsValue>(m);
            }
            reply = next_message(&worker);
            on_progress(Message::from_js(m.get(PROGRESS)));
        }
    }
    .await;
    worker.terminate();
    let m = answer.map_err(broken)?;
    match Failure::from_message(&m) {
        Some(f) => Err(AskError::Failed(f)),
        None => A::from_message(&m).map_err(AskError::Unreadable),
    }
}
