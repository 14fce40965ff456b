#!/usr/bin/env python3
"""Rows of the old `catalogue!` macro (`Key => "English {name}", "Suomi {name}";`) to Fluent.

The interface words moved from the `catalogue!` rows in `crates/kohtaa-core/src/i18n/mod.rs`
to `crates/kohtaa-core/locales/<lang>/kohtaa.ftl` by this script, so that no text changed. A
branch that still adds rows in the old format can convert them the same way:

    python3 scripts/catalogue_to_fluent.py < rows.txt

appends each row to the English and Finnish files: the id is the key in kebab-case (`TooSmall`
→ `too-small`, used as `T::TooSmall`), `{name}` becomes `{ $name }`, and blanks at either end
(which Fluent would trim) become string literals such as `{"  "}`. `// comments` become
`## comments`.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LOCALES = ROOT / "crates/kohtaa-core/locales"

TOKEN = re.compile(
    r'\s*(?://(?P<c>[^\n]*)|(?P<k>[A-Za-z0-9]+)\s*=>\s*|"(?P<s>(?:[^"\\]|\\.)*)"\s*(?P<p>[,;])?)',
    re.S,
)


def kebab(name):
    return re.sub(r"(?<!^)([A-Z])", r"-\1", name).lower()


def rows(text):
    """Comments and rows, in order: ("comment", text) or ("row", key, en, fi)."""
    pos, pending, items = 0, None, []
    while text[pos:].strip():
        m = TOKEN.match(text, pos)
        if not m:
            raise SystemExit(f"cannot read the row at {text[pos:pos + 80]!r}")
        pos = m.end()
        if m.group("c") is not None:
            items.append(("comment", m.group("c").strip()))
        elif m.group("k") is not None:
            pending = [m.group("k")]
        else:
            s = re.sub(r"\\(.)", lambda e: {"n": "\n", "t": "\t"}.get(e.group(1), e.group(1)), m.group("s"))
            pending.append(s)
            if m.group("p") == ";":
                assert len(pending) == 3, pending
                items.append(("row", *pending))
                pending = None
    return items


def fluent(text):
    assert "\n" not in text and text.strip(), repr(text)
    body = re.sub(r"\{([a-z_][a-z0-9_]*)\}", r"{ $\1 }", text)
    rest = re.sub(r"\{ \$[a-z_0-9]+ \}", "", body)
    assert "{" not in rest and "}" not in rest, f"a brace that is not a placeholder: {text!r}"
    lead = re.match(r"^\s*", body).group(0)
    trail = re.search(r"\s*$", body).group(0)
    core = body[len(lead):len(body) - len(trail)]
    return (f'{{"{lead}"}}' if lead else "") + core + (f'{{"{trail}"}}' if trail else "")


def main():
    items = rows(sys.stdin.read())
    for lang, index in (("en", 2), ("fi", 3)):
        lines = []
        for item in items:
            if item[0] == "comment":
                lines.append("## " + item[1])
            else:
                lines.append(f"{kebab(item[1])} = {fluent(item[index])}")
        path = LOCALES / lang / "kohtaa.ftl"
        with path.open("a") as f:
            f.write("\n".join(lines) + "\n")
        print(f"{path}: {sum(1 for i in items if i[0] == 'row')} messages added", file=sys.stderr)


if __name__ == "__main__":
    main()
