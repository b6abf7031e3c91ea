//! Walks every resource description of every API against its documented
//! examples: this stands in for the compile-time field checks that reading
//! records generically gives up.

use serde_json::Value;
use userdesk_api::resource::record::{filtered_value, has, names_in, text_at};
use userdesk_api::resource::{
    from_form, to_form, validate, Applies, Description, FilterControl, Kind, Mode, Records,
    Registry,
};

fn registries() -> Vec<(&'static str, Vec<&'static Description>, Registry)> {
    let admin = userdesk_api::admin::REGISTRY;
    let profiles = userdesk_api::profiles::REGISTRY;
    let websupport = userdesk_api::websupport::REGISTRY;
    use userdesk_api::websupport::users::{RESTORE_PASSWORD, SIGN_UP};
    vec![
        ("admin", admin.iter().collect(), admin),
        ("profiles", profiles.iter().collect(), profiles),
        (
            "websupport",
            websupport
                .iter()
                .chain([&SIGN_UP, &RESTORE_PASSWORD])
                .collect(),
            websupport,
        ),
    ]
}

/// The payload without its `null`s: a documented `"uuid": null` means
/// "not provided", which the validator leaves out.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(key, value)| (key, without_nulls(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

fn example(description: &Description) -> Value {
    let record: Value = serde_json::from_str(description.example.record).unwrap_or_else(|error| {
        panic!(
            "{}: the example record is not JSON: {error}",
            description.slug
        )
    });
    assert!(
        record.is_object(),
        "{}: the example is not an object",
        description.slug
    );
    record
}

#[test]
fn every_name_a_description_uses_is_in_its_documented_record() {
    for (api, registry, by_slug) in registries() {
        for description in registry {
            let slug = description.slug;
            let record = example(description);
            let resolves = |name: &str, what: &str| {
                assert!(
                    has(&record, name),
                    "{api}/{slug}: {what} “{name}” is not in the documented record"
                );
            };
            let create: Value =
                serde_json::from_str(description.example.create).unwrap_or_default();
            for field in description.fields {
                // Secrets and sign-up-only fields are written, never read
                // back: the create example names them. A field documented
                // only as an update parameter (Websupport's `userLanguage`)
                // is in neither example.
                if field.applies == Applies::OnUpdate {
                    continue;
                }
                if field.kind == Kind::Secret || field.applies == Applies::OnCreate {
                    assert!(
                        has(&create, field.name) || has(&record, field.name),
                        "{api}/{slug}: write-only “{}” is not in the create example",
                        field.name
                    );
                } else {
                    resolves(field.name, "field");
                }
            }
            for column in description.columns {
                for name in names_in(column.value) {
                    resolves(name, "column");
                }
                if let Some(sort) = column.sort {
                    assert!(
                        description
                            .list
                            .orders
                            .contains(&format!("{sort}.asc").as_str()),
                        "{api}/{slug}: column sorts by undocumented “{sort}”"
                    );
                }
            }
            for order in description.list.orders {
                let column = order.split_once('.').map_or(*order, |(column, _)| column);
                resolves(column, "order");
            }
            let in_path = description.path.list_by.map(|by| by.filter);
            // A search matches the fields it names, each of which must exist.
            let searched = |key: &str| {
                description
                    .filters
                    .iter()
                    .find_map(|filter| match filter.control {
                        FilterControl::Search { fields, .. } if filter.key == key => Some(fields),
                        _ => None,
                    })
            };
            for key in description
                .list
                .filters
                .iter()
                .filter(|key| Some(**key) != in_path)
            {
                if let Some(fields) = searched(key) {
                    // The first searched field is one the record documents;
                    // the rest are searched where a server sends them.
                    if let Some((field, _)) = fields.first() {
                        resolves(field, "searched field");
                    }
                    continue;
                }
                // `GET /roles` documents `?status=`, but a role's payload
                // has no status (docs/reading-the-api-docs.md, "The Admin API").
                if (description.slug, *key) == ("roles", "status") {
                    continue;
                }
                assert!(
                    filtered_value(&record, key).is_some() || has(&record, key),
                    "{api}/{slug}: filter “{key}” matches no field of the documented record"
                );
            }
            for filter in description
                .filters
                .iter()
                .filter(|filter| !matches!(filter.control, FilterControl::OpenBy { .. }))
            {
                assert!(
                    description.list.filters.contains(&filter.key),
                    "{api}/{slug}: control for undocumented filter “{}”",
                    filter.key
                );
                if let FilterControl::Records {
                    records:
                        Records {
                            slug: other, label, ..
                        },
                    ..
                } = filter.control
                {
                    let target = by_slug
                        .find(other)
                        .unwrap_or_else(|| panic!("{api}/{slug}: no resource “{other}”"));
                    let target_record = example(target);
                    for name in names_in(label) {
                        assert!(
                            has(&target_record, name),
                            "{api}/{slug}: “{name}” is not in {other}"
                        );
                    }
                }
            }
            for meta in description.meta {
                for name in names_in(meta.field) {
                    resolves(name, "meta");
                }
            }
            let messages = description.messages;
            for template in [
                messages.title,
                messages.created,
                messages.saved,
                messages.deleted,
                messages.delete_warning,
            ] {
                for name in names_in(template)
                    .into_iter()
                    .filter(|_| template.contains('{'))
                {
                    resolves(name, "message");
                }
            }
        }
    }
}

#[test]
fn every_documented_create_round_trips_through_the_validator_and_the_form() {
    for (api, registry, _) in registries() {
        for description in registry.iter().filter(|d| d.ops.create) {
            let slug = description.slug;
            let create: Value = without_nulls(
                serde_json::from_str(description.example.create).unwrap_or_else(|error| {
                    panic!("{api}/{slug}: the create example is not JSON: {error}")
                }),
            );
            assert_eq!(
                validate(description, &create, Mode::Create).as_ref(),
                Ok(&create),
                "{api}/{slug}: payload"
            );
            let mut typed = to_form(description, Some(&create), "");
            // Secrets are never shown back; the user types them.
            for field in description.fields.iter().filter(|f| f.kind == Kind::Secret) {
                typed.insert(field.name, text_at(&create, field.name));
            }
            let again = validate(
                description,
                &from_form(description, &typed, Mode::Create),
                Mode::Create,
            );
            assert_eq!(
                again.as_ref(),
                Ok(&create),
                "{api}/{slug}: through the form"
            );
        }
    }
}

#[test]
fn slugs_are_unique_and_read_only_resources_have_no_fields() {
    for (api, registry, _) in registries() {
        for (index, description) in registry.iter().enumerate() {
            assert!(
                registry[..index]
                    .iter()
                    .all(|other| other.slug != description.slug),
                "{api}: slug “{}” twice",
                description.slug
            );
            let writable = description.ops.create || description.ops.update;
            assert_eq!(
                writable,
                !description.fields.is_empty(),
                "{api}/{}",
                description.slug
            );
        }
    }
}

#[test]
fn nested_resources_live_under_a_listed_parent() {
    for (api, _, registry) in registries() {
        for child in registry.nested {
            // The console's address of a child is `{area}/{parent slug}/{id}/{child slug}`.
            let found = registry
                .parent_of(child)
                .unwrap_or_else(|| panic!("{api}/{}: no listed parent", child.slug));
            assert_eq!(
                Some(found.path.collection),
                child.path.parent,
                "{api}/{}",
                child.slug
            );
            assert!(registry.find_under(found, child.slug).is_some());
        }
        for description in registry.iter() {
            if let Some(note) = description.edit_note {
                assert!(
                    registry.find_under(description, note.link_to).is_some(),
                    "{api}/{}: the edit note links to no nested “{}”",
                    description.slug,
                    note.link_to
                );
            }
        }
    }
}

#[test]
fn lists_without_a_text_search_say_so() {
    let mut notes = Vec::new();
    for (_, resources, _) in registries() {
        for resource in resources.into_iter().filter(|r| !r.columns.is_empty()) {
            if let Some(note) = resource.search_note() {
                notes.push(format!("{}: {note}", resource.slug));
            }
        }
    }
    for expected in [
        "users: The API cannot search users by text: filter by status or role, or open one by its exact username.",
        "roles: The API cannot search roles by text: filter by applies to or status, or open one by its exact name.",
        "contacts: The API offers no search or filter for contacts.",
    ] {
        assert!(notes.iter().any(|note| note == expected), "{expected}");
    }
    assert!(
        !notes
            .iter()
            .any(|note| note.starts_with("logins:") || note.starts_with("profiles:")),
        "lists with a typed filter need no note"
    );
}

#[test]
fn each_menu_lists_its_registry_sections_by_slug_and_label() {
    use userdesk_api::resource::Menu;
    let apis: [(Registry, Menu); 3] = [
        (userdesk_api::admin::REGISTRY, userdesk_api::admin::MENU),
        (
            userdesk_api::profiles::REGISTRY,
            userdesk_api::profiles::MENU,
        ),
        (
            userdesk_api::websupport::REGISTRY,
            userdesk_api::websupport::MENU,
        ),
    ];
    for (registry, menu) in apis {
        let from_registry: Vec<(&str, Vec<(&str, &str)>)> = registry
            .sections
            .iter()
            .map(|(heading, resources)| {
                (
                    *heading,
                    resources.iter().map(|r| (r.slug, r.menu)).collect(),
                )
            })
            .collect();
        let from_menu: Vec<(&str, Vec<(&str, &str)>)> = menu
            .iter()
            .map(|(heading, links)| (*heading, links.iter().map(|l| (l.slug, l.label)).collect()))
            .collect();
        assert_eq!(from_menu, from_registry);
    }
    assert_eq!(userdesk_api::admin::MENU[1].1[2].slug, "terms");
    assert_eq!(userdesk_api::admin::MENU[1].1[2].label, "Terms of service");
}

/// Every link between resources names a resource of the same API, with an
/// id (or filter value) the linking record carries, and a filter the
/// target's list accepts.
#[test]
fn links_lead_to_described_resources_of_the_same_api() {
    use userdesk_api::resource::Cell;
    for (api, descriptions, registry) in registries() {
        for description in descriptions {
            let columns = description.columns.iter().chain(
                description
                    .tables
                    .iter()
                    .flat_map(|table| table.columns.iter()),
            );
            for column in columns {
                let (to, filter) = match column.cell {
                    Cell::Link { to, .. } => (to, None),
                    Cell::GoTo { to, filter, .. } => (to, Some(filter)),
                    _ => continue,
                };
                let Some(target) = registry.find(to) else {
                    panic!(
                        "{api}/{}: “{}” links to “{to}”, which {api} does not describe",
                        description.slug, column.label
                    );
                };
                if let Some(filter) = filter {
                    assert!(
                        target.list.filters.contains(&filter),
                        "{api}/{}: “{}” filters {to} by “{filter}”, which its list does not take",
                        description.slug,
                        column.label
                    );
                }
            }
        }
    }
}
