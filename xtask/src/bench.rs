//! `cargo xtask bench`: the release build, measured in headless Chromium.
//!
//! Builds `dist/`, serves it with the simulator on a free port, and runs
//! `tests/e2e/bench.mjs`, which takes the median and the minimum of 7
//! runs (a fresh browser context each) of every figure, prints a table and
//! writes it as JSON to `target/bench/latest.json`. With `--compare FILE`
//! (an earlier JSON) the table shows the change. Nothing here asserts a
//! time: benchmarks print.

use crate::dist;
use crate::run::{self, step, workspace_root};
use crate::test::serve_in_background;
use crate::tools::{self, CHROMIUM};

pub fn run(args: &[String]) -> Result<(), String> {
    let compare = match args {
        [] => None,
        [flag, file] if flag == "--compare" => {
            Some(std::fs::canonicalize(file).map_err(|e| format!("cannot read {file}: {e}"))?)
        }
        _ => return Err("usage: cargo xtask bench [--compare FILE]".into()),
    };
    let tools = tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    tools::ensure_e2e_packages(&tools)?;
    let (dist, weight) = dist::build_weighed(&tools)?;
    step("Benchmarks (release build in headless Chromium, 7 runs each)");
    let port = serve_in_background(dist)?;
    let out = workspace_root().join("target").join("bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create target/bench: {e}"))?;
    let mut command = tools.command("node");
    command
        .arg("bench.mjs")
        .current_dir(workspace_root().join("tests").join("e2e"))
        .env("USERDESK_URL", format!("http://127.0.0.1:{port}"))
        .env("CHROMIUM", CHROMIUM)
        .env("BENCH_OUT", out.join("latest.json"))
        .env(
            "BENCH_FIRST_LOAD_BROTLI",
            weight.first_load_brotli.to_string(),
        )
        .env("BENCH_SERVER_BROTLI", weight.server_brotli.to_string())
        .env("BENCH_DEMO_BROTLI", weight.demo_brotli.to_string());
    if let Some(compare) = compare {
        command.env("BENCH_COMPARE", compare);
    }
    run::command(&mut command, "benchmarks")
}
