//! The bundled library and the code explanations are embedded with `include_dir!`, which
//! cannot ask cargo to watch a folder: without this, a scenario file added to `scenarios/` or
//! an explanation added to `docs/codes/` would not reach the binary until something else
//! changed.

fn main() {
    println!("cargo:rerun-if-changed=scenarios");
    println!("cargo:rerun-if-changed=docs/codes");
}
