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

pub mod bulk;
pub mod describe;
pub mod dialect;
pub mod record;
pub mod validate;
pub mod whole;

pub use describe::{
    Api, Applies, Cell, Check, Column, Description, EditNote, Example, Field, Filter,
    FilterControl, Kind, ListBy, Lock, Messages, Meta, Mode, OneEach, Ops, OptionalObject, Path,
    Records, Refusal, Rows, Slot, Start, Table, Tone, STAMPS,
};
pub use dialect::{Answer, Dialect, Operation};
pub use validate::{
    changes, from_form, refused_clears, to_form, unique_clashes, unique_part, validate, FormValues,
};

/// One API's described resources, in the sections of its menu: adding a
/// resource to the console is one line in its [`registry!`] list.
///
/// ## Usage
/// ```ignore
/// userdesk_api::registry! {
///     sections: [("Access", [ROLES, APP_KEYS, TERMS]), ("Places", [COUNTRIES])],
///     nested: [],
/// }
/// assert_eq!(REGISTRY.find("terms").map(|d| d.title), Some("Terms of service"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Registry {
    pub sections: &'static [(&'static str, &'static [&'static Description])],
    /// Resources that live under a record of another (a profile's
    /// contacts): not in the menu, reached from their parent's page.
    pub nested: &'static [&'static Description],
}

/// A menu link to a described resource's list: its slug and its menu
/// label, and nothing else of its description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MenuLink {
    pub slug: &'static str,
    pub label: &'static str,
}

impl MenuLink {
    /// The link to `resource`'s list, read at compile time.
    pub const fn of(resource: &Description) -> MenuLink {
        MenuLink {
            slug: resource.slug,
            label: resource.menu,
        }
    }
}

/// An API's menu: its sections with the links to their lists.
pub type Menu = &'static [(&'static str, &'static [MenuLink])];

/// Declares an API's [`Registry`] as `REGISTRY` and its [`Menu`] as `MENU`
/// from one list. `MENU` is built at compile time and holds only slugs and
/// labels, so code that draws the menu keeps no description in the wasm
/// (the console's first load draws the menu; its pages download later).
///
/// ## Usage
/// ```ignore
/// userdesk_api::registry! {
///     sections: [("Access", [roles::ROLES, terms::TERMS]), ("Places", [countries::COUNTRIES])],
///     nested: [],
/// }
/// ```
#[macro_export]
macro_rules! registry {
    (
        sections: [$(($heading:literal, [$($resource:path),* $(,)?])),* $(,)?],
        nested: [$($nested:path),* $(,)?] $(,)?
    ) => {
        /// Every resource of this API, in the sections of the console's menu.
        pub const REGISTRY: $crate::resource::Registry = $crate::resource::Registry {
            sections: &[$(($heading, &[$(&$resource),*])),*],
            nested: &[$(&$nested),*],
        };

        /// The menu's links to [`REGISTRY`]'s lists.
        pub const MENU: $crate::resource::Menu =
            &[$(($heading, &[$($crate::resource::MenuLink::of(&$resource)),*])),*];
    };
}

impl Registry {
    /// No resources (an API without pages yet).
    pub const EMPTY: Registry = Registry {
        sections: &[],
        nested: &[],
    };

    /// Every description, in menu order, then the nested ones.
    pub fn iter(&self) -> impl Iterator<Item = &'static Description> {
        self.sections
            .iter()
            .flat_map(|(_, resources)| resources.iter().copied())
            .chain(self.nested.iter().copied())
    }

    /// The top-level description whose slug is `slug`.
    pub fn find(&self, slug: &str) -> Option<&'static Description> {
        self.sections
            .iter()
            .flat_map(|(_, resources)| resources.iter().copied())
            .find(|description| description.slug == slug)
    }

    /// The top-level description whose list is titled `title`.
    pub fn find_titled(&self, title: &str) -> Option<&'static Description> {
        self.sections
            .iter()
            .flat_map(|(_, resources)| resources.iter().copied())
            .find(|description| description.title == title)
    }

    /// The resource `slug` living under records of `parent`.
    pub fn find_under(&self, parent: &Description, slug: &str) -> Option<&'static Description> {
        self.children_of(parent)
            .find(|description| description.slug == slug)
    }

    /// The description a nested resource lives under (users for billing profiles).
    pub fn parent_of(&self, child: &Description) -> Option<&'static Description> {
        let collection = child.path.parent?;
        self.sections
            .iter()
            .flat_map(|(_, resources)| resources.iter().copied())
            .find(|description| description.path.collection == collection)
    }

    /// The resources living under records of `parent`.
    pub fn children_of<'a>(
        &'a self,
        parent: &'a Description,
    ) -> impl Iterator<Item = &'static Description> + 'a {
        self.nested
            .iter()
            .copied()
            .filter(move |child| child.path.parent == Some(parent.path.collection))
    }
}
