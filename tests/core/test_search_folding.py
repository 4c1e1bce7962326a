"""Words typed as they are written are found in every script, and FTS5 and in-memory matching agree (issue 18)."""

import pytest

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.search_query import haystack, parse

TEXTS = [
    "Ελληνικά τραγούδια",
    "x²y formula",
    "ﬁnance report",
    "Ǆemal sings",
    "東京タワー night",
    "rain😀drop",
    "Straße der Lieder",
    "Le Café noir",
    "İstanbul nights",
    "½ price",
]

TYPED_AS_WRITTEN = [
    ("Ελληνικά", "Ελληνικά τραγούδια"),
    ("τραγούδια", "Ελληνικά τραγούδια"),
    ("x²y", "x²y formula"),
    ("ﬁnance", "ﬁnance report"),
    ("Ǆemal", "Ǆemal sings"),
    ("東京タワー", "東京タワー night"),
    ("rain", "rain😀drop"),
    ("drop", "rain😀drop"),
    ("😀drop", "rain😀drop"),
    ("Straße", "Straße der Lieder"),
    ("Café", "Le Café noir"),
    ("İstanbul", "İstanbul nights"),
    ("½", "½ price"),
]

# Where both ways of matching must find the same texts: words as written, case, Latin accents, starts, phrases.
AGREE = [
    *(typed for typed, _ in TYPED_AS_WRITTEN),
    "cafe",
    "CAFÉ",
    "café noir",
    '"le cafe"',
    '"noir le"',
    "ΕΛΛΗΝΙΚΆ",
    "Ελλην*",
    "ﬁn*",
    "x²*",
    "東京*",
    '"rain drop"',
    "Ǆem*",
    "lieder straße",
    "nothing here",
    '"der straße"',
]


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    from lyricpad.core.store import Library

    lib = Library.open(tmp_path_factory.mktemp("fold") / "fold.sqlite", seed_demo=False)
    for text in TEXTS:
        song = lib.songs.add(f"Song {TEXTS.index(text)}", lyrics=text)
        lib.annotations.add(song.id, [anchor_for_lines(text, 1, 1)], note=text)
    yield lib
    lib.close()


def found_by_fts(lib, typed: str) -> set[str]:
    hits = lib.search.find(typed, limit=100)
    return {lib.songs.get(h["song_id"]).lyrics for h in hits if h["kind"] == "song"}


def found_in_memory(typed: str) -> set[str]:
    query = parse(typed)
    return {text for text in TEXTS if query.matches(haystack(text))}


@pytest.mark.parametrize("typed, text", TYPED_AS_WRITTEN)
def test_a_word_typed_as_written_is_found(lib, typed, text):
    assert text in found_by_fts(lib, typed)
    assert text in found_in_memory(typed)
    if typed.lower().isalnum():  # ("İ".lower() is "i" and a combining dot: two words)
        assert text in found_in_memory(typed.lower())
    # Notes are searched by the same words (a hit of kind "note").
    assert any(h["kind"] == "note" for h in lib.search.find(typed))


@pytest.mark.parametrize("typed", AGREE)
def test_fts_and_memory_agree(lib, typed):
    assert found_by_fts(lib, typed) == found_in_memory(typed)


@pytest.mark.parametrize(
    "typed, text",
    [("strasse", "Straße der Lieder"), ("ελληνικα", "Ελληνικά τραγούδια"), ("finance", "ﬁnance report"),
     ("x2y", "x²y formula"), ("dzemal", "Ǆemal sings"), ("istanbul", "İstanbul nights"),
     ("STRASSE*", "Straße der Lieder")],
)  # fmt: skip
def test_memory_also_ignores_what_fts_keeps(lib, typed, text):
    """In memory (the sidebar and annotation filters) case folds fully and every accent goes: more is found."""
    assert text in found_in_memory(typed)
    assert found_by_fts(lib, typed) <= found_in_memory(typed)


def test_fts_gets_the_words_as_typed_each_quoted():
    assert parse("Ελληνικά x²y").fts() == '"Ελληνικά" "x²y"'
    assert parse('"le Café"*').fts() == '"le Café"*'
    assert parse("ﬁn*", live=False).fts() == '"ﬁn"*'
    assert parse("a\u0301b") == parse("áb")  # typed decomposed: read as stored (NFC)


def test_a_word_stays_one_word_when_folded():
    """A compatibility form holding a space (U+FDFA) is still one word, in the haystack and in spans."""
    text = "say \ufdfa now"
    query = parse("\ufdfa")
    assert query.matches(haystack(text))
    assert [text[a:b] for a, b in query.spans(text)] == ["\ufdfa"]
    assert parse('"say \ufdfa now"').matches(haystack(text))
    # A word inside its expansion is no word of the text (FTS5 too takes U+FDFA for one word).
    inside = "\u0627\u0644\u0644\u0647"
    assert not parse(inside).matches(haystack(text)) and parse(inside).spans(text) == []


def test_spans_find_what_matches_finds():
    text = "Die Straße, x²y und ﬁnance; Ελληνικά"
    for typed, expected in [
        ("strasse", "Straße"),
        ("X2Y", "x²y"),
        ("finance", "ﬁnance"),
        ("ελληνικα", "Ελληνικά"),
    ]:
        query = parse(typed)
        assert query.matches(haystack(text))
        assert [text[a:b] for a, b in query.spans(text)] == [expected]
