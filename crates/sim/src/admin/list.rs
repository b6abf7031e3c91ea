//! What every simulated list shares: page numbers from the path, the
//! reference server's edge cases, ordering and the envelope.

use serde::Serialize;
use serde_json::json;
use userdesk_api::HttpResponse;

use crate::json::{error, no_content, ok};

const MAX_LIMIT: usize = 100;

/// A requested page.
pub(super) struct Paging {
    pub page: usize,
    pub limit: usize,
}

/// Reads `/{page}/{limit}` segments, `default_limit` when the size is
/// left out. Page 0 answers 500 and a size above 100 answers 404, as on
/// the reference server.
pub(super) fn paging_with(numbers: &[&str], default_limit: usize) -> Result<Paging, HttpResponse> {
    if numbers.len() > 2 {
        return Err(error(404, "Not found"));
    }
    let parse = |index: usize, default: usize| match numbers.get(index) {
        None => Some(default),
        Some(text) => text.parse::<usize>().ok(),
    };
    let (Some(page), Some(limit)) = (parse(0, 1), parse(1, default_limit)) else {
        return Err(error(404, "Not found"));
    };
    if page == 0 {
        return Err(error(500, "Page numbers start at 1"));
    }
    if limit == 0 || limit > MAX_LIMIT {
        return Err(error(404, "Not found"));
    }
    Ok(Paging { page, limit })
}

/// Every Admin list's documented default order.
const DOCUMENTED_DEFAULT: &str = "id.asc";

/// The requested order among `allowed`, else the documented default, as
/// the column name and whether ascending.
pub(super) fn order<'a>(requested: Option<String>, allowed: &[&'a str]) -> (&'a str, bool) {
    let chosen = requested
        .and_then(|text| allowed.iter().copied().find(|order| *order == text))
        .or_else(|| {
            allowed
                .iter()
                .copied()
                .find(|order| *order == DOCUMENTED_DEFAULT)
        })
        .unwrap_or(allowed[0]);
    let (column, direction) = chosen.split_once('.').unwrap_or((chosen, "asc"));
    (column, direction == "asc")
}

/// One page of `items` under `key`, or 204 past the end. `uri` builds the
/// link to another page number.
pub(super) fn page_of<T: Serialize>(
    key: &str,
    items: Vec<T>,
    paging: &Paging,
    uri: impl Fn(usize) -> String,
) -> HttpResponse {
    let total = items.len();
    let start = (paging.page - 1).saturating_mul(paging.limit);
    if start >= total {
        return no_content();
    }
    let shown: Vec<T> = items.into_iter().skip(start).take(paging.limit).collect();
    let mut body = json!({
        "page": paging.page,
        "limit": paging.limit,
        "total": total,
        "next_uri": (start + paging.limit < total).then(|| uri(paging.page + 1)),
        "previous_uri": (paging.page > 1).then(|| uri(paging.page - 1)),
    });
    body[key] = json!(shown);
    ok(200, &body)
}

/// Whether a numeric filter value equals `actual` (unparsable values match nothing).
pub(super) fn same_number(value: &str, actual: i64) -> bool {
    value
        .trim()
        .parse::<i64>()
        .is_ok_and(|wanted| wanted == actual)
}

#[cfg(test)]
mod tests {
    use super::order;

    #[test]
    fn without_order_by_the_documented_default_applies() {
        let allowed = ["attempt_date.desc", "attempt_date.asc", "id.asc", "id.desc"];
        assert_eq!(order(None, &allowed), ("id", true));
        assert_eq!(
            order(Some("attempt_date.desc".into()), &allowed),
            ("attempt_date", false)
        );
        assert_eq!(order(Some("nonsense".into()), &allowed), ("id", true));
    }
}
