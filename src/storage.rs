//! Thin, panic-free access to `localStorage` and `sessionStorage`.
//!
//! What may go where: non-secret settings and Demo data in local storage; the
//! short-lived Admin session token in session storage; passwords and keys
//! nowhere.

/// Which browser store.
#[derive(Clone, Copy, Debug)]
pub enum Store {
    Local,
    Session,
}

fn storage(store: Store) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match store {
        Store::Local => window.local_storage().ok().flatten(),
        Store::Session => window.session_storage().ok().flatten(),
    }
}

/// Reads a value; `None` when absent or storage is unavailable (private mode).
pub fn read(store: Store, key: &str) -> Option<String> {
    storage(store)?.get_item(key).ok().flatten()
}

/// Writes a value; returns whether it was stored (quota or privacy may refuse).
pub fn write(store: Store, key: &str, value: &str) -> bool {
    storage(store).is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(store: Store, key: &str) {
    if let Some(s) = storage(store) {
        let _ = s.remove_item(key);
    }
}
