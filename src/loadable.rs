//! Data a page shows, in one of three states: loading, failed (with the
//! located `AppError`) or loaded. Unlike a Leptos resource, it can start out
//! loaded: with the data the build rendered the page from (`start::Preloaded`),
//! so the browser's first render is the rendered page, not a loading notice.

use crate::fetch::AppError;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

type Fetch<T> = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<T, AppError>>>>>;

pub struct Loadable<T: Send + Sync + 'static> {
    value: RwSignal<Option<Result<T, AppError>>>,
    fetch: StoredValue<Fetch<T>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for Loadable<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Loadable<T> {}

impl<T: Clone + Send + Sync + 'static> Loadable<T> {
    /// Starts with `ready` when it is there, else fetches at once.
    pub fn new<F, Fut>(ready: Option<Result<T, AppError>>, fetch: F) -> Self
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<T, AppError>> + 'static,
    {
        let fetch: Fetch<T> = Rc::new(move || Box::pin(fetch()));
        let loadable = Loadable { value: RwSignal::new(None), fetch: StoredValue::new_local(fetch) };
        match ready {
            Some(value) => loadable.value.set(Some(value)),
            None => loadable.refetch(),
        }
        loadable
    }

    /// `None` while loading.
    pub fn get(&self) -> Option<Result<T, AppError>> {
        self.value.get()
    }

    /// Fetches again (a reader's "try again"), showing "loading" meanwhile.
    pub fn refetch(&self) {
        // The build renders only with its data in hand: it never fetches.
        if cfg!(not(target_arch = "wasm32")) {
            return;
        }
        self.value.set(None);
        let (value, fetch) = (self.value, self.fetch.get_value());
        leptos::task::spawn_local(async move {
            let result = fetch().await;
            value.try_set(Some(result));
        });
    }
}
