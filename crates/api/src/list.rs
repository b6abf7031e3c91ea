//! A list's view state, the same for every API: page, size, order and
//! filters, kept in the page URL; and one page of an answer.
//!
//! Each API's dialect turns a [`ListQuery`] into its own request (path
//! segments, `page`/`pagesize`, `limit`/`offset`) and its answer into a
//! [`ListPage`].

/// Default page size of most lists.
pub const DEFAULT_LIMIT: u32 = 10;
/// The reference server answers 404 above this page size.
pub const MAX_LIMIT: u32 = 100;
/// The "page size" of a list the API sends whole (Websupport's default,
/// unlimited): the console orders, searches and scrolls it in the browser.
pub const WHOLE_LIST: u32 = 0;
/// Page sizes the UI offers.
pub const LIMIT_CHOICES: [u32; 4] = [10, 25, 50, 100];

/// One page of a list.
#[derive(Clone, Debug, PartialEq)]
pub struct ListPage<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub limit: u32,
    pub total: u64,
    pub next_uri: Option<String>,
    pub previous_uri: Option<String>,
    /// Items of the answer that could not be read and were left out.
    pub unreadable: usize,
    /// Items sent beyond the page size asked for, left out unread.
    pub surplus: usize,
    /// The total is only a lower bound: the API gives none and a full page
    /// says more may follow (the Profiles API's bare arrays).
    pub open_ended: bool,
}

impl<T> ListPage<T> {
    /// The page a 204 stands for.
    pub fn empty(page: u32, limit: u32) -> Self {
        ListPage {
            items: Vec::new(),
            page,
            limit,
            total: 0,
            next_uri: None,
            previous_uri: None,
            unreadable: 0,
            surplus: 0,
            open_ended: false,
        }
    }

    /// The same page with each item turned into something else; items
    /// `convert` refuses count as unreadable.
    pub fn map_items<U>(self, convert: impl Fn(T) -> Option<U>) -> ListPage<U> {
        let before = self.items.len();
        let items: Vec<U> = self.items.into_iter().filter_map(convert).collect();
        ListPage {
            unreadable: self.unreadable + before - items.len(),
            items,
            page: self.page,
            limit: self.limit,
            total: self.total,
            next_uri: self.next_uri,
            previous_uri: self.previous_uri,
            surplus: self.surplus,
            open_ended: self.open_ended,
        }
    }

    /// Number of pages at this page size (at least 1).
    pub fn page_count(&self) -> u32 {
        let pages = self.total.div_ceil(u64::from(self.limit.max(1)));
        u32::try_from(pages).unwrap_or(u32::MAX).max(1)
    }

    /// Whether a page follows this one, for reading a list to its end
    /// (an export): not after an empty or short page, nor past the
    /// total's last page unless the total is only a lower bound.
    pub fn has_more(&self) -> bool {
        if self.limit == WHOLE_LIST {
            return false;
        }
        let full = self.items.len() + self.unreadable + self.surplus >= self.limit.max(1) as usize;
        !self.items.is_empty() && full && (self.open_ended || self.page < self.page_count())
    }
}

/// Keeps a page number at 1 or more (page 0 is a server error).
pub fn clamp_page(page: u32) -> u32 {
    page.max(1)
}

/// Keeps a page size within 1..=100.
pub fn clamp_limit(limit: u32) -> u32 {
    limit.clamp(1, MAX_LIMIT)
}

/// How an API pages a list: the one place that says whether a list is
/// paged, sent whole or sent in one answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paging {
    /// Page by page, `default_limit` rows to a page until the user picks
    /// another size (10 for most lists; logins 25).
    Paged { default_limit: u32 },
    /// All at once ([`WHOLE_LIST`]): the console orders, searches and
    /// scrolls it in the browser (Websupport's lists).
    Whole,
    /// In one answer, documented with neither paging nor order (a
    /// profile's contacts): no pager, no page size, no order.
    Unpaged,
}

/// Most lists: paged, 10 rows to a page.
pub const PAGED: Paging = Paging::Paged {
    default_limit: DEFAULT_LIMIT,
};

/// What one resource's list accepts: its documented `order_by` values (the
/// first is the console's default view, newest first for lists of events,
/// which the console always sends), its filters and how it is paged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListSpec {
    pub orders: &'static [&'static str],
    pub filters: &'static [&'static str],
    /// The filters that take a whole number (ids, status and other codes).
    /// A value that is not one is refused as typed and dropped from a URL:
    /// a real server answers such a value with 500.
    pub integers: &'static [&'static str],
    pub paging: Paging,
}

/// The state of a list view: page, size, order and filters. It round-trips
/// through the page URL, so reload, back and a pasted link restore it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    pub page: u32,
    pub limit: u32,
    pub order_by: &'static str,
    /// Known filters with a non-empty value, in the spec's order.
    pub filters: Vec<(&'static str, String)>,
}

impl ListSpec {
    /// Whether the API sends this list whole.
    pub fn is_whole(&self) -> bool {
        self.paging == Paging::Whole
    }

    /// Whether the API pages this list, so the console offers a pager and
    /// a page size.
    pub fn is_paged(&self) -> bool {
        matches!(self.paging, Paging::Paged { .. })
    }

    /// The page size asked for by default: the documented default, the
    /// whole list, or the largest page for a list that comes in one answer.
    pub fn default_limit(&self) -> u32 {
        match self.paging {
            Paging::Paged { default_limit } => default_limit,
            Paging::Whole => WHOLE_LIST,
            Paging::Unpaged => MAX_LIMIT,
        }
    }

    /// The unfiltered first page in the default order.
    pub fn default_query(&self) -> ListQuery {
        ListQuery {
            page: 1,
            limit: self.default_limit(),
            order_by: self.orders.first().copied().unwrap_or("id.asc"),
            filters: Vec::new(),
        }
    }

    /// Reads the state from URL query values; anything unknown or out of
    /// range falls back to its default, so a pasted link never breaks.
    pub fn from_url(&self, value: impl Fn(&str) -> Option<String>) -> ListQuery {
        let defaults = self.default_query();
        let number = |key: &str| value(key).and_then(|text| text.trim().parse::<u32>().ok());
        ListQuery {
            page: number("page").map_or(defaults.page, clamp_page),
            limit: number("limit").map_or(defaults.limit, clamp_limit),
            order_by: value("order_by")
                .and_then(|text| self.orders.iter().copied().find(|order| *order == text))
                .unwrap_or(defaults.order_by),
            filters: self
                .filters
                .iter()
                .filter_map(|key| {
                    value(key)
                        .map(|v| v.trim().to_string())
                        .filter(|v| !v.is_empty() && self.check_filter(key, v).is_ok())
                        .map(|v| (*key, v))
                })
                .collect(),
        }
    }

    /// Whether `value` is acceptable for the filter `key`: integer filters
    /// take a whole number from 0 up (no sign, no letters, at most 18 digits).
    pub fn check_filter(&self, key: &str, value: &str) -> Result<(), &'static str> {
        let value = value.trim();
        if value.is_empty() || !self.integers.contains(&key) {
            return Ok(());
        }
        if value.len() <= 18 && value.bytes().all(|b| b.is_ascii_digit()) {
            Ok(())
        } else {
            Err("Enter a whole number, such as 12.")
        }
    }

    /// The URL query for a state, leaving out defaults (`""` when all are).
    pub fn to_url(&self, query: &ListQuery) -> String {
        let defaults = self.default_query();
        let mut pairs: Vec<(&str, String)> =
            query.filters.iter().map(|(k, v)| (*k, v.clone())).collect();
        if query.order_by != defaults.order_by {
            pairs.push(("order_by", query.order_by.to_string()));
        }
        if query.limit != defaults.limit {
            pairs.push(("limit", query.limit.to_string()));
        }
        if query.page != defaults.page {
            pairs.push(("page", query.page.to_string()));
        }
        crate::http::query_string(&pairs)
    }

    /// The state after clicking a column header: the same column flips
    /// direction, another column starts ascending; back to page 1.
    pub fn sorted_by(&self, query: &ListQuery, column: &str) -> ListQuery {
        let ascending = format!("{column}.asc");
        let wanted = if query.order_by == ascending {
            format!("{column}.desc")
        } else {
            ascending
        };
        let order_by = self
            .orders
            .iter()
            .copied()
            .find(|order| *order == wanted)
            .unwrap_or(query.order_by);
        ListQuery {
            order_by,
            page: 1,
            ..query.clone()
        }
    }

    /// The state with one filter set (or cleared by an empty value); back to page 1.
    pub fn filtered(&self, query: &ListQuery, key: &str, value: &str) -> ListQuery {
        let mut url: Vec<(&str, String)> =
            query.filters.iter().map(|(k, v)| (*k, v.clone())).collect();
        url.retain(|(k, _)| *k != key);
        url.push((key, value.to_string()));
        let lookup = |name: &str| url.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
        ListQuery {
            filters: self.from_url(lookup).filters,
            page: 1,
            ..query.clone()
        }
    }

    /// The column a sortable header names and whether it is sorted ascending.
    pub fn sort_state(query: &ListQuery, column: &str) -> Option<bool> {
        let (sorted, direction) = query.order_by.split_once('.')?;
        (sorted == column).then_some(direction == "asc")
    }
}

impl ListQuery {
    /// A filter's value, if set.
    pub fn filter(&self, key: &str) -> Option<&str> {
        self.filters
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// `order_by` plus the filters that travel on the API's query string.
    pub fn api_query<'a>(&'a self, query_filters: &[&'a str]) -> Vec<(&'a str, String)> {
        let mut pairs: Vec<(&str, String)> = self
            .filters
            .iter()
            .filter(|(k, _)| query_filters.contains(k))
            .map(|(k, v)| (*k, v.clone()))
            .collect();
        pairs.push(("order_by", self.order_by.to_string()));
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: ListSpec = ListSpec {
        orders: &["id.asc", "id.desc", "name.asc", "name.desc"],
        filters: &["type", "status"],
        integers: &["status"],
        paging: PAGED,
    };

    fn from_pairs(pairs: &[(&str, &str)]) -> ListQuery {
        SPEC.from_url(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn url_state_round_trips_and_omits_defaults() {
        assert_eq!(SPEC.to_url(&SPEC.default_query()), "");
        let query = from_pairs(&[
            ("page", "3"),
            ("limit", "25"),
            ("order_by", "name.desc"),
            ("status", "2"),
            ("type", "user"),
        ]);
        assert_eq!(
            SPEC.to_url(&query),
            "?type=user&status=2&order_by=name.desc&limit=25&page=3"
        );
        let again = crate::http::HttpRequest::new(
            crate::http::Method::Get,
            format!("/x{}", SPEC.to_url(&query)),
        );
        assert_eq!(SPEC.from_url(|key| again.query(key)), query);
    }

    #[test]
    fn url_state_ignores_garbage() {
        let query = from_pairs(&[
            ("page", "0"),
            ("limit", "9999"),
            ("order_by", "evil.asc"),
            ("color", "red"),
            ("status", " "),
        ]);
        assert_eq!(
            query,
            ListQuery {
                page: 1,
                limit: 100,
                order_by: "id.asc",
                filters: vec![]
            }
        );
        assert_eq!(from_pairs(&[("page", "two")]).page, 1);
    }

    #[test]
    fn integer_filters_refuse_letters_as_typed_and_in_the_url() {
        assert!(SPEC.check_filter("status", "2").is_ok());
        assert!(SPEC.check_filter("status", " 12 ").is_ok());
        assert!(SPEC.check_filter("status", "").is_ok());
        for garbage in ["abc", "1a", "-1", "1.5", "1e3", "99999999999999999999"] {
            assert!(SPEC.check_filter("status", garbage).is_err(), "{garbage}");
        }
        assert!(
            SPEC.check_filter("type", "admin").is_ok(),
            "text filters take text"
        );
        let query = from_pairs(&[("status", "abc"), ("type", "user")]);
        assert_eq!(query.filters, vec![("type", "user".to_string())]);
        let typed = SPEC.filtered(&query, "status", "x1");
        assert_eq!(typed.filter("status"), None);
    }

    #[test]
    fn sorting_toggles_like_a_column_header() {
        let start = from_pairs(&[("page", "4")]);
        let by_id = SPEC.sorted_by(&start, "id");
        assert_eq!((by_id.order_by, by_id.page), ("id.desc", 1));
        assert_eq!(SPEC.sorted_by(&by_id, "id").order_by, "id.asc");
        let by_name = SPEC.sorted_by(&by_id, "name");
        assert_eq!(by_name.order_by, "name.asc");
        assert_eq!(SPEC.sorted_by(&by_name, "name").order_by, "name.desc");
        assert_eq!(
            SPEC.sorted_by(&by_name, "priority").order_by,
            "name.asc",
            "undocumented orders are ignored"
        );
        assert_eq!(ListSpec::sort_state(&by_name, "name"), Some(true));
        assert_eq!(ListSpec::sort_state(&by_name, "id"), None);
    }

    #[test]
    fn filters_set_and_clear_and_reset_the_page() {
        let start = from_pairs(&[("page", "4"), ("status", "1")]);
        let typed = SPEC.filtered(&start, "type", "admin");
        assert_eq!(
            (typed.filter("type"), typed.filter("status"), typed.page),
            (Some("admin"), Some("1"), 1)
        );
        let cleared = SPEC.filtered(&typed, "status", "");
        assert_eq!(cleared.filters, vec![("type", "admin".to_string())]);
        assert_eq!(SPEC.filtered(&typed, "unknown", "x").filters, typed.filters);
        assert_eq!(
            typed.api_query(&["status"]),
            vec![
                ("status", "1".to_string()),
                ("order_by", "id.asc".to_string())
            ]
        );
    }

    #[test]
    fn limits_stay_within_what_the_server_accepts() {
        assert_eq!(
            (clamp_limit(0), clamp_limit(100), clamp_limit(101)),
            (1, 100, 100)
        );
        assert_eq!((clamp_page(0), clamp_page(7)), (1, 7));
    }

    #[test]
    fn has_more_until_the_last_short_or_empty_page() {
        let page = |page: u32, items: usize, total: u64, open_ended: bool| ListPage {
            items: vec![0; items],
            total,
            open_ended,
            ..ListPage::empty(page, 10)
        };
        assert!(page(1, 10, 25, false).has_more());
        assert!(page(2, 10, 25, false).has_more());
        assert!(!page(3, 5, 25, false).has_more());
        assert!(
            !page(2, 10, 20, false).has_more(),
            "the total says page 2 is the last"
        );
        assert!(
            page(2, 10, 20, true).has_more(),
            "a lower bound promises nothing"
        );
        assert!(!page(3, 0, 20, true).has_more());
        assert!(!page(1, 0, 0, false).has_more());
    }
}
