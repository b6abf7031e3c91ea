//! Regions: the read-only list `/regions…`, filterable by country.

use serde::{Deserialize, Serialize};

use super::status::{STATUS_COLUMN, STATUS_FILTER};
use crate::list::{ListSpec, PAGED};
use crate::resource::{
    Api, Column, Description, Filter, FilterControl, Messages, Ops, Path, Records,
};

use super::status::ResourceStatus;

/// The collection: ordered by id, name or code; filtered by status and country.
pub const REGIONS: Description = Description {
    api: Api::Admin,
    slug: "regions",
    title: "Regions",
    menu: "Regions",
    noun: "region",
    plural: "regions",
    path: Path::of("regions", "region"),
    fields: &[],
    list: ListSpec {
        orders: &[
            "id.asc",
            "id.desc",
            "name.asc",
            "name.desc",
            "code_2.asc",
            "code_2.desc",
        ],
        filters: &["status", "country_id"],
        integers: &["status", "country_id"],
        paging: PAGED,
    },
    columns: &[
        Column::new("ID", "id").numeric().sorted(),
        Column::new("Name", "name").sorted(),
        Column::new("Code", "code_2").sorted(),
        Column::new("Country", "{country.name} ({country.code_2})"),
        STATUS_COLUMN,
    ],
    filters: &[
        Filter {
            key: "country_id",
            label: "Country",
            control: FilterControl::Records {
                any: "Any country",
                records: Records {
                    slug: "countries",
                    label: "{name}",
                    filters: &[],
                    one_each: None,
                },
            },
        },
        STATUS_FILTER,
    ],
    meta: &[],
    ops: Ops::READ_ONLY,
    messages: Messages::listed("No regions match."),
    #[cfg(feature = "examples")]
    example: crate::resource::Example {
        record: r#"{"code_2": "CA", "country": {"code_2": "US", "code_3": "USA", "id": 1, "name": "United States"},
            "created_at": "2019-11-05T02:16:56+0000", "id": 1, "name": "California", "status": 1,
            "status_changed_at": "2018-01-01T00:00:00+0000", "updated_at": "2019-11-05T02:16:56+0000"}"#,
        create: "",
    },
    ..Description::BLANK
};

/// A region as listed, with its country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub id: i64,
    pub name: String,
    pub code_2: String,
    pub country: CountryRef,
    pub status: ResourceStatus,
    pub status_changed_at: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The short form of a country inside a region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryRef {
    pub id: i64,
    pub name: String,
    pub code_2: String,
    pub code_3: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::dialect::{AdminCall, ADMIN_API};
    use crate::admin::AdminConfig;
    use crate::list::ListPage;
    use crate::resource::{Dialect, Operation};

    #[test]
    fn decodes_the_documented_page() {
        let body = r#"{"limit": 2, "page": 1, "total": 6, "regions": [{"code_2": "CA",
            "country": {"code_2": "US", "code_3": "USA", "id": 1, "name": "United States"},
            "created_at": "2019-11-05T02:16:56+0000", "id": 1, "name": "California", "status": 1,
            "status_changed_at": "2018-01-01T00:00:00+0000", "updated_at": "2019-11-05T02:16:56+0000"}]}"#;
        let page: ListPage<Region> = crate::admin::dialect::typed_page(&REGIONS, body.into());
        assert_eq!(page.items[0].country.name, "United States");
    }

    #[test]
    fn the_country_filter_travels_as_country_id() {
        let config = AdminConfig {
            base_url: "/a".into(),
            version: "1.0".into(),
            app_key: "k".repeat(32),
        };
        let query = REGIONS
            .list
            .from_url(|key| (key == "country_id").then(|| "2".to_string()));
        let call = AdminCall {
            config: &config,
            token: "t",
        };
        let url = ADMIN_API
            .request(&call, &REGIONS, &Operation::List { query: &query })
            .url;
        assert!(url.ends_with("&country_id=2&order_by=id.asc"), "{url}");
    }
}
