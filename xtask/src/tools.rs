//! Installs what the build and the tests need, skipping what is present.
//!
//! Verified on Debian as root: the wasm32 target, trunk 0.21.14 (0.22 needs a
//! newer rustc), wasm-bindgen-cli equal to the locked wasm-bindgen, wasm-opt
//! from npm's binaryen@132 (Debian's binaryen 108 emits `-Oz` output that
//! fails at start-up), and Chromium with chromedriver from apt.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{output, step, workspace_root};

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's nginx, which serves the dist through `deploy/nginx.conf` in an
/// end-to-end test (`proxy.test.mjs`).
pub const NGINX: &str = "/usr/sbin/nginx";

/// A `PATH` with the project's tool folders first.
pub struct Tools {
    path: OsString,
}

impl Tools {
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path);
        command
    }
}

fn tools_dir() -> PathBuf {
    workspace_root().join("target").join("tools")
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"))
        .join("bin")
}

fn search_path() -> OsString {
    let mut dirs = vec![tools_dir().join("node_modules").join(".bin"), cargo_bin()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).unwrap_or_default()
}

/// Ensures everything `trunk` needs for a release build.
pub fn ensure_build_tools() -> Result<Tools, String> {
    step("Checking build tools");
    let tools = Tools {
        path: search_path(),
    };
    let installed_targets =
        output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed_targets
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        install(
            Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
            "the wasm32 target",
            "run `rustup target add wasm32-unknown-unknown`",
        )?;
    }
    if !version_of(&tools, "trunk").contains(TRUNK_VERSION) {
        install(
            tools
                .command("cargo")
                .args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]),
            "trunk (about 6 minutes)",
            &format!("run `cargo install --locked trunk@{TRUNK_VERSION}`"),
        )?;
    }
    let bindgen = locked_wasm_bindgen()?;
    if version_of(&tools, "wasm-bindgen").trim() != format!("wasm-bindgen {bindgen}") {
        // `--locked` fails for this crate, so it is left out on purpose.
        install(
            tools.command("cargo").args([
                "install",
                "--force",
                &format!("wasm-bindgen-cli@{bindgen}"),
            ]),
            "wasm-bindgen-cli (about 2 minutes)",
            &format!("run `cargo install wasm-bindgen-cli@{bindgen}`"),
        )?;
    }
    let wasm_opt = tools_dir()
        .join("node_modules")
        .join(".bin")
        .join("wasm-opt");
    if !version_of(&tools, wasm_opt.to_str().unwrap_or("wasm-opt"))
        .contains(&format!("version {BINARYEN_VERSION}"))
    {
        std::fs::create_dir_all(tools_dir())
            .map_err(|e| format!("cannot create target/tools: {e}"))?;
        install(
            tools.command("npm").args(["install", "--no-save", "--no-audit", "--no-fund", "--prefix"]).arg(tools_dir()).arg(format!("binaryen@{BINARYEN_VERSION}")),
            "wasm-opt from npm's binaryen",
            &format!("install Node.js with npm, then run `npm install --prefix target/tools binaryen@{BINARYEN_VERSION}`"),
        )?;
    }
    Ok(tools)
}

/// Ensures Chromium and chromedriver for the browser and end-to-end tests.
pub fn ensure_browser() -> Result<(), String> {
    step("Checking Chromium, chromedriver and nginx");
    let missing: Vec<&str> = [
        (CHROMIUM, "chromium"),
        (CHROMEDRIVER, "chromium-driver"),
        (NGINX, "nginx"),
    ]
    .into_iter()
    .filter(|(binary, _)| !Path::new(binary).is_file())
    .map(|(_, package)| package)
    .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let packages = missing.join(" ");
    if !is_root() {
        return Err(format!("{packages} missing and this is not root: install by hand with `sudo apt-get install -y {packages}`."));
    }
    install(
        Command::new("apt-get").arg("update"),
        "the apt package lists",
        "run `apt-get update`",
    )?;
    install(
        Command::new("apt-get")
            .args(["install", "-y"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
        &packages,
        &format!("run `apt-get install -y {packages}`"),
    )
}

/// Ensures the end-to-end test packages (Playwright's driver, no browser
/// download, and axe-core for the accessibility audit).
pub fn ensure_e2e_packages(tools: &Tools) -> Result<(), String> {
    let e2e = workspace_root().join("tests").join("e2e");
    let modules = e2e.join("node_modules");
    let installed = ["playwright-core", "@axe-core/playwright"]
        .iter()
        .all(|package| modules.join(package).is_dir());
    if installed {
        return Ok(());
    }
    install(
        tools
            .command("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&e2e),
        "the end-to-end test packages",
        "install Node.js with npm, then run `npm ci` in tests/e2e",
    )
}

fn install(command: &mut Command, what: &str, by_hand: &str) -> Result<(), String> {
    println!("Installing {what}…");
    if command.get_current_dir().is_none() {
        command.current_dir(workspace_root());
    }
    if command.status().is_ok_and(|s| s.success()) {
        Ok(())
    } else {
        Err(format!(
            "Could not install {what}; {by_hand}, then run this command again."
        ))
    }
}

fn version_of(tools: &Tools, program: &str) -> String {
    tools
        .command(program)
        .arg("--version")
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default()
}

fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0")
}

/// The wasm-bindgen version pinned in Cargo.lock.
pub fn locked_wasm_bindgen() -> Result<String, String> {
    let lock = std::fs::read_to_string(workspace_root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock does not pin wasm-bindgen".into())
}
