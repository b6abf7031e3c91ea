//! The simulator's side of the Demo wire ([`userdesk_api::sim_wire`]): it
//! starts the world from what the page saved, answers each request, and
//! hands back what the page must save. The Web Worker runs it; so do the
//! console's component tests, in the page.
//!
//! ## Usage
//! ```
//! use userdesk_api::sim_wire::{FromSimulator, ToSimulator};
//! use userdesk_sim::host::Host;
//!
//! let mut host = Host::default();
//! host.receive(ToSimulator::Start { state: None, tokens: None, entropy: 1, now: 0 });
//! ```

use userdesk_api::sim_wire::{FromSimulator, ToSimulator};

use crate::Simulator;

/// One simulated world and the state the page last saved of it.
#[derive(Default)]
pub struct Host {
    simulator: Option<Simulator>,
    /// The state as last handed to the page, so unchanged worlds are not sent again.
    saved: String,
}

impl Host {
    /// Handles one message; requests get their answer.
    pub fn receive(&mut self, message: ToSimulator) -> Option<FromSimulator> {
        match message {
            ToSimulator::Start {
                state,
                tokens,
                entropy,
                now,
            } => {
                let mut simulator = state
                    .as_deref()
                    .and_then(Simulator::from_json)
                    .unwrap_or_else(|| Simulator::seeded(now, entropy));
                if let Some(tokens) = tokens {
                    simulator.admin.restore_tokens(&tokens);
                }
                self.saved = state.unwrap_or_default();
                self.simulator = Some(simulator);
                None
            }
            ToSimulator::Request {
                id,
                api,
                request,
                now,
            } => {
                let simulator = self
                    .simulator
                    .get_or_insert_with(|| Simulator::seeded(now, now as u64));
                let response = simulator.handle(api, &request, now);
                let state = simulator.to_json();
                let changed = (state != self.saved).then(|| state.clone());
                self.saved = state;
                let tokens = if simulator.admin.tokens.is_empty() {
                    String::new()
                } else {
                    simulator.admin.tokens_json()
                };
                Some(FromSimulator::Answer {
                    id,
                    response,
                    state: changed,
                    tokens,
                })
            }
            ToSimulator::ForgetTokens => {
                if let Some(simulator) = self.simulator.as_mut() {
                    simulator.admin.tokens.clear();
                }
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use userdesk_api::admin::token::token_request;
    use userdesk_api::admin::{AdminConfig, DOCUMENTED_APP_KEY};
    use userdesk_api::resource::Api;

    fn sign_in(host: &mut Host, id: u64) -> FromSimulator {
        let config = AdminConfig {
            base_url: String::new(),
            version: "1.0".into(),
            app_key: DOCUMENTED_APP_KEY.into(),
        };
        host.receive(ToSimulator::Request {
            id,
            api: Api::Admin,
            request: token_request(&config, "admin1", "admin1pass"),
            now: 1_700_000_000,
        })
        .expect("an answer")
    }

    #[test]
    fn answers_requests_and_hands_back_the_world_only_when_it_changed() {
        let mut host = Host::default();
        assert_eq!(
            host.receive(ToSimulator::Start {
                state: None,
                tokens: None,
                entropy: 9,
                now: 1_700_000_000
            }),
            None
        );
        let FromSimulator::Answer {
            id,
            response,
            state,
            tokens,
        } = sign_in(&mut host, 1)
        else {
            panic!("an answer");
        };
        assert_eq!((id, response.status), (1, 200));
        let saved = state.expect("a sign-in is logged, so the world changed");
        assert!(!tokens.is_empty(), "the token is this tab's");
        assert!(
            !saved.contains(&tokens),
            "tokens are kept apart from the world"
        );
        // A restart from what the page saved keeps the world and the tokens.
        let mut again = Host::default();
        again.receive(ToSimulator::Start {
            state: Some(saved),
            tokens: Some(tokens),
            entropy: 1,
            now: 1_700_000_000,
        });
        again.receive(ToSimulator::ForgetTokens);
        let FromSimulator::Answer { tokens, .. } = sign_in(&mut again, 2) else {
            panic!("an answer");
        };
        assert_eq!(
            tokens.matches("token").count(),
            1,
            "one token: the forgotten one is gone"
        );
    }
}
