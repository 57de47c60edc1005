//! Connections opened ahead of the requests that will use them.
//!
//! A listing of every page learns how many pages there are only from the first; the
//! pages after it would each open a connection then, paying TCP's and TLS's round
//! trips after the first page's. [`Warming::open`] starts those connections while the
//! first page is on its way, and the requests that follow take them as they are ready.
//!
//! The HTTP client opens a connection only for a request, so each one is started by a
//! request that is dropped as soon as its connection is under way: the connection is
//! made here, in the background, and kept for the next request that needs one. That
//! request never reaches the wire (a request is written only once its connection is
//! handed over, and this one's never is). A connection no request takes is closed
//! unused when the client goes; one that turns out to speak HTTP/2 makes the others
//! pointless (one connection carries every request), so they are dropped.

use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};

use hyper_util::client::legacy::connect::Connection;
use tokio::sync::Notify;
use tokio::task::AbortHandle;
use tower_service::Service;

/// A connector layer, and the handle that opens its connections ahead.
#[derive(Clone, Default)]
pub struct Warming {
    shared: Arc<Shared>,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    /// Told when a connection opened ahead is ready or failed.
    settled: Notify,
}

#[derive(Default)]
struct State {
    /// Calls of the connector that are to open a connection ahead rather than for
    /// their own request.
    ahead: usize,
    /// Connections opened ahead and not yet taken (the connector's own type).
    ready: Vec<Box<dyn Any + Send>>,
    /// Connections being opened ahead.
    opening: Vec<AbortHandle>,
    /// Requests waiting for one of those.
    waiting: usize,
    /// A connection opened ahead spoke HTTP/2.
    multiplexed: bool,
}

impl Warming {
    fn state(&self) -> MutexGuard<'_, State> {
        self.shared.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Open `count` connections ahead, through `start`, which makes the client
    /// request something of the server those connections are for: each request is
    /// dropped once its connection is under way.
    pub fn open<F, Fut>(&self, count: usize, mut start: F)
    where
        F: FnMut() -> Fut,
        Fut: Future,
    {
        if count == 0 || self.state().multiplexed {
            return;
        }
        let waker = std::task::Waker::noop();
        let mut cx = Context::from_waker(waker);
        for _ in 0..count {
            self.state().ahead += 1;
            let mut request = std::pin::pin!(start());
            // The connector is called on the first poll; a few more cover any step
            // the client takes before it.
            for _ in 0..4 {
                if self.state().ahead == 0 || request.as_mut().poll(&mut cx).is_ready() {
                    break;
                }
            }
            // Not called (the client refused the request, or had a connection): no more.
            let unused = std::mem::take(&mut self.state().ahead);
            if unused > 0 {
                break;
            }
        }
    }
}

impl<S> tower_layer::Layer<S> for Warming {
    type Service = Warm<S>;

    fn layer(&self, inner: S) -> Warm<S> {
        Warm {
            inner,
            warming: self.clone(),
        }
    }
}

/// The connector, taking connections opened ahead when there are any.
#[derive(Clone)]
pub struct Warm<S> {
    inner: S,
    warming: Warming,
}

type Connecting<C, E> = Pin<Box<dyn Future<Output = Result<C, E>> + Send>>;

impl<S, R> Service<R> for Warm<S>
where
    S: Service<R> + Clone + Send + 'static,
    S::Response: Connection + Send + 'static,
    S::Error: Send + 'static,
    S::Future: Send + 'static,
    R: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Connecting<S::Response, S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: R) -> Self::Future {
        let warming = self.warming.clone();
        let mut state = warming.state();
        if state.ahead > 0 {
            state.ahead -= 1;
            let connecting = self.inner.call(request);
            let task = tokio::spawn(settle(warming.clone(), connecting));
            state.opening.push(task.abort_handle());
            // Whoever called for it is dropped before it is polled again.
            return Box::pin(std::future::pending());
        }
        if let Some(ready) = take_ready::<S::Response>(&mut state) {
            return Box::pin(std::future::ready(Ok(ready)));
        }
        if state.waiting >= state.opening.len() {
            drop(state);
            return Box::pin(self.inner.call(request));
        }
        state.waiting += 1;
        drop(state);
        // Should none be ready after all, the request opens its own.
        let mut inner = self.inner.clone();
        Box::pin(async move {
            let waiting = Waiting(&warming);
            loop {
                let settled = warming.shared.settled.notified();
                {
                    let mut state = warming.state();
                    if let Some(ready) = take_ready::<S::Response>(&mut state) {
                        return Ok(ready);
                    }
                    if state.opening.is_empty() {
                        break;
                    }
                }
                settled.await;
            }
            drop(waiting);
            std::future::poll_fn(|cx| inner.poll_ready(cx)).await?;
            inner.call(request).await
        })
    }
}

/// A connection opened ahead, taken for a request.
fn take_ready<C: 'static>(state: &mut State) -> Option<C> {
    let ready = state.ready.pop()?.downcast::<C>().ok()?;
    Some(*ready)
}

/// A request waiting for a connection opened ahead, counted until it has one or
/// gives up (or is dropped).
struct Waiting<'a>(&'a Warming);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.state().waiting -= 1;
    }
}

/// Keep the connection `connecting` opens for the next request; should it speak
/// HTTP/2, close those still being opened, which no request will need.
async fn settle<C, E, F>(warming: Warming, connecting: F)
where
    C: Connection + Send + 'static,
    F: Future<Output = Result<C, E>>,
{
    let result = connecting.await;
    let mut state = warming.state();
    let id = tokio::task::try_id();
    state.opening.retain(|task| Some(task.id()) != id);
    if let Ok(connection) = result {
        if connection.connected().is_negotiated_h2() {
            if !state.multiplexed {
                state.multiplexed = true;
                state.ready.push(Box::new(connection));
            }
            for task in state.opening.drain(..) {
                task.abort();
            }
        } else {
            state.ready.push(Box::new(connection));
        }
    }
    drop(state);
    warming.shared.settled.notify_waiters();
}
