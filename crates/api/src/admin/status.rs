//! Resource status codes shared by most Admin API resources.

use serde::{Deserialize, Serialize};

use crate::resource::{Cell, Column, Field, Filter, Start};

/// The five documented resource status codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum ResourceStatus {
    Enabled = 1,
    Disabled = 2,
    Archived = 3,
    Deleted = 4,
    Pending = 5,
}

impl ResourceStatus {
    pub const ALL: [ResourceStatus; 5] = [
        ResourceStatus::Enabled,
        ResourceStatus::Disabled,
        ResourceStatus::Archived,
        ResourceStatus::Deleted,
        ResourceStatus::Pending,
    ];

    /// The documented label.
    pub fn label(self) -> &'static str {
        match self {
            ResourceStatus::Enabled => "Enabled",
            ResourceStatus::Disabled => "Disabled",
            ResourceStatus::Archived => "Archived",
            ResourceStatus::Deleted => "Deleted",
            ResourceStatus::Pending => "Pending",
        }
    }

    pub fn code(self) -> u8 {
        self as u8
    }
}

impl TryFrom<u8> for ResourceStatus {
    type Error = String;

    fn try_from(code: u8) -> Result<Self, Self::Error> {
        ResourceStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
            .ok_or_else(|| format!("unknown status code {code}"))
    }
}

impl From<ResourceStatus> for u8 {
    fn from(status: ResourceStatus) -> u8 {
        status.code()
    }
}

/// The status codes as `(code, label)`, for descriptions.
pub const STATUSES: &[(&str, &str)] = &[
    ("1", "Enabled"),
    ("2", "Disabled"),
    ("3", "Archived"),
    ("4", "Deleted"),
    ("5", "Pending"),
];

/// The `status` field of a writable resource, starting at `start`'s code.
pub const fn status_field(start: ResourceStatus) -> Field {
    Field::code("status", "Status", STATUSES).starts(Start::Value(match start {
        ResourceStatus::Enabled => "1",
        ResourceStatus::Disabled => "2",
        ResourceStatus::Archived => "3",
        ResourceStatus::Deleted => "4",
        ResourceStatus::Pending => "5",
    }))
}

/// The status column of a list.
pub const STATUS_COLUMN: Column = Column::new("Status", "status").shown(Cell::Choice(STATUSES));

/// The status filter of a list.
pub const STATUS_FILTER: Filter = Filter::choice("status", "Status", "Any status", STATUSES);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_labels_match_the_table() {
        let table: Vec<(u8, &str)> = ResourceStatus::ALL
            .iter()
            .map(|s| (s.code(), s.label()))
            .collect();
        assert_eq!(
            table,
            [
                (1, "Enabled"),
                (2, "Disabled"),
                (3, "Archived"),
                (4, "Deleted"),
                (5, "Pending")
            ]
        );
        assert!(ResourceStatus::try_from(0).is_err());
        assert!(ResourceStatus::try_from(6).is_err());
        assert_eq!(
            serde_json::to_string(&ResourceStatus::Pending)
                .ok()
                .as_deref(),
            Some("5")
        );
    }

    #[test]
    fn the_description_table_matches_the_codes() {
        for (status, (code, label)) in ResourceStatus::ALL.iter().zip(STATUSES) {
            assert_eq!(
                (status.code().to_string().as_str(), status.label()),
                (*code, *label)
            );
        }
        assert_eq!(
            status_field(ResourceStatus::Pending).start,
            Start::Value("5")
        );
    }
}
