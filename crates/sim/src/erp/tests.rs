use serde_json::{json, Value};
use userdesk_api::erp::{decode_login, decode_remove, login_request, remove_request, ErpConfig};
use userdesk_api::HttpResponse;

use super::*;

const NOW: i64 = 1_700_000_000;

fn config() -> ErpConfig {
    ErpConfig {
        base_url: String::new(),
    }
}

fn token(server: &mut ErpServer, agent: &str, password: &str, now: i64) -> String {
    let seed = now as u64 ^ (agent.len() as u64).wrapping_mul(0x9E37_79B9);
    let answer = server.handle(
        &login_request(&config(), agent, password),
        now,
        &mut Rng::new(seed),
    );
    decode_login(&answer).expect("a token")
}

fn remove(server: &mut ErpServer, token: &str, login_name: &str, now: i64) -> HttpResponse {
    server.handle(
        &remove_request(&config(), token, login_name),
        now,
        &mut Rng::new(1),
    )
}

fn code(response: &HttpResponse) -> i64 {
    let body: Value = serde_json::from_str(&response.body).expect("json");
    body["Result"]["Code"].as_i64().expect("a code")
}

#[test]
fn the_documented_removal_succeeds_once() {
    let mut server = ErpServer::seeded();
    let token = token(&mut server, "agent", "agentPass!", NOW);
    let done = remove(&mut server, &token, "John.Doo", NOW + 1);
    assert_eq!(decode_remove(&done), Ok(()));
    let body: Value = serde_json::from_str(&done.body).expect("json");
    assert_eq!(body["Request"], json!({"LoginName": "John.Doo"}));
    let again = remove(&mut server, &token, "John.Doo", NOW + 2);
    assert_eq!((again.status, code(&again)), (403, 5));
}

#[test]
fn tokens_expire_after_20_seconds_and_must_exist() {
    let mut server = ErpServer::seeded();
    let token = token(&mut server, "agent", "agentPass!", NOW);
    let late = remove(&mut server, &token, "Jane.Roe", NOW + 21);
    assert_eq!((late.status, code(&late)), (401, 1001));
    let made_up = remove(
        &mut server,
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "Jane.Roe",
        NOW,
    );
    assert_eq!((made_up.status, code(&made_up)), (401, 1000));
    let bad_login = server.handle(
        &login_request(&config(), "agent", "nope"),
        NOW,
        &mut Rng::new(3),
    );
    assert_eq!(bad_login.status, 401);
}

#[test]
fn privileges_unknown_users_and_bad_input_answer_their_numbers() {
    let mut server = ErpServer::seeded();
    let viewer = token(&mut server, "viewer", "viewerPass!", NOW);
    let refused = remove(&mut server, &viewer, "Jane.Roe", NOW);
    assert_eq!((refused.status, code(&refused)), (403, 1407));
    let agent = token(&mut server, "agent", "agentPass!", NOW);
    for name in ["Nobody.Here", "SYSTEM"] {
        let missing = remove(&mut server, &agent, name, NOW);
        assert_eq!((missing.status, code(&missing)), (404, 1400), "{name}");
    }
    let blank = remove(&mut server, &agent, " ", NOW);
    assert_eq!((blank.status, code(&blank)), (400, 1002));
    let mut xml_less = remove_request(&config(), &agent, "Jane.Roe");
    xml_less
        .headers
        .retain(|(name, _)| !name.eq_ignore_ascii_case("Content-Type"));
    xml_less = xml_less.header("Content-Type", "text/plain");
    assert_eq!(server.handle(&xml_less, NOW, &mut Rng::new(1)).status, 415);
}

#[test]
fn rapid_removals_meet_the_rate_limit() {
    let mut server = ErpServer::seeded();
    let agent = token(&mut server, "agent", "agentPass!", NOW);
    let codes: Vec<i64> = (0..RATE_LIMIT + 1)
        .map(|n| code(&remove(&mut server, &agent, &format!("Ghost.{n}"), NOW + 1)))
        .collect();
    assert_eq!(codes[..RATE_LIMIT], [1400; RATE_LIMIT]);
    assert_eq!(codes[RATE_LIMIT], 1008);
    let fresh = token(&mut server, "agent", "agentPass!", NOW + 12);
    let later = remove(&mut server, &fresh, "Jane.Roe", NOW + 12);
    assert_eq!(code(&later), 0, "the window has passed");
}
