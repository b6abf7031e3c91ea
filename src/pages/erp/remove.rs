//! `/erp/remove-user`: removes one user by login name, typed twice. Each
//! removal takes a fresh 20-second token first; an expired token (1001)
//! is renewed once and a rate limit (1008) is waited out, as
//! `userdesk_api::erp::retry` decides. Every removal goes into the log.

use leptos::prelude::*;
use userdesk_api::erp::{decode_remove, remove_request, retry, validate_removal, Retry};

use crate::apis::erp::{send, take_token};
use crate::client::Client;
use crate::components::field::TextField;
use crate::components::form::{use_form_submit, RecordForm};
use crate::session::RemovalLogEntry;
use crate::transport;

/// How one removal ended: removed, or why not.
type Outcome = Result<(), String>;

/// Removes `login_name`, with a fresh token and the documented retries;
/// `waiting` shows the seconds left while a rate limit is waited out.
async fn remove_user(client: Client, login_name: &str, waiting: RwSignal<Option<u32>>) -> Outcome {
    let Some(credentials) = client.session.erp.get_untracked() else {
        return Err("The ERP session ended; sign in again.".into());
    };
    let (mut fresh_tokens, mut waits) = (0, 0);
    loop {
        let token = take_token(client, &credentials.login_name, &credentials.password)
            .await
            .map_err(|error| error.message())?;
        let response = send(client, |config| remove_request(config, &token, login_name))
            .await
            .map_err(|error| error.message())?;
        let Err(failure) = decode_remove(&response) else {
            return Ok(());
        };
        match retry(&failure, fresh_tokens, waits) {
            Retry::FreshToken => fresh_tokens += 1,
            Retry::After { seconds } => {
                waits += 1;
                for left in (1..=seconds).rev() {
                    waiting.set(Some(left));
                    transport::sleep(1).await;
                }
                waiting.set(None);
            }
            Retry::Stop => return Err(failure.explanation()),
        }
    }
}

/// Now, as `2026-11-24 10:31:05 UTC`.
fn now_utc() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    let seconds = iso.get(..19).unwrap_or(&iso).replace('T', " ");
    format!("{seconds} UTC")
}

#[component]
pub fn RemoveUser() -> impl IntoView {
    let client = Client::use_client();
    crate::components::title::use_title(|| "Remove a user".to_string());
    let login_name = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let waiting = RwSignal::new(None::<u32>);
    let last = RwSignal::new(None::<RemovalLogEntry>);
    // Every removal ends in the log, removed or not: its outcome is the
    // form's answer, never a failure to retry blindly.
    let form = use_form_submit(
        move || {
            let (name, repeated) = (login_name.get(), confirm.get());
            validate_removal(&name, &repeated).map(|()| name.trim().to_string())
        },
        move |name: String| {
            last.set(None);
            async move {
                let outcome = remove_user(client, &name, waiting).await;
                Ok(RemovalLogEntry {
                    at: now_utc(),
                    login_name: name,
                    removed: outcome.is_ok(),
                    result: outcome.err().unwrap_or_else(|| "Removed.".to_string()),
                })
            }
        },
        move |entry: RemovalLogEntry| {
            if entry.removed {
                login_name.set(String::new());
                confirm.set(String::new());
            }
            // The session may have ended meanwhile; then its log went with it.
            client.session.erp.update(|session| {
                if let Some(session) = session {
                    session.log.insert(0, entry.clone());
                }
            });
            last.set(Some(entry));
        },
    );
    let busy = form.busy;
    let signed_in_as = move || {
        client
            .session
            .erp
            .with(|s| s.as_ref().map(|s| s.login_name.clone()).unwrap_or_default())
    };
    view! {
        <section class="page page--narrow">
            <h1 class="page__title">"Remove a user"</h1>
            <p class="page__lead">
                "Removes a user from the ERP for good. You act as " <strong>{signed_in_as}</strong>
                ", which needs the Delete privilege on the Users agenda."
            </p>
            {move || last.get().map(|entry| {
                let text = if entry.removed {
                    format!("{} was removed.", entry.login_name)
                } else {
                    format!("{} was not removed: {}", entry.login_name, entry.result)
                };
                view! {
                    <div class=if entry.removed { "notice notice--success" } else { "error-panel" } role="alert">
                        <p class:error-panel__message=!entry.removed>{text}</p>
                    </div>
                }
            })}
            <RecordForm form=form>
                <TextField label="Login name" name="LoginName" value=login_name autocomplete="off" required=true
                    hint="The user's unique login name, at most 100 characters, e.g. John.Doo." />
                <TextField label="Type the login name again to confirm" name="confirm" value=confirm autocomplete="off" required=true />
                <Show when=move || waiting.with(Option::is_some)>
                    <p class="notice" role="status">
                        {move || format!("The ERP limits how often it may be asked. Trying again in {} s…", waiting.get().unwrap_or(0))}
                    </p>
                </Show>
                <div class="form__actions">
                    <button class="button button--danger" type="submit" prop:disabled=move || busy.get()>
                        {move || if busy.get() { "Removing…" } else { "Remove user" }}
                    </button>
                </div>
            </RecordForm>
            <section class="panel" aria-labelledby="removal-log">
                <h2 class="panel__title" id="removal-log">"This session's removals"</h2>
                {move || {
                    let log = client.session.erp.with(|s| s.as_ref().map(|s| s.log.clone()).unwrap_or_default());
                    if log.is_empty() {
                        view! { <p class="panel__empty">"No removals yet in this session."</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap">
                                <table class="table table--compact table--cards">
                                    <thead><tr>
                                        <th scope="col">"Time"</th>
                                        <th scope="col">"Login name"</th>
                                        <th scope="col">"Result"</th>
                                    </tr></thead>
                                    <tbody>
                                        {log.into_iter().map(|entry| view! {
                                            <tr>
                                                <td data-label="Time">{entry.at}</td>
                                                <td data-label="Login name">{entry.login_name}</td>
                                                <td class="table__cell--prose" data-label="Result">
                                                    // One piece, so a phone's card keeps the badge whole beside its label.
                                                    <span>
                                                        <span class=if entry.removed { "badge badge--ok" } else { "badge badge--bad" }>
                                                            {if entry.removed { "Removed" } else { "Failed" }}
                                                        </span>
                                                        " " {entry.result}
                                                    </span>
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }
                }}
            </section>
        </section>
    }
}
