"""The labelled quote-link set (tests/data/quotes): its labels are right, and detection scores well on it.

Each case folder holds ``lyrics.txt`` (written for the project), ``article.md`` (an article about
the song, in one of many styles) and ``labels.json``: the song's title, artist and album; ``links``,
each an exact quotation as the rendered article shows it, the 1-based lyric lines it quotes (every
occurrence) and whether it misquotes them; and ``not_links``, quotations that must not link
(people's words, titles, scare quotes, translations).
"""

from __future__ import annotations

import pytest
from helpers.quote_set import DATA, label_problems, load_cases, score_case, score_set

from lyricpad.core.markdown import render_article

CASES = load_cases()
PRECISION, RECALL, MISQUOTE_AGREEMENT = 0.95, 0.9, 0.9


def detection_ready() -> bool:
    from lyricpad.core.quotations import detect_links

    try:
        detect_links("a line", render_article("“a line”"))
    except NotImplementedError:
        return False
    return True


needs_detection = pytest.mark.skipif(not detection_ready(), reason="detection is not written yet")


def test_the_set_is_big_and_varied():
    links = [label for case in CASES for label in case.links]
    not_links = [label for case in CASES for label in case.not_links]
    assert len(CASES) >= 12 and len(links) >= 120 and len(not_links) >= 60
    assert any(label.misquoted for label in links) and any(not case.links for case in CASES)
    sources = "".join(case.article for case in CASES)
    for mark in ("“", '"', "‘", "'", "«", "\n> ", "\n*", "[...]", "…", "ʼ"):
        assert mark in sources, f"no article uses {mark!r}"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_labels_are_right(case):
    assert label_problems(case) == []


def test_label_checks_catch_wrong_labels():
    """The checks above can fail: a wrong line, a forgotten repeat, a wrong flag, a quote not in the article."""
    from dataclasses import replace

    case = next(c for c in CASES if c.name.startswith("01-"))
    shore = next(label for label in case.links if label.quote == "I’ll walk the length of the shore")
    wrong = [
        replace(shore, lines=(14, 30, 42)),
        replace(shore, lines=(15, 31)),
        replace(shore, misquoted=True),
        replace(shore, quote="I’ll walk the length of the sea"),
        replace(shore, lines=(11, 15, 31, 43)),
        replace(shore, lines=(14, 15, 30, 31, 42, 43)),  # the quote is all in the second line of each pair
    ]
    for label in wrong:
        assert label_problems(replace(case, links=(label,))), label


def test_scoring_matches_labels_one_to_one():
    from helpers.quote_set import Detected

    case = next(c for c in CASES if c.name.startswith("04-"))
    light = ("Leave the kitchen light on", (8, 11, 20, 23, 32, 35), False)
    perfect = [Detected(label.quote, label.lines, label.misquoted) for label in case.links]
    assert score_case(case, perfect).correct == len(case.links)
    twice = score_case(case, [Detected(*light)] * 3)  # labelled twice: the third is a false positive
    assert (twice.correct, len(twice.false_positives)) == (2, 1)
    person = next(label.quote for label in case.not_links if "Tomasz" in label.note or "reader" in label.note)
    wrong = score_case(case, [Detected(person, (8,), False), Detected(light[0], (8,), True)])
    assert len(wrong.not_links_linked) == 1 and len(wrong.wrong_lines) == 1 and wrong.correct == 0
    assert wrong.misquote_agreed == 0 and len(wrong.missed) == len(case.links) - 1


@needs_detection
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_no_not_link_is_linked(case):
    from helpers.quote_set import run_detector

    score = score_case(case, run_detector(case))
    assert not score.not_links_linked, "\n" + "\n".join(score.not_links_linked)


@needs_detection
def test_detection_scores_well_on_the_set():
    score = score_set(CASES)
    good = (
        score.precision >= PRECISION
        and score.recall >= RECALL
        and score.misquote_agreement >= MISQUOTE_AGREEMENT
    )
    assert good, (
        f"\nwanted precision >= {PRECISION}, recall >= {RECALL}, misquote agreement >= {MISQUOTE_AGREEMENT} over {DATA}\n{score.report()}"
    )


def test_scoring_prefers_the_label_a_detection_equals():
    """A person's words holding a lyric quotation: the outer quotation is the person's, the inner the lyric."""
    from helpers.quote_set import Detected

    case = next(c for c in CASES if c.name.startswith("12-"))
    inner = "the only thing they rescued was a cradle and a child"
    outer = next(label.quote for label in case.not_links if inner in label.quote)
    score = score_case(case, [Detected(outer, (17,), False), Detected(inner, (17,), False)])
    assert score.correct == 1 and len(score.not_links_linked) == 1 and not score.false_positives
