//! Reading a list to its end, page by page: one walker, one stop rule,
//! for every reader that needs every record (choices, exports, lists a
//! server pages although they are documented whole).
//!
//! The walk stops at the first of:
//! - a page that says nothing follows ([`ListPage::has_more`]);
//! - a page that adds no new record: empty, or only records already read
//!   (a server that ignores the page size sends the same page again);
//! - the cap, which the caller chooses and tells the user about.
//!
//! ## Usage
//! ```
//! use serde_json::json;
//! use userdesk_api::list::ListPage;
//! use userdesk_api::walk::{Next, PageWalk};
//!
//! let mut walk = PageWalk::new(1_000);
//! let page = |n: u32| ListPage {
//!     items: vec![json!({"id": 1}), json!({"id": 2})],
//!     page: n, limit: 2, total: 10,
//!     ..ListPage::empty(n, 2)
//! };
//! let id = |item: &serde_json::Value| item.get("id").map(|id| id.to_string());
//! let mut first = page(1);
//! assert_eq!(walk.step(&mut first, id), Next::Page(2));
//! // The server ignored the page: the same two records again.
//! let mut again = page(2);
//! assert_eq!(walk.step(&mut again, id), Next::End);
//! assert!(again.items.is_empty(), "repeats are dropped");
//! ```

use std::collections::HashSet;

use serde_json::Value;

use crate::list::ListPage;

/// What a walk reads after a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Read this page next.
    Page(u32),
    /// The list is read to its end.
    End,
    /// More may follow, but the cap is reached.
    Capped,
}

/// The state of one walk: the ids read so far and the pages taken.
#[derive(Clone, Debug, Default)]
pub struct PageWalk {
    seen: HashSet<String>,
    pages: u32,
    cap: u32,
}

impl PageWalk {
    /// A walk of at most `cap` pages.
    pub fn new(cap: u32) -> PageWalk {
        PageWalk {
            seen: HashSet::new(),
            pages: 0,
            cap: cap.max(1),
        }
    }

    /// Pages read so far.
    pub fn pages(&self) -> u32 {
        self.pages
    }

    /// Takes `page`: drops the records already read (or without an id, as
    /// `id_of` finds none), then says what to read next.
    pub fn step(
        &mut self,
        page: &mut ListPage<Value>,
        id_of: impl Fn(&Value) -> Option<String>,
    ) -> Next {
        self.pages += 1;
        let more = page.has_more();
        let seen = &mut self.seen;
        page.items
            .retain(|item| id_of(item).is_some_and(|id| seen.insert(id)));
        if page.items.is_empty() || !more {
            Next::End
        } else if self.pages >= self.cap {
            Next::Capped
        } else {
            Next::Page(page.page.max(1) + 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn id(item: &Value) -> Option<String> {
        item.get("id").map(Value::to_string)
    }

    fn page(number: u32, ids: std::ops::Range<u32>, limit: u32, total: u64) -> ListPage<Value> {
        ListPage {
            items: ids.map(|id| json!({ "id": id })).collect(),
            page: number,
            limit,
            total,
            ..ListPage::empty(number, limit)
        }
    }

    #[test]
    fn reads_to_the_last_page() {
        let mut walk = PageWalk::new(100);
        assert_eq!(walk.step(&mut page(1, 0..10, 10, 25), id), Next::Page(2));
        assert_eq!(walk.step(&mut page(2, 10..20, 10, 25), id), Next::Page(3));
        assert_eq!(walk.step(&mut page(3, 20..25, 10, 25), id), Next::End);
        assert_eq!(walk.pages(), 3);
    }

    #[test]
    fn stops_when_a_page_repeats_or_adds_nothing_new() {
        // A server that ignores `pagesize` sends everything on every page.
        let mut walk = PageWalk::new(100);
        assert_eq!(walk.step(&mut page(1, 0..50, 10, 50), id), Next::Page(2));
        let mut again = page(2, 0..50, 10, 50);
        assert_eq!(walk.step(&mut again, id), Next::End);
        assert!(again.items.is_empty());
        // Overlapping pages keep only the new records and go on.
        let mut walk = PageWalk::new(100);
        walk.step(&mut page(1, 0..10, 10, 30), id);
        let mut overlap = page(2, 5..15, 10, 30);
        assert_eq!(walk.step(&mut overlap, id), Next::Page(3));
        assert_eq!(overlap.items.len(), 5);
        // An empty page ends it, whatever the total says.
        let mut walk = PageWalk::new(100);
        walk.step(&mut page(1, 0..10, 10, 1_000), id);
        assert_eq!(walk.step(&mut page(2, 0..0, 10, 1_000), id), Next::End);
    }

    #[test]
    fn stops_at_the_cap_and_says_so() {
        let mut walk = PageWalk::new(2);
        assert_eq!(walk.step(&mut page(1, 0..10, 10, 100), id), Next::Page(2));
        assert_eq!(walk.step(&mut page(2, 10..20, 10, 100), id), Next::Capped);
    }

    #[test]
    fn open_ended_pages_go_on_while_full() {
        let mut walk = PageWalk::new(100);
        let mut full = ListPage {
            open_ended: true,
            ..page(1, 0..10, 10, 11)
        };
        assert_eq!(walk.step(&mut full, id), Next::Page(2));
        let mut short = ListPage {
            open_ended: true,
            ..page(2, 10..15, 10, 15)
        };
        assert_eq!(walk.step(&mut short, id), Next::End);
    }
}
