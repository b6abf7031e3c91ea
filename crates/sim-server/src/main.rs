//! `sim-server [--port P] [--dist DIR] [--token-lifetime SECONDS]`

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use userdesk_sim_server::{serve, Options};

fn main() {
    let mut options = Options {
        address: SocketAddr::from((Ipv4Addr::LOCALHOST, 8090)),
        static_root: None,
        token_lifetime: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next();
        match (flag.as_str(), value) {
            ("--port", Some(port)) => match port.parse::<u16>() {
                Ok(port) => options.address.set_port(port),
                Err(_) => exit(&format!("--port takes a number, not {port:?}")),
            },
            ("--dist", Some(dir)) => options.static_root = Some(PathBuf::from(dir)),
            ("--token-lifetime", Some(seconds)) => match seconds.parse() {
                Ok(seconds) => options.token_lifetime = Some(seconds),
                Err(_) => exit("--token-lifetime takes a number of seconds"),
            },
            _ => exit("usage: sim-server [--port P] [--dist DIR] [--token-lifetime SECONDS]"),
        }
    }
    if let Err(message) = serve(options) {
        exit(&message);
    }
}

fn exit(message: &str) -> ! {
    eprintln!("sim-server: {message}");
    std::process::exit(2);
}
