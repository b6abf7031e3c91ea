//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.

use std::net::TcpListener;
use std::time::{Duration, Instant};

use crate::run::{self, step, workspace_root};
use crate::tools::{self, CHROMEDRIVER, CHROMIUM, NGINX};
use crate::{demo_options, dist};

const WASM: &str = "wasm32-unknown-unknown";

pub fn all() -> Result<(), String> {
    let started = Instant::now();
    let tools = tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    tools::ensure_e2e_packages(&tools)?;

    step("cargo fmt --check");
    run::command(
        tools
            .command("cargo")
            .args(["fmt", "--all", "--", "--check"]),
        "cargo fmt --check",
    )?;

    step("clippy (native crates, then the wasm app and the Demo worker) with -D warnings");
    run::command(
        tools.command("cargo").args([
            "clippy",
            "--workspace",
            "--exclude",
            "userdesk",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
        "clippy (native)",
    )?;
    // Twice: the console with the Demo worker, and every target (the
    // component tests run the simulator in the page, feature `in-page-demo`).
    run::command(
        tools.command("cargo").args([
            "clippy",
            "-p",
            "userdesk",
            "-p",
            "userdesk-sim-worker",
            "--target",
            WASM,
            "--",
            "-D",
            "warnings",
        ]),
        "clippy (wasm)",
    )?;
    run::command(
        tools.command("cargo").args([
            "clippy",
            "-p",
            "userdesk",
            "--target",
            WASM,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
        "clippy (wasm, with the component tests)",
    )?;

    step("Native tests");
    run::command(
        tools
            .command("cargo")
            .args(["test", "--workspace", "--exclude", "userdesk"]),
        "native tests",
    )?;

    step("Browser tests (wasm-bindgen-test in headless Chromium)");
    run::command(
        tools
            .command("cargo")
            .args(["test", "-p", "userdesk", "--target", WASM])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "60"),
        "browser tests",
    )?;

    let dist = dist::build(&tools)?;

    step("End-to-end tests (release build in Chromium, against `xtask demo`)");
    let dist_dir = dist.clone();
    let port = serve_in_background(dist)?;
    let e2e = workspace_root().join("tests").join("e2e");
    let mut files: Vec<String> = std::fs::read_dir(&e2e)
        .map_err(|e| format!("cannot read tests/e2e: {e}"))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".test.mjs"))
        .collect();
    files.sort();
    run::command(
        tools
            .command("node")
            .args(["--test", "--test-concurrency=1"])
            .args(&files)
            .current_dir(&e2e)
            .env("USERDESK_URL", format!("http://127.0.0.1:{port}"))
            .env("USERDESK_DIST", &dist_dir)
            .env("NGINX", NGINX)
            .env("CHROMIUM", CHROMIUM),
        "end-to-end tests",
    )?;
    println!("\nAll checks passed in {:.0?}.", started.elapsed());
    Ok(())
}

/// Serves `dist` with the simulator (`cargo xtask demo`) on a free port,
/// on a thread of its own, and returns the port once it listens.
pub fn serve_in_background(dist: std::path::PathBuf) -> Result<u16, String> {
    let port = free_port()?;
    std::thread::spawn(move || {
        if let Err(message) = userdesk_sim_server::serve(demo_options(port, dist, None)) {
            eprintln!("demo server: {message}");
        }
    });
    wait_for_port(port)?;
    Ok(port)
}

pub fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("no free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

pub fn wait_for_port(port: u16) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("the demo server did not start on port {port}"))
}
