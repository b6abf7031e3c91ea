//! A resource described once, as data: its fields and rules, its path, its
//! list, what its record page shows, what may be done to it and what the
//! console says about it. Generic pages, the validator and the simulator
//! all read the same description.

use crate::iso3166::CountryCode;
use crate::list::ListSpec;
use crate::resource::record::{fill, pick, text};
use crate::validation::FieldErrors;

/// The API a resource belongs to; it picks the dialect that speaks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Api {
    Admin,
    Websupport,
    Profiles,
    Erp,
}

impl Api {
    /// Every API, in the order the console shows them.
    pub const ALL: [Api; 4] = [Api::Admin, Api::Websupport, Api::Profiles, Api::Erp];

    /// Whether an update sends only the fields that changed (the Profiles
    /// API's `PATCH`, Websupport's partial `PUT`) rather than the whole record.
    pub fn updates_changes_only(self) -> bool {
        matches!(self, Api::Profiles | Api::Websupport)
    }
}

/// One resource.
///
/// ## Usage
/// ```
/// use userdesk_api::list::{ListSpec, PAGED};
/// use userdesk_api::resource::*;
///
/// const NOTES: Description = Description {
///     api: Api::Admin,
///     slug: "notes",
///     title: "Notes",
///     menu: "Notes",
///     noun: "note",
///     plural: "notes",
///     path: Path::of("notes", "note"),
///     fields: &[Field::text("title", "Title").length(1, 40)],
///     list: ListSpec { orders: &["id.asc", "id.desc"], filters: &[], integers: &[], paging: PAGED },
///     columns: &[Column::new("ID", "id").numeric().sorted(), Column::new("Title", "title").link()],
///     filters: &[],
///     meta: &[Meta::new("ID", "id")],
///     ops: Ops::CRUD,
///     messages: Messages {
///         title: "{title}",
///         created: "Note {title} created.",
///         saved: "Note {title} saved.",
///         deleted: "Note {title} deleted.",
///         delete_warning: "Note {title} is gone for good.",
///         empty: "No notes match.",
///         new_title: "New note",
///         new_label: "New note",
///         create_label: "Create note",
///         delete_own: "",
///     },
///     example: Example { record: r#"{"id": 1, "title": "Hi"}"#, create: r#"{"title": "Hi"}"# },
///     ..Description::BLANK
/// };
/// assert_eq!(NOTES.field("title").map(|f| f.label), Some("Title"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Description {
    pub api: Api,
    /// The console's URL segment, e.g. `terms` for `/admin/terms`.
    pub slug: &'static str,
    /// The list's heading and the breadcrumb back to it.
    pub title: &'static str,
    /// Its entry in the API's menu.
    pub menu: &'static str,
    /// One record in sentences, e.g. `terms version`.
    pub noun: &'static str,
    /// Many records in the pager, e.g. `versions`.
    pub plural: &'static str,
    pub path: Path,
    /// The editable fields, in form order.
    pub fields: &'static [Field],
    /// Orders, filters and the default page size the API documents.
    pub list: ListSpec,
    pub columns: &'static [Column],
    /// The filter controls above the list; each key is in `list.filters`.
    pub filters: &'static [Filter],
    /// The read-only details a record page shows above its form.
    pub meta: &'static [Meta],
    pub ops: Ops,
    pub messages: Messages,
    /// Rules across fields, run after the field rules on the normalized payload.
    pub check: Option<fn(&serde_json::Value, &mut FieldErrors)>,
    /// Nested objects the form may leave out as a whole.
    pub optional: &'static [OptionalObject],
    /// Lists inside a record, shown read-only on its page.
    pub tables: &'static [Table],
    /// A note above an existing record's form, linking to the records of
    /// one of its nested resources (a user's name changes in its billing
    /// profiles).
    pub edit_note: Option<EditNote>,
    /// A flag every create sends as `true`, which the form does not show
    /// (Websupport's `isSubUser`: a user created in the console is a
    /// sub-user of the one signed in).
    pub create_flag: Option<&'static str>,
    /// The documentation's examples, walked by the description test.
    /// Only test builds carry them (feature `examples`), so they never
    /// weigh on the console's download.
    #[cfg(feature = "examples")]
    pub example: Example,
}

impl Description {
    /// What a description leaves out with `..Description::BLANK`: no
    /// cross-field check, no optional objects, no tables inside a record
    /// and no edit note. Its other values are placeholders that every
    /// description sets.
    pub const BLANK: Description = Description {
        api: Api::Admin,
        slug: "",
        title: "",
        menu: "",
        noun: "",
        plural: "",
        path: Path::of("", ""),
        fields: &[],
        list: ListSpec {
            orders: &[],
            filters: &[],
            integers: &[],
            paging: crate::list::PAGED,
        },
        columns: &[],
        filters: &[],
        meta: &[],
        ops: Ops::READ_ONLY,
        messages: Messages::listed(""),
        check: None,
        optional: &[],
        tables: &[],
        edit_note: None,
        create_flag: None,
        #[cfg(feature = "examples")]
        example: Example {
            record: "",
            create: "",
        },
    };

    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|field| field.name == name)
    }

    /// A record's id as text, for its address.
    pub fn id_of(&self, record: &serde_json::Value) -> Option<String> {
        crate::resource::record::id_at(record, self.path.id)
    }

    /// Whether a listed item can be shown: an object with an id whose
    /// present values have the types its columns show. A server may leave
    /// out a key it has no value for (a login's `user_id` is "if
    /// available"), so a missing or `null` value is shown as `—`, and only
    /// a value of the wrong type (an object where text belongs) makes the
    /// row unreadable.
    ///
    /// ## Usage
    /// ```
    /// use serde_json::json;
    /// use userdesk_api::admin::logins::LOGINS;
    /// assert!(LOGINS.readable(&json!({"id": 1, "username": "admin1"})));
    /// assert!(!LOGINS.readable(&json!({"username": "admin1"})));
    /// assert!(!LOGINS.readable(&json!({"id": 1, "username": {"no": "text"}})));
    /// // An id may come as text; text that is no figure makes no id column.
    /// assert!(LOGINS.readable(&json!({"id": "7"})));
    /// assert!(!LOGINS.readable(&json!({"id": 7, "api": ["admin"]})));
    /// ```
    pub fn readable(&self, record: &serde_json::Value) -> bool {
        use crate::resource::record::pick;
        record.is_object()
            && self.id_of(record).is_some()
            && self
                .columns
                .iter()
                .filter(|column| !column.value.contains('{') && !column.value.is_empty())
                .all(|column| {
                    pick(record, column.value).is_none_or(|value| column.cell.accepts(value))
                })
    }

    /// The page size the server uses for `query`: fixed while a path
    /// filter is set, else the one asked for.
    pub fn effective_limit(&self, query: &crate::list::ListQuery) -> u32 {
        match self.path.list_by {
            Some(by) if query.filter(by.filter).is_some() => by.fixed_limit,
            _ => crate::list::clamp_limit(query.limit),
        }
    }

    /// What a list without a text search says instead of pretending to
    /// have one: `None` when some filter takes typed text.
    ///
    /// ## Usage
    /// ```
    /// use userdesk_api::admin::users::USERS;
    /// assert_eq!(
    ///     USERS.search_note().as_deref(),
    ///     Some("The API cannot search users by text: filter by status or role, or open one by its exact username."),
    /// );
    /// ```
    pub fn search_note(&self) -> Option<String> {
        let typed = |filter: &&Filter| {
            matches!(
                filter.control,
                FilterControl::Typed { .. } | FilterControl::Search { .. }
            )
        };
        if self.filters.iter().any(|filter| typed(&filter)) {
            return None;
        }
        let chosen: Vec<String> = self
            .filters
            .iter()
            .filter(|filter| {
                matches!(
                    filter.control,
                    FilterControl::Choice { .. } | FilterControl::Records { .. }
                )
            })
            .map(|filter| filter.label.to_lowercase())
            .collect();
        let open_by = self.filters.iter().find_map(|filter| match filter.control {
            FilterControl::OpenBy { .. } => Some(filter.key),
            _ => None,
        });
        let plural = self.plural;
        let by = match chosen.as_slice() {
            [] => String::new(),
            [one] => format!("filter by {one}"),
            [rest @ .., last] => format!("filter by {} or {last}", rest.join(", ")),
        };
        let rest = match (by.is_empty(), open_by) {
            (true, None) => {
                return Some(format!("The API offers no search or filter for {plural}."))
            }
            (false, None) => by,
            (true, Some(key)) => format!("open one by its exact {key}"),
            (false, Some(key)) => format!("{by}, or open one by its exact {key}"),
        };
        Some(format!("The API cannot search {plural} by text: {rest}."))
    }

    /// The editable field names, for errors the form has no field for.
    pub fn field_names(&self) -> impl Iterator<Item = &'static str> {
        self.fields.iter().map(|field| field.name)
    }
}

/// Where a resource lives on its API. Each dialect lays it out its own way:
/// the Admin API lists at `/{collection}/{page}/{limit}` and keeps one
/// record at `/{item}/{id}`; the Profiles API uses `/{collection}[/{id}]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Path {
    /// The collection's segment, and the key its list sits under where the
    /// API wraps lists.
    pub collection: &'static str,
    /// One record's segment, and the key it sits under where the API wraps records.
    pub item: &'static str,
    /// The parent's segment for resources that live under another record
    /// (a billing profile under its user); the parent's id comes with each call.
    pub parent: Option<&'static str>,
    /// The field holding a record's id: `id` on the Admin API, `profileId`
    /// on the Profiles API.
    pub id: &'static str,
    /// A filter that travels in the list's path instead of its query.
    pub list_by: Option<ListBy>,
}

/// A list filter that is a path segment, as in the Admin API's
/// `/roles/{type}/{page}`: such lists have no page-size segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListBy {
    /// The filter's key; its value is the segment.
    pub filter: &'static str,
    /// The page size the server uses while the filter is set.
    pub fixed_limit: u32,
    /// Why the page size cannot be chosen then, for the pager.
    pub note: &'static str,
}

impl Path {
    pub const fn of(collection: &'static str, item: &'static str) -> Path {
        Path {
            collection,
            item,
            parent: None,
            id: "id",
            list_by: None,
        }
    }

    /// The same path, with `list_by` in the list's path.
    pub const fn listed_by(self, list_by: ListBy) -> Path {
        Path {
            list_by: Some(list_by),
            ..self
        }
    }

    /// The same path, with records identified by `field`.
    pub const fn identified_by(self, field: &'static str) -> Path {
        Path { id: field, ..self }
    }

    /// The same path, under a parent record.
    pub const fn under(self, parent: &'static str) -> Path {
        Path {
            parent: Some(parent),
            ..self
        }
    }
}

/// What a field holds, which decides its control, how the typed text
/// becomes JSON and what a payload must send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text, trimmed.
    Text,
    /// Several lines, kept as typed.
    LongText {
        rows: u32,
    },
    /// A date and time: `datetime-local` in the form, the API's timestamp in JSON.
    DateTime,
    /// A whole number from a fixed set, as `(code, label)`: statuses, channels.
    Code(&'static [(&'static str, &'static str)]),
    /// A whole number.
    Integer,
    Boolean,
    /// One of a fixed set of text values, as `(value, label)`.
    Choice(&'static [(&'static str, &'static str)]),
    /// A password: typed, never shown back, not trimmed.
    Secret,
    /// The id of one record of another resource of the same API.
    Reference(Records),
    /// The ids of any number of records of another resource (roles); in
    /// records they may come as objects with an `id`.
    Ids(Records),
    /// A country from the ISO 3166-1 list, chosen by name, sent as its code.
    Country(CountryCode),
    /// Any number of nested records, each checked by its own description
    /// (a new profile's contacts); their inputs are named `{field}.{n}.{name}`.
    Rows(Rows),
}

/// The description of the records a [`Kind::Rows`] field holds.
#[derive(Clone, Copy, Debug)]
pub struct Rows(pub &'static Description);

impl PartialEq for Rows {
    fn eq(&self, other: &Rows) -> bool {
        (self.0.api, self.0.slug) == (other.0.api, other.0.slug)
    }
}

impl Eq for Rows {}

/// Records of another resource offered as choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Records {
    /// The other resource's slug in the same API's registry.
    pub slug: &'static str,
    /// What each choice shows, a template such as `{username} (#{id})`.
    pub label: &'static str,
    /// Filters on the other resource's list, e.g. `("type", "user")`.
    pub filters: &'static [(&'static str, &'static str)],
    /// Set when each of those records may be chosen by one record at most.
    pub one_each: Option<OneEach>,
}

/// "At most one of these per record there": a user has at most one profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OneEach {
    /// The field of the other record that is present once it is taken.
    pub taken_when: &'static str,
    /// The message when a taken record is chosen.
    pub message: &'static str,
}

/// A nested object the form may leave out as a whole (a user's profile):
/// its fields are checked and sent only while its checkbox is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionalObject {
    /// The object's key; its fields are named `{object}.{field}`.
    pub object: &'static str,
    /// The checkbox that adds it.
    pub label: &'static str,
    /// Whether a new record's form starts with it on.
    pub starts_on: bool,
    /// Once saved it cannot be removed (the API has no way to).
    pub permanent: bool,
}

impl OptionalObject {
    /// Whether a field belongs to this object.
    pub fn holds(&self, field: &str) -> bool {
        field
            .strip_prefix(self.object)
            .is_some_and(|rest| rest.starts_with('.'))
    }
}

/// When a field is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    Always,
    OnCreate,
    OnUpdate,
}

/// Whether a payload creates or updates a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Create,
    Update,
}

impl Mode {
    /// Update when a record exists already, else create.
    pub fn editing(existing: bool) -> Mode {
        if existing {
            Mode::Update
        } else {
            Mode::Create
        }
    }
}

impl Applies {
    pub fn to(self, mode: Mode) -> bool {
        matches!(
            (self, mode),
            (Applies::Always, _)
                | (Applies::OnCreate, Mode::Create)
                | (Applies::OnUpdate, Mode::Update)
        )
    }
}

/// The value a new record's form starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    Empty,
    /// The form text, e.g. a status code `"5"`.
    Value(&'static str),
    /// The current time (date-time fields).
    Now,
}

/// A rule beyond the kind and the length: `(errors, error key, trimmed text)`.
pub type Check = fn(&mut FieldErrors, &str, &str);

/// A control beside a field that the console draws itself: the escape
/// hatch for what no kind describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A button that fills the field with a new random application key.
    GenerateAppKey,
    /// The password rule's checklist under the field.
    PasswordChecklist,
}

/// One editable field.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The API name, dotted for nested objects (`profile.first_name`).
    pub name: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub kind: Kind,
    pub required: bool,
    /// Inclusive length in characters, for text.
    pub length: Option<(usize, usize)>,
    pub check: Option<Check>,
    pub applies: Applies,
    pub start: Start,
    /// Shares a row with the next field on wide screens.
    pub beside_next: bool,
    pub slot: Option<Slot>,
    /// No two records may hold the same value; the message says so.
    pub unique: Option<&'static str>,
    /// An update may leave it out but not clear it; the message says why
    /// (Websupport refuses an empty email).
    pub not_cleared: Option<&'static str>,
    /// The fieldset it is drawn in; consecutive fields of a group share one.
    pub group: Option<&'static str>,
    /// Left out of an update when blank, instead of being required (a
    /// password kept as it is).
    pub optional_on_update: bool,
    /// The label and hint on an existing record's form, where they differ.
    pub when_editing: Option<(&'static str, &'static str)>,
    /// Another field whose value picks this one's input type: `email` or
    /// `phone` (a contact's value follows its key).
    pub typed_by: Option<&'static str>,
}

impl Field {
    const fn new(name: &'static str, label: &'static str, kind: Kind) -> Field {
        Field {
            name,
            label,
            hint: None,
            kind,
            required: true,
            length: None,
            check: None,
            applies: Applies::Always,
            start: Start::Empty,
            beside_next: false,
            slot: None,
            unique: None,
            not_cleared: None,
            group: None,
            optional_on_update: false,
            when_editing: None,
            typed_by: None,
        }
    }

    pub const fn country(name: &'static str, label: &'static str, code: CountryCode) -> Field {
        Field::new(name, label, Kind::Country(code))
    }

    pub const fn rows(name: &'static str, label: &'static str, of: &'static Description) -> Field {
        Field::new(name, label, Kind::Rows(Rows(of)))
    }

    /// The input type follows the value of `field` (`email` or `phone`).
    pub const fn typed_by(self, field: &'static str) -> Field {
        Field {
            typed_by: Some(field),
            ..self
        }
    }

    pub const fn secret(name: &'static str, label: &'static str) -> Field {
        Field::new(name, label, Kind::Secret)
    }

    pub const fn reference(name: &'static str, label: &'static str, records: Records) -> Field {
        Field::new(name, label, Kind::Reference(records))
    }

    pub const fn ids(name: &'static str, label: &'static str, records: Records) -> Field {
        Field::new(name, label, Kind::Ids(records))
    }

    /// An update may leave it out, but one that clears it is refused
    /// with `message` ([`crate::resource::refused_clears`]).
    pub const fn not_cleared(self, message: &'static str) -> Field {
        Field {
            not_cleared: Some(message),
            ..self
        }
    }

    pub const fn optional_on_update(self) -> Field {
        Field {
            optional_on_update: true,
            ..self
        }
    }

    pub const fn when_editing(self, label: &'static str, hint: &'static str) -> Field {
        Field {
            when_editing: Some((label, hint)),
            ..self
        }
    }

    /// Whether the field must have a value in `mode`.
    pub fn required_in(&self, mode: Mode) -> bool {
        self.required && !(self.optional_on_update && mode == Mode::Update)
    }

    pub const fn text(name: &'static str, label: &'static str) -> Field {
        Field::new(name, label, Kind::Text)
    }

    pub const fn long_text(name: &'static str, label: &'static str, rows: u32) -> Field {
        Field::new(name, label, Kind::LongText { rows })
    }

    pub const fn datetime(name: &'static str, label: &'static str) -> Field {
        Field::new(name, label, Kind::DateTime)
    }

    pub const fn code(
        name: &'static str,
        label: &'static str,
        options: &'static [(&'static str, &'static str)],
    ) -> Field {
        Field::new(name, label, Kind::Code(options))
    }

    pub const fn integer(name: &'static str, label: &'static str) -> Field {
        Field::new(name, label, Kind::Integer)
    }

    pub const fn boolean(name: &'static str, label: &'static str) -> Field {
        Field::new(name, label, Kind::Boolean)
    }

    pub const fn choice(
        name: &'static str,
        label: &'static str,
        options: &'static [(&'static str, &'static str)],
    ) -> Field {
        Field::new(name, label, Kind::Choice(options))
    }

    pub const fn hint(self, hint: &'static str) -> Field {
        Field {
            hint: Some(hint),
            ..self
        }
    }

    pub const fn length(self, min: usize, max: usize) -> Field {
        Field {
            length: Some((min, max)),
            ..self
        }
    }

    pub const fn check(self, check: Check) -> Field {
        Field {
            check: Some(check),
            ..self
        }
    }

    pub const fn optional(self) -> Field {
        Field {
            required: false,
            ..self
        }
    }

    pub const fn applies(self, applies: Applies) -> Field {
        Field { applies, ..self }
    }

    pub const fn starts(self, start: Start) -> Field {
        Field { start, ..self }
    }

    pub const fn beside_next(self) -> Field {
        Field {
            beside_next: true,
            ..self
        }
    }

    /// No two records may hold the same value: the console checks the
    /// values it has seen, the server all of them.
    pub const fn unique(self, message: &'static str) -> Field {
        Field {
            unique: Some(message),
            ..self
        }
    }

    pub const fn in_group(self, group: &'static str) -> Field {
        Field {
            group: Some(group),
            ..self
        }
    }

    pub const fn slot(self, slot: Slot) -> Field {
        Field {
            slot: Some(slot),
            ..self
        }
    }
}

/// How a list cell shows its value.
#[derive(Clone, Copy, Debug)]
pub enum Cell {
    /// The value as text; `—` when missing.
    Text,
    /// Right-aligned figures.
    Number,
    /// The value, linking to the record's page.
    RecordLink,
    /// The text filled from the template, linking to the page of the
    /// record `id` (a template) of `to`, a resource of the same API named
    /// by its slug; the console knows where that page is.
    Link {
        to: &'static str,
        id: &'static str,
    },
    /// The `key` of each object in a list, joined with commas (role names).
    Names {
        key: &'static str,
    },
    /// A link labelled like its column, to the list of `to` (a slug of
    /// the same API) filtered by `filter` = `value` (a template): another
    /// page about this record.
    GoTo {
        to: &'static str,
        filter: &'static str,
        value: &'static str,
    },
    /// The first characters of a long text.
    Preview(usize),
    /// A timestamp, in the reader's locale, with how long ago it was.
    DateTime,
    YesNo,
    /// Monospaced, for identifiers and codes, with a copy button.
    Code,
    /// A secret (an application key): masked until revealed, with a copy
    /// button.
    Secret,
    /// A code's label from `(value, label)` pairs; the value when unknown.
    Choice(&'static [(&'static str, &'static str)]),
    /// A coloured badge computed from the whole record.
    Badge(fn(&serde_json::Value) -> (Tone, &'static str)),
}

impl Cell {
    /// Whether a (present, not `null`) value has a type this cell can show.
    pub fn accepts(&self, value: &serde_json::Value) -> bool {
        use serde_json::Value;
        let scalar = !matches!(value, Value::Object(_) | Value::Array(_));
        match self {
            Cell::Names { .. } => value.is_array(),
            Cell::YesNo => value.is_boolean() || value.is_number(),
            Cell::Number => value.is_number() || value.as_str().is_some_and(is_decimal),
            Cell::DateTime => value.is_string() || value.is_number(),
            Cell::GoTo { .. } | Cell::Badge(_) => true,
            Cell::Text
            | Cell::RecordLink
            | Cell::Link { .. }
            | Cell::Preview(_)
            | Cell::Code
            | Cell::Secret
            | Cell::Choice(_) => scalar,
        }
    }
}

/// Whether text reads as a decimal number (`-12`, `3.50`), as some
/// servers send figures; checked by hand, so no float parser is shipped.
fn is_decimal(text: &str) -> bool {
    let text = text.trim();
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    !(whole.is_empty() && fraction.is_empty()) && all_digits(whole) && all_digits(fraction)
}

/// A badge's colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Neutral,
}

/// One column of a list.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub label: &'static str,
    /// A dotted field name, or a template such as `{country.name} ({country.code_2})`.
    pub value: &'static str,
    /// The documented `order_by` column its header sorts by.
    pub sort: Option<&'static str>,
    pub cell: Cell,
    /// Left out of a phone's stacked cards, which keep the columns that
    /// matter most; wide screens and exports still have it.
    pub minor: bool,
}

impl Column {
    pub const fn new(label: &'static str, value: &'static str) -> Column {
        Column {
            label,
            value,
            sort: None,
            cell: Cell::Text,
            minor: false,
        }
    }

    /// A column phones leave out ([`Column::minor`]).
    pub const fn minor(self) -> Column {
        Column {
            minor: true,
            ..self
        }
    }

    /// Sorts by the column named like its value.
    pub const fn sorted(self) -> Column {
        Column {
            sort: Some(self.value),
            ..self
        }
    }

    pub const fn sorted_by(self, column: &'static str) -> Column {
        Column {
            sort: Some(column),
            ..self
        }
    }

    pub const fn numeric(self) -> Column {
        self.shown(Cell::Number)
    }

    pub const fn link(self) -> Column {
        self.shown(Cell::RecordLink)
    }

    /// A timestamp column.
    pub const fn date(self) -> Column {
        self.shown(Cell::DateTime)
    }

    pub const fn shown(self, cell: Cell) -> Column {
        Column { cell, ..self }
    }

    /// The column's value in `record` as plain text, as a list shows it
    /// and an export writes it: labels for codes, `Yes`/`No`, names
    /// joined, timestamps as their API text (Unix seconds as ISO 8601).
    /// `None` for a column that is only a link to another page.
    pub fn text_of(&self, record: &serde_json::Value) -> Option<String> {
        use serde_json::Value;
        let value = || pick(record, self.value);
        Some(
            match self.cell {
                Cell::GoTo { .. } => return None,
                Cell::DateTime => match value() {
                    Some(Value::Number(seconds)) => seconds
                        .as_i64()
                        .map(crate::time::format_timestamp)
                        .unwrap_or_default(),
                    other => text(other),
                },
                Cell::YesNo => {
                    let yes = matches!(value(), Some(Value::Bool(true)))
                        || value().and_then(Value::as_i64) == Some(1);
                    (if yes { "Yes" } else { "No" }).to_string()
                }
                Cell::Names { key } => value()
                    .and_then(Value::as_array)
                    .map(|items| {
                        let names: Vec<String> =
                            items.iter().map(|item| text(pick(item, key))).collect();
                        names.join(", ")
                    })
                    .unwrap_or_default(),
                Cell::Choice(options) => {
                    let code = text(value());
                    options
                        .iter()
                        .find(|(known, _)| *known == code)
                        .map_or_else(|| fill(self.value, record), |(_, label)| label.to_string())
                }
                Cell::Badge(badge) => badge(record).1.to_string(),
                Cell::Text
                | Cell::Number
                | Cell::RecordLink
                | Cell::Link { .. }
                | Cell::Preview(_)
                | Cell::Code
                | Cell::Secret => fill(self.value, record),
            }
            .trim()
            .to_string(),
        )
    }
}

/// A filter control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filter {
    /// The query key, one of the list's documented filters.
    pub key: &'static str,
    pub label: &'static str,
    pub control: FilterControl,
}

/// How a filter is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterControl {
    /// Typed; digits only when the list names the key an integer filter.
    Typed { placeholder: &'static str },
    /// One of fixed `(value, label)` pairs; `any` clears it.
    Choice {
        any: &'static str,
        options: &'static [(&'static str, &'static str)],
    },
    /// One record of another resource of the same API, by its slug; the
    /// option shows `label` (a template) of each record.
    Records { any: &'static str, records: Records },
    /// Opens one record by the value of a unique field, which the API
    /// also reads records by (`/user/{username}`).
    OpenBy { placeholder: &'static str },
    /// Typed; matched in the browser, ignoring case, within any of
    /// `fields` (name and label) of a list the API sends whole
    /// (Websupport's users). Only the fields the loaded items carry are
    /// searched and offered ([`crate::resource::whole::carried`]).
    Search {
        fields: &'static [(&'static str, &'static str)],
    },
}

impl Filter {
    pub const fn choice(
        key: &'static str,
        label: &'static str,
        any: &'static str,
        options: &'static [(&'static str, &'static str)],
    ) -> Filter {
        Filter {
            key,
            label,
            control: FilterControl::Choice { any, options },
        }
    }

    pub const fn search(
        key: &'static str,
        label: &'static str,
        fields: &'static [(&'static str, &'static str)],
    ) -> Filter {
        Filter {
            key,
            label,
            control: FilterControl::Search { fields },
        }
    }

    pub const fn typed(
        key: &'static str,
        label: &'static str,
        placeholder: &'static str,
    ) -> Filter {
        Filter {
            key,
            label,
            control: FilterControl::Typed { placeholder },
        }
    }
}

/// A list inside a record, shown read-only on its page (a user's accepted
/// terms of service).
#[derive(Clone, Copy, Debug)]
pub struct Table {
    pub title: &'static str,
    /// The record's field holding the list.
    pub list: &'static str,
    /// Columns read from each item.
    pub columns: &'static [Column],
    pub empty: &'static str,
}

/// One read-only detail on a record page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meta {
    pub label: &'static str,
    /// A dotted field name, or a template.
    pub field: &'static str,
    /// Shown as a timestamp (see [`Cell::DateTime`]).
    pub date: bool,
}

impl Meta {
    pub const fn new(label: &'static str, field: &'static str) -> Meta {
        Meta {
            label,
            field,
            date: false,
        }
    }

    /// A timestamp detail.
    pub const fn date(label: &'static str, field: &'static str) -> Meta {
        Meta {
            label,
            field,
            date: true,
        }
    }
}

/// The record page's details most writable resources share.
pub const STAMPS: &[Meta] = &[
    Meta::new("ID", "id"),
    Meta::date("Created", "created_at"),
    Meta::date("Status changed", "status_changed_at"),
    Meta::date("Updated", "updated_at"),
];

/// Why one record may not be deleted, if it may not (the default billing
/// profile): the console says so instead of offering the delete.
pub type Refusal = fn(&serde_json::Value) -> Option<&'static str>;

/// Which fields one record's state locks, and why (the identity of a
/// domain profile assigned to a domain): the form shows them disabled and
/// never sends them.
pub type Lock = fn(&serde_json::Value) -> Option<(&'static [&'static str], &'static str)>;

/// What may be done to a resource's records.
#[derive(Clone, Copy, Debug)]
pub struct Ops {
    pub create: bool,
    pub update: bool,
    pub delete: bool,
    /// Records the API refuses to delete, known before asking.
    pub keeps: Option<Refusal>,
    /// Fields the API refuses to change on some records.
    pub locks: Option<Lock>,
}

impl Ops {
    pub const CRUD: Ops = Ops {
        create: true,
        update: true,
        delete: true,
        keeps: None,
        locks: None,
    };
    pub const READ_ONLY: Ops = Ops {
        create: false,
        update: false,
        delete: false,
        keeps: None,
        locks: None,
    };

    /// The same operations, refusing to delete the records `keeps` names.
    pub const fn keeping(self, keeps: Refusal) -> Ops {
        Ops {
            keeps: Some(keeps),
            ..self
        }
    }

    /// The same operations, with fields `locks` names left unchanged.
    pub const fn locking(self, locks: Lock) -> Ops {
        Ops {
            locks: Some(locks),
            ..self
        }
    }

    /// Whether records have their own page.
    pub fn has_record_page(self) -> bool {
        self.update || self.delete
    }

    /// Why `record` may not be deleted, if it may not.
    pub fn kept(self, record: &serde_json::Value) -> Option<&'static str> {
        self.keeps.and_then(|keeps| keeps(record))
    }

    /// The fields `record` locks, and why.
    pub fn locked(
        self,
        record: &serde_json::Value,
    ) -> Option<(&'static [&'static str], &'static str)> {
        self.locks.and_then(|locks| locks(record))
    }
}

/// What the console says. Templates name fields in braces, e.g.
/// `"Terms version {version} created."`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Messages {
    /// A record page's heading.
    pub title: &'static str,
    pub created: &'static str,
    pub saved: &'static str,
    pub deleted: &'static str,
    /// What deleting means, in the confirmation.
    pub delete_warning: &'static str,
    /// The empty list.
    pub empty: &'static str,
    /// The create page's heading.
    pub new_title: &'static str,
    /// The list's button to the create page.
    pub new_label: &'static str,
    /// The create form's submit button.
    pub create_label: &'static str,
    /// For the console's own accounts: what deleting the signed-in one
    /// means; empty for other resources.
    pub delete_own: &'static str,
}

impl Messages {
    /// The messages of a resource that is only listed.
    pub const fn listed(empty: &'static str) -> Messages {
        Messages {
            title: "",
            created: "",
            saved: "",
            deleted: "",
            delete_warning: "",
            empty,
            new_title: "",
            new_label: "",
            create_label: "",
            delete_own: "",
        }
    }
}

/// What a record page says above its form, and which nested resource of
/// the record it links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EditNote {
    pub text: &'static str,
    /// The slug of a resource nested under this one.
    pub link_to: &'static str,
}

/// The documentation's examples for a resource, as JSON text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// One record as the API returns it.
    pub record: &'static str,
    /// The documented create payload; empty when the resource is read-only.
    pub create: &'static str,
}

#[cfg(test)]
mod number_text_tests {
    use super::is_decimal;

    #[test]
    fn decimal_text_is_a_figure_and_other_text_is_not() {
        for figure in ["7", "-12", "+3", "3.50", ".5", "5.", " 42 "] {
            assert!(is_decimal(figure), "{figure:?}");
        }
        for other in ["", ".", "-", "seven", "1e5", "NaN", "inf", "1.2.3", "1 2"] {
            assert!(!is_decimal(other), "{other:?}");
        }
    }
}
