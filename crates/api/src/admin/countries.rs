//! Countries: the read-only list `/countries…`.

use serde::{Deserialize, Serialize};

use super::status::{STATUS_COLUMN, STATUS_FILTER};
use crate::list::{ListSpec, PAGED};
use crate::resource::{Api, Cell, Column, Description, Messages, Ops, Path};

use super::status::ResourceStatus;

/// The collection: ordered by id, name or either code; filtered by status.
pub const COUNTRIES: Description = Description {
    api: Api::Admin,
    slug: "countries",
    title: "Countries",
    menu: "Countries",
    noun: "country",
    plural: "countries",
    path: Path::of("countries", "country"),
    fields: &[],
    list: ListSpec {
        orders: &[
            "id.asc",
            "id.desc",
            "name.asc",
            "name.desc",
            "code_2.asc",
            "code_2.desc",
            "code_3.asc",
            "code_3.desc",
        ],
        filters: &["status"],
        integers: &["status"],
        paging: PAGED,
    },
    columns: &[
        Column::new("ID", "id").numeric().sorted(),
        Column::new("Name", "name").sorted(),
        Column::new("Code", "code_2").sorted(),
        Column::new("Code (3)", "code_3").sorted().minor(),
        STATUS_COLUMN,
        Column::new("Regions", "").shown(Cell::GoTo {
            to: "regions",
            filter: "country_id",
            value: "{id}",
        }),
    ],
    filters: &[STATUS_FILTER],
    meta: &[],
    ops: Ops::READ_ONLY,
    messages: Messages::listed("No countries match."),
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"code_2": "US", "code_3": "USA", "created_at": "2019-11-05T02:16:56+0000", "id": 1,
            "name": "United States", "status": 1, "status_changed_at": "2018-01-01T00:00:00+0000",
            "updated_at": "2019-11-05T02:16:56+0000"}"#,
        create: "",
    },
    ..Description::BLANK
};

/// A country as listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country {
    pub id: i64,
    pub name: String,
    pub code_2: String,
    pub code_3: String,
    pub status: ResourceStatus,
    pub status_changed_at: String,
    pub created_at: String,
    pub updated_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::ListPage;

    #[test]
    fn decodes_the_documented_page() {
        let body = r#"{"countries": [{"code_2": "US", "code_3": "USA", "created_at": "2019-11-05T02:16:56+0000", "id": 1,
            "name": "United States", "status": 1, "status_changed_at": "2018-01-01T00:00:00+0000",
            "updated_at": "2019-11-05T02:16:56+0000"}],
            "limit": 2, "next_uri": "https://api.admin.domain.com/v/1.0/countries/2/2", "page": 1, "total": 5}"#;
        let page: ListPage<Country> = crate::admin::dialect::typed_page(&COUNTRIES, body.into());
        assert_eq!((page.total, page.items[0].code_3.as_str()), (5, "USA"));
    }
}
