//! The resource layer every API shares: a resource is described once, as
//! data ([`Description`]); one [`Dialect`] per API carries it over the
//! wire; one validator ([`validate`]) checks its payloads in the browser
//! and in the simulator.
//!
//! ## Usage
//! A resource module declares its description beside its rules:
//! ```ignore
//! pub const TERMS: Description = Description {
//!     api: Api::Admin,
//!     slug: "terms",
//!     path: Path::of("terms_of_services", "terms_of_service"),
//!     fields: &[Field::text("version", "Version").length(1, 10), /* … */],
//!     // list, columns, filters, meta, ops, messages, examples
//! };
//! ```
//! and registers it in its API's [`Registry`] (see `admin::REGISTRY`); the
//! console's generic list, new and edit pages and the simulator's store do
//! the rest.

pub mod describe;
pub mod dialect;
pub mod record;
pub mod validate;

pub use describe::{
    Api, Applies, Cell, Check, Column, Description, Example, Field, Filter, FilterControl, Kind,
    ListBy, Messages, Meta, Mode, OneEach, Ops, OptionalObject, Path, Records, Slot, Start, Table,
    Tone, STAMPS,
};
pub use dialect::{Answer, Dialect, Operation};
pub use validate::{from_form, to_form, unique_clashes, unique_part, validate, FormValues};

/// One API's described resources, in the sections of its menu: adding a
/// resource to the console is one line here.
///
/// ## Usage
/// ```ignore
/// pub const REGISTRY: Registry = Registry {
///     sections: &[("Access", &[&ROLES, &APP_KEYS, &TERMS]), ("Places", &[&COUNTRIES])],
/// };
/// assert_eq!(REGISTRY.find("terms").map(|d| d.title), Some("Terms of service"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Registry {
    pub sections: &'static [(&'static str, &'static [&'static Description])],
}

impl Registry {
    /// No resources (an API without pages yet).
    pub const EMPTY: Registry = Registry { sections: &[] };

    /// Every description, in menu order.
    pub fn iter(&self) -> impl Iterator<Item = &'static Description> {
        self.sections
            .iter()
            .flat_map(|(_, resources)| resources.iter().copied())
    }

    /// The description whose slug is `slug`.
    pub fn find(&self, slug: &str) -> Option<&'static Description> {
        self.iter().find(|description| description.slug == slug)
    }
}
