//! Cuts the console's release wasm into the parts `src/pages/lazy.rs`
//! names, after trunk has built `dist/`.
//!
//! trunk 0.21 cannot split wasm, so trunk builds with [`RUSTFLAGS`] (the
//! split points and the relocations the splitter reads) and leaves its
//! console wasm unoptimised; then this step:
//! 1. splits cargo's wasm with `wasm_split_cli_support`, into the main
//!    module, one module per part and the code parts share;
//! 2. runs wasm-bindgen on the main module as trunk does, under trunk's
//!    file names, and wasm-opt `-Oz` on every module;
//! 3. names each part (`userdesk-part-…`) and the loader
//!    (`userdesk-loader-…`) by its content, so a new release never meets
//!    an old part from a cache;
//! 4. writes the new `integrity` hashes of the main module into
//!    `index.html`.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256, Sha384};
use userdesk_api::base64;

use crate::run::{self, workspace_root};
use crate::tools::Tools;

/// What the release build compiles the wasm with: the components erased
/// (smaller) and the split points on. With the split points on, the
/// console's `build.rs` also links with the relocations the splitter reads
/// (only the console: binaryen cannot optimise a wasm that keeps them).
pub const RUSTFLAGS: &str = "--cfg erase_components --cfg userdesk_split";

/// The files a console downloads only when a page needs them.
pub const PART_PREFIX: &str = "userdesk-part-";

/// The Demo simulator's files: its worker, its loader and its wasm,
/// downloaded only when some API is in Demo.
pub const DEMO_PREFIX: &str = "userdesk-sim-worker";

/// The splitter's name for the loader the main module imports.
const SPLIT_LOADER: &str = "__wasm_split.js";

/// Splits the console's wasm in `dist` (see the module docs).
pub fn split(tools: &Tools, dist: &Path) -> Result<(), String> {
    let stem = console_stem(dist)?;
    let work = workspace_root().join("target").join("split");
    // A fresh folder, so no part of an older build is picked up.
    let _ = std::fs::remove_dir_all(&work);
    let bindgen = work.join("bindgen");
    std::fs::create_dir_all(&bindgen)
        .map_err(|e| format!("cannot create {}: {e}", bindgen.display()))?;

    let input = workspace_root().join("target/wasm32-unknown-unknown/release/userdesk.wasm");
    let wasm =
        std::fs::read(&input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let main_module = format!("./{stem}.js");
    let main_wasm = work.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = &work;
    options.main_out_path = &main_wasm;
    options.main_module = &main_module;
    options.target.web();
    wasm_split_cli_support::transform(options).map_err(|e| format!("splitting the wasm: {e}"))?;

    run::command(
        tools.command("wasm-bindgen").arg(&main_wasm).args([
            "--target=web",
            &format!("--out-dir={}", bindgen.display()),
            &format!("--out-name={stem}"),
            "--no-typescript",
            "--keep-lld-exports",
        ]),
        "wasm-bindgen (split main module)",
    )?;
    optimise(
        tools,
        &bindgen.join(format!("{stem}_bg.wasm")),
        &dist.join(format!("{stem}_bg.wasm")),
    )?;

    // The parts, named by content; the loader learns their new names.
    let mut loader = read_text(&work.join(SPLIT_LOADER))?;
    for module in wasm_files(&work)? {
        let Some(name) = module
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if name == "main" {
            continue;
        }
        let optimised = work.join(format!("{name}.opt.wasm"));
        optimise(tools, &module, &optimised)?;
        let bytes = read(&optimised)?;
        let named = format!("{PART_PREFIX}{name}-{}.wasm", short_hash(&bytes));
        let reference = format!("\"./{name}.wasm\"");
        if !loader.contains(&reference) {
            return Err(format!("the split loader does not name {name}.wasm"));
        }
        loader = loader.replace(&reference, &format!("\"./{named}\""));
        write(&dist.join(named), &bytes)?;
    }
    // The main module imports the loader, so it is part of the first load.
    let loader_name = format!("userdesk-loader-{}.js", short_hash(loader.as_bytes()));
    write(&dist.join(&loader_name), loader.as_bytes())?;

    let glue = read_text(&bindgen.join(format!("{stem}.js")))?;
    // Only the `import … from` names the file; the wasm's import object
    // keeps the module name the wasm asks for.
    let imported = format!("from \"./{SPLIT_LOADER}\"");
    if !glue.contains(&imported) {
        return Err(format!(
            "the wasm-bindgen glue does not import {SPLIT_LOADER}"
        ));
    }
    let glue = glue.replace(&imported, &format!("from \"./{loader_name}\""));
    write(&dist.join(format!("{stem}.js")), glue.as_bytes())?;

    let index = dist.join("index.html");
    let mut html = read_text(&index)?;
    for file in [format!("{stem}.js"), format!("{stem}_bg.wasm")] {
        html = with_integrity(&html, &file, &read(&dist.join(&file))?)?;
    }
    // The glue imports the loader: fetch both at once, not one after the other.
    html = with_preload(
        &html,
        &format!("{stem}.js"),
        &loader_name,
        loader.as_bytes(),
    )?;
    write(&index, html.as_bytes())?;
    println!(
        "Split the console wasm: {} parts download on first use.",
        part_count(dist)?
    );
    Ok(())
}

/// `userdesk-<hash>`: trunk's name for the console's glue and wasm.
fn console_stem(dist: &Path) -> Result<String, String> {
    std::fs::read_dir(dist)
        .map_err(|e| format!("cannot read dist/: {e}"))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| !name.starts_with(DEMO_PREFIX) && !name.starts_with(PART_PREFIX))
        .find_map(|name| {
            name.strip_suffix("_bg.wasm")
                .filter(|stem| stem.starts_with("userdesk-"))
                .map(str::to_string)
        })
        .ok_or_else(|| "dist/ has no userdesk-*_bg.wasm from trunk".to_string())
}

/// `-Oz`, and `--low-memory-unused`: Rust's wasm keeps its stack below
/// its data and grows it down from 1 MiB, so the first KiB of memory is
/// touched only by a stack already overflowed, and loads and stores may
/// fold their offsets. Measured: 1.4 KB brotli less over the parts.
fn optimise(tools: &Tools, input: &Path, output: &Path) -> Result<(), String> {
    run::command(
        tools
            .command("wasm-opt")
            .arg("-Oz")
            .arg("--low-memory-unused")
            .arg(input)
            .arg(format!("--output={}", output.display())),
        &format!("wasm-opt -Oz --low-memory-unused {}", input.display()),
    )
}

/// Replaces the `integrity` of the `<link>` that loads `/file`.
fn with_integrity(html: &str, file: &str, bytes: &[u8]) -> Result<String, String> {
    let (start, tag_end) = link_tag(html, file)?;
    let tag = &html[start..tag_end];
    let Some(at) = tag.find("integrity=\"") else {
        return Ok(html.to_string());
    };
    let value_start = start + at + "integrity=\"".len();
    let value_end = value_start
        + html[value_start..]
            .find('"')
            .ok_or("index.html: unclosed integrity")?;
    let digest = format!("sha384-{}", base64::encode(&Sha384::digest(bytes)));
    Ok(format!(
        "{}{digest}{}",
        &html[..value_start],
        &html[value_end..]
    ))
}

/// Adds a `modulepreload` of `/file` (with its `integrity`) after the
/// `<link>` that loads `/after`.
fn with_preload(html: &str, after: &str, file: &str, bytes: &[u8]) -> Result<String, String> {
    let tag_end = link_tag(html, after)?.1 + 1;
    let digest = base64::encode(&Sha384::digest(bytes));
    let preload = format!(
        "<link rel=\"modulepreload\" href=\"/{file}\" crossorigin=\"anonymous\" integrity=\"sha384-{digest}\">"
    );
    Ok(format!("{}{preload}{}", &html[..tag_end], &html[tag_end..]))
}

/// Where the `<link>` whose `href` is `/file` starts (at its `href`) and
/// where its closing `>` is.
fn link_tag(html: &str, file: &str) -> Result<(usize, usize), String> {
    let href = format!("href=\"/{file}\"");
    let start = html
        .find(&href)
        .ok_or_else(|| format!("index.html does not link /{file}"))?;
    let end = start + html[start..].find('>').ok_or("index.html: unclosed tag")?;
    Ok((start, end))
}

fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn wasm_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "wasm"))
        .collect();
    files.sort();
    Ok(files)
}

fn part_count(dist: &Path) -> Result<usize, String> {
    Ok(std::fs::read_dir(dist)
        .map_err(|e| format!("cannot read dist/: {e}"))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with(PART_PREFIX) && name.ends_with(".wasm"))
        .count())
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_is_replaced_only_on_the_named_link() {
        let html = r#"<link rel="modulepreload" href="/a.js" integrity="sha384-old"><link rel="preload" href="/b.wasm" integrity="sha384-keep">"#;
        let new = with_integrity(html, "a.js", b"x").unwrap();
        let digest = base64::encode(&Sha384::digest(b"x"));
        assert!(new.contains(&format!(r#"href="/a.js" integrity="sha384-{digest}""#)));
        assert!(new.contains(r#"href="/b.wasm" integrity="sha384-keep""#));
        assert!(
            with_integrity(html, "c.js", b"x").is_err(),
            "an unlinked file is an error"
        );
    }

    #[test]
    fn the_loader_is_preloaded_right_after_the_glue() {
        let html = r#"<link rel="modulepreload" href="/a.js" integrity="sha384-a"><link rel="preload" href="/b.wasm">"#;
        let new = with_preload(html, "a.js", "loader.js", b"x").unwrap();
        let digest = base64::encode(&Sha384::digest(b"x"));
        assert_eq!(
            new,
            format!(
                r#"<link rel="modulepreload" href="/a.js" integrity="sha384-a"><link rel="modulepreload" href="/loader.js" crossorigin="anonymous" integrity="sha384-{digest}"><link rel="preload" href="/b.wasm">"#
            )
        );
    }
}
