//! The language server in a real editor: Neovim, headless, with its own LSP client (the
//! `vim.lsp.start_client` of Neovim 0.7, Debian 12's, which later versions still have).
//! `.ci/run` installs Neovim; under CI a missing `nvim` fails the test. Elsewhere, without
//! Neovim, the test says so on stderr and checks nothing.

use std::path::Path;
use std::process::Command;

use crate::lsp_client::{BROKEN, library};

/// Neovim's client, driven by a script: the diagnostics as Neovim holds them (columns in
/// bytes, converted by Neovim from the server's UTF-16), a definition, a hover, the quick
/// fix applied through Neovim's own workspace edit, the diagnostics after it, a completion.
const SCRIPT: &str = r#"
local out = {}
local function log(s) table.insert(out, s) end
local function flush() vim.fn.writefile(out, RESULT) end
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = "kohtaa", cmd = { KOHTAA, "lsp" } })
vim.lsp.buf_attach_client(buf, id)
local client = vim.lsp.get_client_by_id(id)
log("arrived " .. tostring(vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)))
for _, d in ipairs(vim.diagnostic.get(buf)) do
  log(string.format("diagnostic %d:%d-%d:%d %s %s", d.lnum + 1, d.col, d.end_lnum + 1, d.end_col, d.code, d.message))
end
log("encoding " .. client.offset_encoding)
local uri = vim.uri_from_bufnr(buf)
local function at(line, text, plus)
  local l = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  local byte = l:find(text, 1, true) - 1 + plus
  -- The UTF-16 index is the second of the two that Neovim 0.7 gives.
  local _, utf16 = vim.str_utfindex(l, byte)
  return { textDocument = { uri = uri }, position = { line = line, character = utf16 } }
end
local function ask(method, params)
  for _, r in pairs(vim.lsp.buf_request_sync(buf, method, params, 10000) or {}) do
    if r.result then return r.result end
  end
end
local def = ask("textDocument/definition", at(14, 'next: "done"', 8))
log(string.format("definition %d:%d", def.range.start.line + 1, def.range.start.character))
local hover = ask("textDocument/hover", at(14, '["greet"]', 3))
log("hover " .. hover.contents.value:gsub("\n.*", ""))
local p = at(13, '"dnoe"', 0)
local range = { start = p.position, ["end"] = { line = 13, character = p.position.character + 6 } }
local actions = ask("textDocument/codeAction", { textDocument = p.textDocument, range = range, context = { diagnostics = {} } })
for _, action in ipairs(actions or {}) do
  log("action " .. action.title)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
end
log("fixed " .. vim.api.nvim_buf_get_lines(buf, 13, 14, false)[1])
log("gone " .. tostring(vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do if d.code == "K0302" then return false end end
  return true
end, 50)))
for _, d in ipairs(vim.diagnostic.get(buf)) do log("after " .. d.code) end
local items = ask("textDocument/completion", at(13, '"greeet"', 2))
local labels = {}
for _, item in ipairs(items.items or items) do table.insert(labels, item.label) end
log("completion " .. table.concat(labels, " "))
flush()
vim.lsp.stop_client(id)
vim.wait(5000, function() return vim.lsp.client_is_stopped(id) end, 50)
vim.cmd("qa!")
"#;

fn neovim() -> bool {
    Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn neovim_shows_the_problems_goes_to_definitions_and_applies_a_fix() {
    if !neovim() {
        assert!(
            std::env::var_os("CI").is_none(),
            "nvim is missing under CI: .ci/run installs it"
        );
        eprintln!("nvim not found: the Neovim test checks nothing here");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    let file = library(lib.path());
    let result = lib.path().join("result.txt");
    let script = lib.path().join("drive.lua");
    let lua_string = |p: &Path| format!("{:?}", p.display().to_string());
    let header = format!(
        "KOHTAA = {}\nRESULT = {}\n",
        lua_string(Path::new(env!("CARGO_BIN_EXE_kohtaa"))),
        lua_string(&result)
    );
    std::fs::write(&script, header + SCRIPT).unwrap();
    let out = Command::new("nvim")
        .args(["--headless", "--clean", "-n"])
        .arg(&file)
        .arg("-c")
        .arg(format!("luafile {}", script.display()))
        .env("KOHTAA_DATA_DIR", data.path())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let said = std::fs::read_to_string(&result).unwrap_or_else(|_| {
        panic!(
            "Neovim wrote nothing: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let lines: Vec<&str> = said.lines().collect();
    // Neovim keeps columns in bytes: where `"dnoe"` starts in the line's UTF-8.
    let line = BROKEN.lines().nth(13).unwrap();
    let dnoe = line.find("\"dnoe\"").unwrap();
    let greeet = line.find("\"greeet\"").unwrap();
    let fixed = line.replace("\"dnoe\"", "\"done\"");
    let expected = [
        "arrived true".to_owned(),
        format!(
            "diagnostic 14:{dnoe}-14:{} K0302 next `dnoe` names no node; did you mean `done`?",
            dnoe + 6
        ),
        format!(
            "diagnostic 14:{greeet}-14:{} K0401 unknown step `greeet`; did you mean `greet`?",
            greeet + 8
        ),
        "encoding utf-16".to_owned(),
        "definition 19:16".to_owned(),
        "hover step `greet`: Notice and greet".to_owned(),
        "action Replace with `done`".to_owned(),
        format!("fixed {fixed}"),
        "gone true".to_owned(),
        "after K0401".to_owned(),
        "completion greet listen acknowledge clarify explain agree close respect boundary"
            .to_owned(),
    ];
    assert_eq!(lines, expected);
}
