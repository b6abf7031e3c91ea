//! Links the console with the relocations `cargo xtask dist` needs to
//! split its wasm (xtask/src/split.rs), when built with the split points on.

fn main() {
    println!("cargo::rerun-if-env-changed=RUSTFLAGS");
    if std::env::var_os("CARGO_CFG_USERDESK_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
