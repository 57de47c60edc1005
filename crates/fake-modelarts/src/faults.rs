//! What the server can do instead of answering plainly: wait, hang up, cut a body off,
//! trickle it, or send one too large to hold; and the bodies that do it.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Response;

use crate::Reply;

/// How the server answers a request.
pub enum Action {
    Reply(Reply),
    /// Wait this long (on top of the server's latency), then act.
    Delay(Duration, Box<Action>),
    /// Close the connection without answering.
    Drop,
    /// Announce the whole body (Content-Length) but send only its first `n` bytes,
    /// then break the connection.
    Truncate(Reply, usize),
    /// Send the body in chunks of `chunk` bytes, `pause` apart.
    Trickle(Reply, usize, Duration),
    /// A 200 with a body of `len` bytes, made as it is sent: `{"tasks":[` and spaces.
    Huge(usize),
}

pub(crate) type BoxError = Box<dyn std::error::Error + Send + Sync>;

pub(crate) type Body = http_body_util::combinators::BoxBody<Bytes, BoxError>;

impl Action {
    /// The response that carries out this action (a delay has been waited out already),
    /// with `request_id` as its `x-request-id`.
    pub(crate) fn respond(self, request_id: &str) -> Result<Response<Body>, BoxError> {
        let head = |reply: &Reply| {
            let mut response = Response::builder()
                .status(reply.status)
                .header("x-request-id", request_id);
            for (name, value) in &reply.headers {
                response = response.header(name, value);
            }
            response
        };
        match self {
            Action::Reply(reply) => Ok(head(&reply).body(full(reply.body))?),
            Action::Drop => Err("dropped on purpose".into()),
            Action::Truncate(reply, sent) => {
                let part = Bytes::from(reply.body[..sent.min(reply.body.len())].to_vec());
                Ok(head(&reply)
                    .header("content-length", reply.body.len())
                    // The pause lets the head and the part go out before the connection breaks.
                    .body(streamed(
                        vec![part],
                        Duration::from_millis(50),
                        Some("cut off on purpose".into()),
                    ))?)
            }
            Action::Trickle(reply, chunk, pause) => {
                let chunks = reply
                    .body
                    .chunks(chunk.max(1))
                    .map(|c| Bytes::from(c.to_vec()))
                    .collect();
                Ok(head(&reply)
                    .header("content-length", reply.body.len())
                    .body(streamed(chunks, pause, None))?)
            }
            Action::Huge(len) => Ok(Response::builder()
                .status(200)
                .header("content-type", "application/json")
                .header("content-length", len)
                .body(huge(len))?),
            Action::Delay(..) => unreachable!("a delay is waited out before the answer"),
        }
    }
}

fn full(bytes: Vec<u8>) -> Body {
    Full::new(Bytes::from(bytes))
        .map_err(|never| match never {})
        .boxed()
}

/// A body of `chunks`, each after `pause`, then `end` (an error breaks the connection).
fn streamed(chunks: Vec<Bytes>, pause: Duration, end: Option<BoxError>) -> Body {
    let items = chunks
        .into_iter()
        .map(Ok)
        .chain(end.map(Err))
        .collect::<Vec<Result<Bytes, BoxError>>>();
    let stream = futures_util::stream::unfold(items.into_iter(), move |mut items| async move {
        let item = items.next()?;
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
        Some((item.map(hyper::body::Frame::data), items))
    });
    http_body_util::StreamBody::new(stream).boxed()
}

/// `len` bytes of a page that never ends, made a chunk at a time as they are sent.
fn huge(len: usize) -> Body {
    const CHUNK: usize = 1 << 16;
    let head = Bytes::from_static(b"{\"tasks\":[");
    let spaces = Bytes::from(vec![b' '; CHUNK]);
    let stream = futures_util::stream::unfold(0usize, move |sent| {
        let (head, spaces) = (head.clone(), spaces.clone());
        async move {
            if sent >= len {
                return None;
            }
            let chunk = if sent == 0 {
                head
            } else {
                spaces.slice(..CHUNK.min(len - sent))
            };
            let next = sent + chunk.len();
            Some((Ok::<_, BoxError>(hyper::body::Frame::data(chunk)), next))
        }
    });
    http_body_util::StreamBody::new(stream).boxed()
}
