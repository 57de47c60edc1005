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
    /// Connections opened ahead and not yet taken (the connector's own type), each
    /// with where it goes.
    ready: Vec<(Destination, Box<dyn Any + Send>)>,
    /// Connections being opened ahead.
    opening: Vec<(Destination, AbortHandle)>,
    /// Where the requests waiting for one of those go.
    waiting: Vec<Destination>,
    /// A connection opened ahead spoke HTTP/2.
    multiplexed: bool,
}

/// Where a connection goes, as the connector's request names it: its scheme and
/// authority (the client asks for a connection to `scheme://authority/`). Requests to
/// the identity service take the same client, and must not get the API's connections.
type Destination = String;

impl State {
    fn opening_to(&self, to: &str) -> usize {
        self.opening.iter().filter(|(d, _)| d == to).count()
    }

    fn waiting_for(&self, to: &str) -> usize {
        self.waiting.iter().filter(|d| *d == to).count()
    }

    /// A connection to `to` opened ahead, taken for a request.
    fn take_ready<C: 'static>(&mut self, to: &str) -> Option<C> {
        let at = self.ready.iter().rposition(|(d, _)| d == to)?;
        let (_, ready) = self.ready.swap_remove(at);
        ready.downcast::<C>().ok().map(|c| *c)
    }
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
    R: std::fmt::Debug + Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Connecting<S::Response, S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: R) -> Self::Future {
        let to: Destination = format!("{request:?}");
        let warming = self.warming.clone();
        let mut state = warming.state();
        if state.ahead > 0 {
            state.ahead -= 1;
            let connecting = self.inner.call(request);
            let task = tokio::spawn(settle(warming.clone(), to.clone(), connecting));
            state.opening.push((to, task.abort_handle()));
            // Whoever called for it is dropped before it is polled again.
            return Box::pin(std::future::pending());
        }
        if let Some(ready) = state.take_ready::<S::Response>(&to) {
            return Box::pin(std::future::ready(Ok(ready)));
        }
        if state.waiting_for(&to) >= state.opening_to(&to) {
            drop(state);
            return Box::pin(self.inner.call(request));
        }
        state.waiting.push(to.clone());
        drop(state);
        let waiting = Waiting {
            warming: warming.clone(),
            to,
        };
        // Should none be ready after all, the request opens its own.
        let mut inner = self.inner.clone();
        Box::pin(async move {
            loop {
                let settled = warming.shared.settled.notified();
                {
                    let mut state = warming.state();
                    if let Some(ready) = state.take_ready::<S::Response>(&waiting.to) {
                        return Ok(ready);
                    }
                    if state.opening_to(&waiting.to) == 0 {
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

/// A request waiting for a connection opened ahead, counted until it has one or
/// gives up (or is dropped).
struct Waiting {
    warming: Warming,
    to: Destination,
}

impl Drop for Waiting {
    fn drop(&mut self) {
        let mut state = self.warming.state();
        if let Some(at) = state.waiting.iter().position(|d| *d == self.to) {
            state.waiting.swap_remove(at);
        }
    }
}

/// Keep the connection `connecting` opens to `to` for the next request; should it
/// speak HTTP/2, close those still being opened there, which no request will need.
async fn settle<C, E, F>(warming: Warming, to: Destination, connecting: F)
where
    C: Connection + Send + 'static,
    F: Future<Output = Result<C, E>>,
{
    let result = connecting.await;
    let mut state = warming.state();
    let id = tokio::task::try_id();
    state.opening.retain(|(_, task)| Some(task.id()) != id);
    if let Ok(connection) = result {
        if connection.connected().is_negotiated_h2() {
            if !state.multiplexed {
                state.multiplexed = true;
                state.ready.push((to.clone(), Box::new(connection)));
            }
            state.opening.retain(|(d, task)| {
                let pointless = *d == to;
                if pointless {
                    task.abort();
                }
                !pointless
            });
        } else {
            state.ready.push((to, Box::new(connection)));
        }
    }
    drop(state);
    warming.shared.settled.notify_waiters();
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper_util::client::legacy::connect::Connected;

    /// A connection the test connector made: where to, which one, and whether it
    /// speaks HTTP/2.
    #[derive(Debug)]
    struct Line {
        to: String,
        n: usize,
        h2: bool,
    }

    impl Connection for Line {
        fn connected(&self) -> Connected {
            let connected = Connected::new();
            if self.h2 {
                connected.negotiated_h2()
            } else {
                connected
            }
        }
    }

    /// A connector whose connections take `turns` turns of the runtime (and `stagger`
    /// more for each made before), fail when `failing`, and are all counted.
    #[derive(Clone, Default)]
    struct Dial {
        made: Arc<Mutex<Vec<String>>>,
        turns: usize,
        stagger: usize,
        h2: bool,
        failing: bool,
    }

    impl Service<String> for Dial {
        type Response = Line;
        type Error = String;
        type Future = Connecting<Line, String>;

        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), String>> {
            Poll::Ready(Ok(()))
        }

        fn call(&mut self, to: String) -> Self::Future {
            let n = {
                let mut made = self.made.lock().unwrap();
                made.push(to.clone());
                made.len() - 1
            };
            let turns = self.turns + n * self.stagger;
            let (h2, failing) = (self.h2, self.failing);
            Box::pin(async move {
                for _ in 0..turns {
                    tokio::task::yield_now().await;
                }
                if failing {
                    return Err(format!("cannot reach {to}"));
                }
                Ok(Line { to, n, h2 })
            })
        }
    }

    fn warm(dial: &Dial) -> (Warming, Warm<Dial>) {
        let warming = Warming::default();
        let service = tower_layer::Layer::layer(&warming, dial.clone());
        (warming, service)
    }

    /// Open `count` connections to `to` ahead, as the client does: a request whose
    /// first poll calls the connector.
    fn open(warming: &Warming, service: &Warm<Dial>, to: &str, count: usize) {
        warming.open(count, || {
            let mut service = service.clone();
            let to = to.to_string();
            async move { service.call(to).await }
        });
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
    }

    fn made(dial: &Dial) -> Vec<String> {
        dial.made.lock().unwrap().clone()
    }

    #[test]
    fn connections_opened_ahead_go_to_requests_for_the_same_server() {
        let dial = Dial {
            turns: 2,
            ..Dial::default()
        };
        runtime().block_on(async {
            let (warming, mut service) = warm(&dial);
            open(&warming, &service, "api", 3);
            assert_eq!(made(&dial), ["api", "api", "api"]);
            // Another server's request opens its own, even with some ready.
            for _ in 0..5 {
                tokio::task::yield_now().await;
            }
            let other = service.call("iam".to_string()).await.unwrap();
            assert_eq!((other.to.as_str(), other.n), ("iam", 3));
            // The API's requests take the three, then open their own.
            let mut taken = Vec::new();
            for _ in 0..4 {
                taken.push(service.call("api".to_string()).await.unwrap().n);
            }
            taken.sort_unstable();
            assert_eq!(taken, [0, 1, 2, 4]);
            assert_eq!(made(&dial).len(), 5);
        });
    }

    #[test]
    fn requests_wait_for_connections_being_opened_as_many_as_there_are() {
        let dial = Dial {
            turns: 5,
            ..Dial::default()
        };
        runtime().block_on(async {
            let (warming, service) = warm(&dial);
            open(&warming, &service, "api", 2);
            // Three at once: two wait for the two being opened, the third opens one
            // at once.
            let call = || {
                let mut service = service.clone();
                async move { service.call("api".to_string()).await.unwrap().n }
            };
            let (mut a, mut b, mut c) = (Box::pin(call()), Box::pin(call()), Box::pin(call()));
            let mut cx = Context::from_waker(std::task::Waker::noop());
            for call in [&mut a, &mut b, &mut c] {
                assert!(call.as_mut().poll(&mut cx).is_pending());
            }
            assert_eq!(made(&dial).len(), 3);
            let (a, b, c) = tokio::join!(a, b, c);
            let mut got = [a, b, c];
            got.sort_unstable();
            assert_eq!(got, [0, 1, 2]);
            assert_eq!(made(&dial).len(), 3);
            assert!(warming.state().waiting.is_empty());
        });
    }

    #[test]
    fn a_request_whose_connection_ahead_failed_opens_its_own() {
        let failing = Dial {
            turns: 2,
            failing: true,
            ..Dial::default()
        };
        runtime().block_on(async {
            let (warming, mut service) = warm(&failing);
            open(&warming, &service, "api", 1);
            let fallback = service.call("api".to_string()).await;
            // It waited for the one being opened, then tried its own.
            assert_eq!(fallback.unwrap_err(), "cannot reach api");
            assert_eq!(made(&failing).len(), 2);
            assert!(warming.state().waiting.is_empty());
        });
    }

    #[test]
    fn once_one_speaks_http2_the_others_are_dropped_and_no_more_opened() {
        let dial = Dial {
            turns: 3,
            stagger: 5,
            h2: true,
            ..Dial::default()
        };
        runtime().block_on(async {
            let (warming, mut service) = warm(&dial);
            open(&warming, &service, "api", 4);
            let first = service.call("api".to_string()).await.unwrap();
            assert!(first.h2);
            // The others were dropped as soon as it was in.
            assert!(warming.state().opening.is_empty());
            for _ in 0..30 {
                tokio::task::yield_now().await;
            }
            {
                let state = warming.state();
                assert!(state.multiplexed);
                assert!(state.opening.is_empty() && state.ready.is_empty());
            }
            open(&warming, &service, "api", 4);
            assert_eq!(made(&dial).len(), 4);
        });
    }

    #[test]
    fn a_request_that_never_calls_the_connector_stops_the_opening() {
        let dial = Dial::default();
        let (warming, _service) = warm(&dial);
        let mut started = 0;
        warming.open(3, || {
            started += 1;
            std::future::ready(())
        });
        assert_eq!(started, 1);
        assert_eq!(warming.state().ahead, 0);
        assert!(made(&dial).is_empty());
    }
}
