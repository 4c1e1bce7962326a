"""Fill the English plural forms of lyricpad_en.ts from their source text (used by scripts/translations).

A count is written once in the code, as "%n song(s)", "%n match(es)" or "%n entr(y|ies)"; this
writes the English singular and plural ("%n song", "%n songs") as that message's translation.
scripts/translations makes lyricpad_en.ts afresh each time, so only empty forms are ever filled.
A plural source in none of these shapes is an error that names it, so it cannot ship as "3 song(s)".
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

MESSAGE = re.compile(
    r'(?P<head><message numerus="yes">\s*<source>(?P<source>[^<]*)</source>\s*)'
    r'<translation type="unfinished">\s*<numerusform></numerusform>\s*<numerusform></numerusform>\s*</translation>',
)
CHOICE = re.compile(r"\((\w*)\|(\w*)\)")
"""entr(y|ies): the singular's and the plural's endings."""
SUFFIX = re.compile(r"\((s|es)\)")
"""song(s), match(es): nothing in the singular."""


def forms(source: str) -> tuple[str, str]:
    if not (CHOICE.search(source) or SUFFIX.search(source)):
        raise ValueError(f"a plural message has no (s), (es) or (a|b) to fill: {source!r}")
    one = SUFFIX.sub("", CHOICE.sub(r"\1", source))
    many = SUFFIX.sub(r"\1", CHOICE.sub(r"\2", source))
    return one, many


def fill(text: str) -> str:
    def replace(match: re.Match) -> str:
        one, many = forms(html.unescape(match["source"]))
        indent = "            "
        return (
            f"{match['head']}<translation>\n{indent}<numerusform>{html.escape(one, quote=False)}</numerusform>\n"
            f"{indent}<numerusform>{html.escape(many, quote=False)}</numerusform>\n        </translation>"
        )

    return MESSAGE.sub(replace, text)


def main(path: str) -> int:
    file = Path(path)
    try:
        file.write_text(fill(file.read_text(encoding="utf-8")), encoding="utf-8")
    except ValueError as exc:
        print(f"english_plurals: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
