//! The bundled library is embedded with `include_dir!`, which cannot ask cargo to watch the
//! folder: without this, a scenario file added to `scenarios/` would not reach the binary
//! until something else changed.

fn main() {
    println!("cargo:rerun-if-changed=../../scenarios");
}
