//! Running child processes with clear failure messages.

use std::path::PathBuf;
use std::process::Command;

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map_or(manifest.clone(), PathBuf::from)
}

/// Runs a command to completion; an error names the step that failed.
pub fn command(command: &mut Command, step: &str) -> Result<(), String> {
    if command.get_current_dir().is_none() {
        command.current_dir(workspace_root());
    }
    let status = command
        .status()
        .map_err(|error| format!("{step}: could not start ({error})"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{step} failed ({status})"))
    }
}

/// Runs a command and returns its standard output, or `None` if it cannot run.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Prints a step header so CI logs read as a list of steps.
pub fn step(title: &str) {
    println!("\n==> {title}");
}
