//! `cargo xtask <command>`: the project's entry points.
//!
//! - `serve`: install what is missing, then serve the console with live reload on :8080;
//! - `test`: install what is missing, then fmt, clippy, native, browser and end-to-end tests;
//! - `dist`: release build into `dist/`, printing raw, gzip and brotli sizes and
//!   failing when they exceed `size-budget.toml`;
//! - `demo --port P`: serve `dist/` (SPA fallback) and the simulator over HTTP;
//! - `bench [--compare FILE]`: the release build in headless Chromium,
//!   printing a table of sizes and timings and writing it as JSON.

mod bench;
mod budget;
mod csp;
mod dist;
mod run;
mod split;
mod test;
mod tools;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test::all(),
        Some("dist") => tools::ensure_build_tools()
            .and_then(|tools| dist::build(&tools))
            .map(|_| ()),
        Some("demo") => demo(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        _ => Err(
            "usage: cargo xtask serve | test | dist | demo --port P | bench [--compare FILE]"
                .to_string(),
        ),
    };
    if let Err(message) = result {
        eprintln!("\nxtask: {message}");
        std::process::exit(1);
    }
}

fn serve() -> Result<(), String> {
    let tools = tools::ensure_build_tools()?;
    println!("Serving the console at http://127.0.0.1:8080 (Demo mode needs no server).");
    run::command(
        tools.command("trunk").args([
            "serve",
            "--offline",
            "--address",
            "127.0.0.1",
            "--port",
            "8080",
        ]),
        "trunk serve",
    )
}

fn demo(args: &[String]) -> Result<(), String> {
    let port = match args {
        [flag, port] if flag == "--port" => port
            .parse::<u16>()
            .map_err(|_| format!("--port takes a number, not {port:?}"))?,
        [] => 8080,
        _ => return Err("usage: cargo xtask demo --port P".into()),
    };
    let dist = run::workspace_root().join("dist");
    if !dist.join("index.html").is_file() {
        return Err("dist/ has no build yet: run `cargo xtask dist` first.".into());
    }
    userdesk_sim_server::serve(demo_options(port, dist, None))
}

pub fn demo_options(
    port: u16,
    dist: PathBuf,
    token_lifetime: Option<u64>,
) -> userdesk_sim_server::Options {
    userdesk_sim_server::Options {
        address: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
        static_root: Some(dist),
        token_lifetime,
    }
}
