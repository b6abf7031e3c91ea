//! The read-only lists: countries, regions, and the audit trails (logins,
//! password reset requests, notifications).

use userdesk_api::admin::countries::COUNTRIES;
use userdesk_api::admin::logins::LOGINS;
use userdesk_api::admin::notifications::NOTIFICATIONS;
use userdesk_api::admin::password_resets::PASSWORD_RESETS;
use userdesk_api::admin::regions::REGIONS;
use userdesk_api::{HttpResponse, Method};

use super::list::{number_key, same_number, serve_list};
use super::{AdminServer, Call};
use crate::json::error;

impl AdminServer {
    pub(super) fn handle_read_only(&self, call: &Call) -> HttpResponse {
        if call.method != Method::Get {
            return error(405, "Method not allowed");
        }
        if call.segments.len() > 3 {
            return error(404, "Not found");
        }
        let status = |code: u8, value: &str| same_number(value, i64::from(code));
        match call.segments[0] {
            "countries" => serve_list(
                call,
                &COUNTRIES,
                self.countries.clone(),
                |country, key, value| key == "status" && status(country.status.code(), value),
                |country, column| match column {
                    "name" => (country.name.clone(), country.id),
                    "code_2" => (country.code_2.clone(), country.id),
                    "code_3" => (country.code_3.clone(), country.id),
                    _ => (String::new(), country.id),
                },
            ),
            "regions" => serve_list(
                call,
                &REGIONS,
                self.regions.clone(),
                |region, key, value| match key {
                    "status" => status(region.status.code(), value),
                    "country_id" => same_number(value, region.country.id),
                    _ => false,
                },
                |region, column| match column {
                    "name" => (region.name.clone(), region.id),
                    "code_2" => (region.code_2.clone(), region.id),
                    _ => (String::new(), region.id),
                },
            ),
            "logins" => serve_list(
                call,
                &LOGINS,
                self.logins.clone(),
                |login, key, value| match key {
                    "user_id" => login.user_id.is_some_and(|id| same_number(value, id)),
                    "username" => login.username == value,
                    "ip_address" => login.ip_address == value,
                    "api" => same_number(value, i64::from(login.api)),
                    _ => false,
                },
                |login, column| match column {
                    "attempt_date" => (login.attempt_date.clone(), login.id),
                    _ => (String::new(), login.id),
                },
            ),
            "password_resets" => serve_list(
                call,
                &PASSWORD_RESETS,
                self.password_resets.clone(),
                |reset, key, value| match key {
                    "status" => status(reset.status.code(), value),
                    "user_id" => same_number(value, reset.user.id),
                    _ => false,
                },
                |reset, column| match column {
                    "requested_at" => (reset.requested_at.clone(), reset.id),
                    _ => (number_key(reset.id), reset.id),
                },
            ),
            "notifications" => serve_list(
                call,
                &NOTIFICATIONS,
                self.notifications.clone(),
                |notification, key, value| match key {
                    "status" => status(notification.status.code(), value),
                    "user_id" => same_number(value, notification.user.id),
                    "channel" => same_number(value, i64::from(notification.channel)),
                    _ => false,
                },
                |notification, column| match column {
                    "sent_at" => (notification.sent_at.clone(), notification.id),
                    _ => (String::new(), notification.id),
                },
            ),
            _ => error(404, "Not found"),
        }
    }
}
