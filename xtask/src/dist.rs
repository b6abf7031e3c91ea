//! The size-optimised release build and its size report.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::budget::{Budget, Weight};
use crate::csp;
use crate::run::{self, step, workspace_root};
use crate::split;
use crate::tools::Tools;

/// Builds `dist/` with trunk (release profile, wasm-opt -Oz), prints
/// sizes and checks them against the budget.
pub fn build(tools: &Tools) -> Result<PathBuf, String> {
    build_weighed(tools).map(|(dist, _)| dist)
}

/// [`build`], also giving what the build weighs.
pub fn build_weighed(tools: &Tools) -> Result<(PathBuf, Weight), String> {
    step("Release build into dist/");
    run::command(
        tools
            .command("trunk")
            .args(["build", "--release", "--offline"])
            .env("RUSTFLAGS", split::RUSTFLAGS),
        "trunk build --release",
    )?;
    let dist = workspace_root().join("dist");
    split::split(tools, &dist)?;
    secure(&dist)?;
    let weight = report_sizes(&dist)?;
    let budget = Budget::load(&workspace_root())?;
    let over = budget.overruns(weight);
    if !over.is_empty() {
        return Err(format!(
            "{}. Make the build smaller; the budget in size-budget.toml only goes down.",
            over.join("; ")
        ));
    }
    println!(
        "Within size-budget.toml: first load {} of {} B brotli, every page {} of {} B, Demo adds {} of {} B.",
        weight.first_load_brotli,
        budget.first_load_brotli,
        weight.server_brotli,
        budget.server_brotli,
        weight.demo_brotli,
        budget.demo_brotli
    );
    Ok((dist, weight))
}

/// Copies the deployment's `config.json` (if any) into `dist/` and writes
/// the CSP `<meta>` into `dist/index.html`.
fn secure(dist: &Path) -> Result<(), String> {
    let mut origins = Vec::new();
    let config = workspace_root().join("config.json");
    if config.is_file() {
        let text = std::fs::read_to_string(&config)
            .map_err(|e| format!("cannot read config.json: {e}"))?;
        let parsed = userdesk_api::deploy::parse(&text)
            .map_err(|problem| format!("config.json: {problem}"))?;
        origins.extend(parsed.server_origins());
        std::fs::write(dist.join("config.json"), text)
            .map_err(|e| format!("cannot copy config.json into dist/: {e}"))?;
        println!("Copied config.json into dist/.");
    }
    if let Ok(extra) = std::env::var("USERDESK_CONNECT_SRC") {
        origins.extend(csp::extra_origins(&extra)?);
    }
    origins.sort();
    origins.dedup();
    let index = dist.join("index.html");
    let html =
        std::fs::read_to_string(&index).map_err(|e| format!("cannot read dist/index.html: {e}"))?;
    let secured = csp::with_policy(&html, &origins)?;
    std::fs::write(&index, secured).map_err(|e| format!("cannot write dist/index.html: {e}"))?;
    println!(
        "Wrote the CSP into dist/index.html (connect-src 'self'{}).",
        origins.iter().map(|o| format!(" {o}")).collect::<String>()
    );
    Ok(())
}

fn report_sizes(dist: &Path) -> Result<Weight, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dist)
        .map_err(|e| format!("cannot read dist/: {e}"))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    // [first load, parts, demo] × [raw, gzip, brotli]
    let mut totals = [[0usize; 3]; 3];
    for file in files {
        let bytes =
            std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let sizes = [bytes.len(), gzip_size(&bytes), brotli_size(&bytes)];
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let part = if name.starts_with(split::DEMO_PREFIX) {
            2
        } else if name.starts_with(split::PART_PREFIX) {
            1
        } else {
            0
        };
        for (total, size) in totals[part].iter_mut().zip(sizes) {
            *total += size;
        }
        println!(
            "{name:<44} {:>10} {:>10} {:>10}",
            kib(sizes[0]),
            kib(sizes[1]),
            kib(sizes[2])
        );
    }
    let every_page: [usize; 3] = std::array::from_fn(|i| totals[0][i] + totals[1][i]);
    for (label, [raw, gzip, brotli]) in [
        ("Server mode, first load", totals[0]),
        ("Server mode, every page", every_page),
        ("Demo adds", totals[2]),
    ] {
        println!(
            "{label:<44} {:>10} {:>10} {:>10}",
            kib(raw),
            kib(gzip),
            kib(brotli)
        );
    }
    Ok(Weight {
        first_load_brotli: totals[0][2],
        server_brotli: every_page[2],
        demo_brotli: totals[2][2],
    })
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn gzip_size(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let written = encoder.write_all(bytes).is_ok();
    match (written, encoder.finish()) {
        (true, Ok(compressed)) => compressed.len(),
        _ => 0,
    }
}

fn brotli_size(bytes: &[u8]) -> usize {
    let mut compressed = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    match brotli::BrotliCompress(&mut &bytes[..], &mut compressed, &params) {
        Ok(_) => compressed.len(),
        Err(_) => 0,
    }
}
