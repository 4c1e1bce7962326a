"""Quote-link detection measured: precision and recall over the labelled set, and its speed; run: .venv/bin/python benchmarks/quotes.py

The set is tests/data/quotes (scored by tests/helpers/quote_set.py, as the test does). The speed is
detection on a 5,000-word article with about 60 lyric quotations against 200 lyric lines, with
rendering the same article measured in the same run as the baseline. Nothing here is pass/fail.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers.quote_set import load_cases, score_set  # noqa: E402
from timing import median_seconds  # noqa: E402  (benchmarks/timing.py)

from lyricpad.core.markdown import render_article  # noqa: E402
from lyricpad.core.quotations import _read_lyrics, detect_links  # noqa: E402

ARTICLE_WORDS, LYRIC_LINES, QUOTATIONS = 5000, 200, 60
TARGET_MS = 100
# Quotation marks, emphasis and blockquote markers: taken out of the filler so it quotes nothing.
_MARKS = re.compile(r"[\"“”«»‘*]|’(?!\w)|(?<!\w)'|'(?!\w)|^[>\s]+", re.MULTILINE)


def long_material(cases) -> tuple[str, str, int]:
    """(lyrics of LYRIC_LINES lines, a Markdown article of about ARTICLE_WORDS words, its lyric quotations).

    The lyrics are the cases' lyrics one after another; the article is the cases' longer paragraphs
    (their quotation marks taken out) in turn, with one of the labelled quotations of those
    lyrics after each paragraph (up to QUOTATIONS), in the styles articles use.
    """
    lyric_lines: list[str] = []
    quotes: list[str] = []
    for case in cases:
        if len(lyric_lines) >= LYRIC_LINES:
            break
        offset = len(lyric_lines)
        lyric_lines += case.lyrics.rstrip("\n").split("\n")
        quotes += [label.quote for label in case.links if offset + max(label.lines) <= LYRIC_LINES]
    prose = [
        _MARKS.sub("", paragraph)
        for case in cases
        for paragraph in case.article.split("\n\n")
        if len(paragraph.split()) > 25 and not paragraph.startswith("#")
    ]
    styles = (
        "As the song has it, “{}”, and the verse moves on.",
        "> {}",
        "*{}*",
        'The line "{}" is the one.',
    )
    paragraphs: list[str] = []
    words = placed = taken = 0
    while words < ARTICLE_WORDS:
        paragraph = prose[taken % len(prose)]
        taken += 1
        paragraphs.append(paragraph)
        words += len(paragraph.split())
        if placed < QUOTATIONS:
            quote = quotes[placed % len(quotes)]
            paragraphs.append(styles[placed % len(styles)].format(quote))
            placed += 1
            words += len(quote.split())
    return "\n".join(lyric_lines[:LYRIC_LINES]), "\n\n".join(paragraphs), placed


def detection_time(cases) -> tuple[float, float, int, int]:
    """(detection seconds, rendering seconds, quotations placed, links detected) on the long article."""
    lyrics, article, placed = long_material(cases)
    rendered = render_article(article)
    found = detect_links(lyrics, rendered)
    # render_article keeps recent results; the baseline renders afresh each time.
    baseline = median_seconds(lambda: render_article.__wrapped__(article), 7)
    # The lyrics are read once per text and kept (quotations._read_lyrics): measured cold, as the
    # first detection after an edit of the lyrics is.
    measured = median_seconds(lambda: (_read_lyrics.cache_clear(), detect_links(lyrics, rendered)), 7)
    return measured, baseline, placed, len(found)


def main() -> None:
    cases = load_cases()
    score = score_set(cases)
    print(f"quote links over the labelled set ({len(cases)} articles, {score.labelled} labelled links):")
    print(f"  precision {score.precision:.3f} (target >= 0.95)   recall {score.recall:.3f} (target >= 0.9)")
    print(f"  misquote flag agreement {score.misquote_agreement:.3f} (target >= 0.9)")
    measured, baseline, placed, found = detection_time(cases)
    print(
        f"  detection, {ARTICLE_WORDS:,}-word article ({placed} lyric quotations, {found} links found), "
        f"{LYRIC_LINES} lines: {measured * 1000:.1f}ms (target < {TARGET_MS} ms); "
        f"rendering it {baseline * 1000:.2f}ms; ratio {measured / baseline:.1f}"
    )


if __name__ == "__main__":
    main()
