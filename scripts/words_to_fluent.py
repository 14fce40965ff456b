#!/usr/bin/env python3
"""One-off: the diagnostics' `words!("English {x}", "Suomi {x}")` into Fluent messages.

Each site becomes `words!(MessageId, x)` and its two texts a message of
`crates/kohtaa-core/locales/{en,fi}/diagnostics.ftl`, so that no text changes: `{x}` becomes
`{ $x }` (`{x:?}` a value formatted with `{:?}`, an upper-case constant a lower-case name), the
`{{`/`}}` of format strings literal braces, blanks at either end string literals. The id is
the English text's first words in kebab-case (`unknown-field`); the key `UnknownField`.
Where the Finnish names a value differently (a word in another case, say), it is renamed to
the English name, and the site's value must then be words of its own (`Words`), rendered in
the language of the message: those sites are listed for a hand to finish.

Usage: python3 scripts/words_to_fluent.py. Sites already converted are left alone, so a
branch that still adds `words!("…", "…")` sites can be converted the same way after a merge:
their messages are appended to the files.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LIT = r'"((?:[^"\\]|\\.)*)"'
SITE = re.compile(r"words!\(\s*" + LIT + r"\s*,\s*" + LIT + r"\s*,?\s*\)", re.S)
VAR = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(:\?)?\}")
# The Finnish name of a value that the English names otherwise.
RENAME = {"whose": "what", "mika": "what", "range_fi": "range", "fi": "en", "sisalla": "within"}
# Better names than the first words give.
IDS = {
    "expected-one": "expected-one-of",
    "expected-found": "expected-struct-found",
    "expected-found-2": "wrong-type-found",
    "message": "ron-message",
    "empty": "text-is-empty",
    "node-has-neither-nor": "node-has-neither-narration-nor-say",
    "node-has-neither-nor-2": "node-has-neither-choices-nor-ending",
    "line": "max-mood-at-line",
    "models": "models-in-language",
    "no-scenario": "no-scenario-in-language",
    "no-scenario-2": "no-scenario-with-id",
    "scenario-has-no-node-2": "scenario-has-no-ending-node",
}
STOP = {"a", "an", "the", "is", "in", "of", "to", "it", "its", "at", "by", "for", "and", "or"}


def unescape(rust):
    """A Rust string literal's text (format string braces kept doubled)."""
    out, i = [], 0
    while i < len(rust):
        c = rust[i]
        if c == "\\":
            n = rust[i + 1]
            if n == "\n":
                i += 2
                while i < len(rust) and rust[i] in " \t\n":
                    i += 1
                continue
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\", "'": "'"}[n])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def fluent(text):
    """A format string as a Fluent pattern; the variables it names, in order."""
    assert "\n" not in text, text
    names, parts, i = [], [], 0
    while i < len(text):
        if text.startswith("{{", i):
            parts.append('{"{"}')
            i += 2
        elif text.startswith("}}", i):
            parts.append('{"}"}')
            i += 2
        elif text[i] == "{":
            m = VAR.match(text, i)
            assert m, text
            name = RENAME.get(m.group(1), m.group(1))
            debug = bool(m.group(2))
            var = name.lower()
            names.append((var, name, debug))
            parts.append("{ $" + var + " }")
            i = m.end()
        else:
            assert text[i] != "}", text
            parts.append(text[i])
            i += 1
    body = "".join(parts)
    lead = re.match(r"^ *", body).group(0)
    trail = re.search(r" *$", body).group(0) if body.strip() else ""
    core = body[len(lead):len(body) - len(trail)] if trail else body[len(lead):]
    pattern = (f'{{"{lead}"}}' if lead else "") + core + (f'{{"{trail}"}}' if trail else "")
    return pattern, names


def kebab_id(english):
    text = re.sub(r"\{[^}]*\}", " ", english)
    text = re.sub(r"`[^`]*`", " ", text)
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower())]
    kept = [w for w in words if w not in STOP][:4] or words[:4] or ["message"]
    return "-".join(kept)


def camel(id_):
    return "".join(p[:1].upper() + p[1:] for p in id_.split("-"))


def main():
    files = sorted(ROOT.glob("crates/*/src/**/*.rs")) + sorted(ROOT.glob("src/**/*.rs"))
    messages = {}  # id -> (en pattern, fi pattern)
    by_text = {}  # (en, fi) -> id
    order = []  # (file, id)
    to_finish = []
    taken = set()
    raw_ids = set()
    for p in (ROOT / "crates/kohtaa-core/locales/en").glob("*.ftl"):
        taken |= set(re.findall(r"^([a-z][a-z0-9-]*) =", p.read_text(), re.M))
    for path in files:
        src = path.read_text()
        if "words!(" not in src:
            continue

        def replace(m):
            en, fi = unescape(m.group(1)), unescape(m.group(2))
            en_pat, en_names = fluent(en)
            fi_pat, fi_names = fluent(fi)
            en_vars = sorted({v for v, _, _ in en_names})
            fi_vars = sorted({v for v, _, _ in fi_names})
            assert en_vars == fi_vars, (path, en, fi)
            key = (en_pat, fi_pat)
            if key in by_text:
                id_ = by_text[key]
            else:
                base = id_ = kebab_id(en)
                n = 2
                while id_ in raw_ids or id_ in taken:
                    id_ = f"{base}-{n}"
                    n += 1
                raw_ids.add(id_)
                id_ = IDS.get(id_, id_)
                assert id_ not in messages, id_
                messages[id_] = key
                by_text[key] = id_
                order.append((path.relative_to(ROOT), id_))
            args, seen = [], set()
            for var, name, debug in en_names:
                if var in seen:
                    continue
                seen.add(var)
                if debug:
                    args.append(f'{var} = format!("{{{name}:?}}")')
                elif var != name:
                    args.append(f"{var} = {name}")
                else:
                    args.append(var)
            renamed = [n for n in RENAME if re.search(r"\{" + n + r"[}:]", fi)]
            line = src[: m.start()].count("\n") + 1
            if renamed:
                to_finish.append(f"{path.relative_to(ROOT)}:{line}: {', '.join(renamed)}")
            return "words!(" + ", ".join([camel(id_)] + args) + ")"

        new = SITE.sub(replace, src)
        if new != src:
            path.write_text(new)

    for lang, index in (("en", 0), ("fi", 1)):
        out = ROOT / f"crates/kohtaa-core/locales/{lang}/diagnostics.ftl"
        lines = [] if out.exists() else [
            "### kohtaa's diagnostics: what `kohtaa check` and the app say about a content file.",
            "### One message per line: `id = text`, `{ $name }` for a value the program fills in.",
            "### Every language file holds exactly the English file's ids, each with the same variables.",
        ]
        last = None
        for file, id_ in order:
            if file != last:
                lines += ["", f"## {file}"]
                last = file
            lines.append(f"{id_} = {messages[id_][index]}")
        if order:
            with out.open("a") as f:
                f.write("\n".join(lines) + "\n")
    print(f"{len(messages)} messages", file=sys.stderr)
    for site in to_finish:
        print("to finish by hand:", site, file=sys.stderr)


if __name__ == "__main__":
    main()
