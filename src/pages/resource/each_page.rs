//! Reading a described list to its end: the one loop around
//! [`PageWalk`] for the whole lists, the choices of a form and the CSV
//! export.
//!
//! ## Usage
//! ```ignore
//! let mut rows = Vec::new();
//! let ended = each_page(client, &USERS, None, USERS.list.default_query(), 1_000, &mut |page| {
//!     rows.append(&mut page.items);
//!     true
//! })
//! .await?;
//! ```

use serde_json::Value;
use userdesk_api::list::{ListPage, ListQuery, WHOLE_LIST};
use userdesk_api::resource::Description;
use userdesk_api::walk::{Next, PageWalk};
use userdesk_api::ApiError;

use crate::client::Client;

/// How a reading ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Walked {
    /// The list is read to its end.
    End,
    /// More may follow, but the cap was reached.
    Capped,
    /// The reader said stop (its page has gone, or the user stopped).
    Stopped,
}

/// Reads `resource`'s list from `start` (page 1 of it), page after page,
/// until [`PageWalk`]'s stop rule, at most `cap` pages. `on_page` gets each
/// page with only the records not read before (theirs to take), and answers whether to go
/// on. A list asked for whole goes on at the page size the server answered
/// with, as a server that pages it anyway names one.
pub async fn each_page(
    client: Client,
    resource: &'static Description,
    parent: Option<&str>,
    start: ListQuery,
    cap: u32,
    on_page: &mut dyn FnMut(&mut ListPage<Value>) -> bool,
) -> Result<Walked, ApiError> {
    let mut walk = PageWalk::new(cap);
    let mut query = start;
    loop {
        let mut page = client.list(resource, parent, &query).await?;
        let next = walk.step(&mut page, |item| resource.id_of(item));
        if !on_page(&mut page) {
            return Ok(Walked::Stopped);
        }
        match next {
            Next::Page(number) => {
                if query.limit == WHOLE_LIST {
                    query.limit = page.limit;
                }
                query.page = number;
            }
            Next::End => return Ok(Walked::End),
            Next::Capped => return Ok(Walked::Capped),
        }
    }
}
