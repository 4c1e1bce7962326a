"""The export's index of quote links says for each annotation what going through every link says."""

from __future__ import annotations

import random

import pytest

from lyricpad.core.anchoring import Anchor
from lyricpad.core.export.mentions import Mentions, mention
from lyricpad.core.models import Annotation, QuoteLink

ARTICLES = ("a1", "a2", "a3")
TITLES = {"a1": "First", "a2": "", "a3": "Third"}


def _link(rng: random.Random, n: int) -> QuoteLink:
    start = rng.randrange(0, 400)
    first = rng.randrange(1, 60)
    places = tuple((line, line + rng.randrange(0, 3)) for line in {first, rng.randrange(1, 60)})
    end = start + rng.choice((1, 5, 30, 120))
    article = rng.choice(ARTICLES)
    return QuoteLink(f"l{n}", "s", article, start, end, "q", places, 1.0, False, (), "detected")


def _annotation(rng: random.Random, n: int) -> Annotation:
    target = rng.choice(("lyrics", "article"))
    fragments = []
    for _ in range(rng.choice((1, 1, 2))):
        start, line = rng.randrange(0, 450), rng.randrange(1, 62)
        fragments.append(
            Anchor(start, start + rng.randrange(1, 40), "q", "", "", line, line + rng.randrange(0, 2), 1)
        )
    status = rng.choice(("anchored", "anchored", "orphaned"))
    article = rng.choice(ARTICLES) if target == "article" else None
    return Annotation(f"n{n}", "s", target, article, None, "", status, tuple(fragments))


def _one_by_one(annotation: Annotation, links: list[QuoteLink]) -> str:
    """What the sentence is by its definition: every link looked at for this annotation alone."""
    if annotation.status != "anchored":
        return ""
    if annotation.target == "article":
        lines = sorted(
            {
                n
                for link in links
                if link.article_id == annotation.article_id
                and any(f.start < link.end and link.start < f.end for f in annotation.fragments)
                for n in link.lines
            }
        )
        if lines:
            return mention(
                annotation,
                [
                    QuoteLink(
                        "x",
                        "s",
                        annotation.article_id,
                        0,
                        10**6,
                        "q",
                        tuple((n, n) for n in lines),
                        1.0,
                        False,
                        (),
                        "user",
                    )
                ],
                TITLES,
            )
        return ""
    mine = {n for f in annotation.fragments for n in range(f.line_start, f.line_end + 1)}
    quoting = list(dict.fromkeys(link.article_id for link in links if mine.intersection(link.lines)))
    if not quoting:
        return ""
    names = [f"“{TITLES[i]}”" if TITLES[i] else "an untitled article" for i in quoting]
    return "Quoted in " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]) + "."


@pytest.mark.parametrize("seed", range(20))
def test_the_index_agrees_with_looking_at_every_link(seed):
    rng = random.Random(seed)
    links = [_link(rng, n) for n in range(rng.randrange(0, 80))]
    index = Mentions(links, TITLES)
    for n in range(200):
        annotation = _annotation(rng, n)
        assert index.sentence(annotation) == _one_by_one(annotation, links)
