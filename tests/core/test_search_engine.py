"""The one search engine (issue 18): what a query means, ranked pages, filters, and input that cannot fail."""

import sys

import pytest

from lyricpad.core.anchoring import anchor_for_lines, anchors_for_quote
from lyricpad.core.errors import InvalidValue
from lyricpad.core.search_query import MAX_TERMS, haystack, parse
from lyricpad.core.store.search import SearchFilters

LYRICS = "light a lantern on the harbour\nthe lantern light is low\nle café est noir\nrain on the river"


@pytest.fixture
def lib(empty_library):
    lib = empty_library
    song = lib.songs.add("Harbour Lights", artist="Zoë Wren", lyrics=LYRICS)
    other = lib.songs.add("Paper Boats", artist="Ada", lyrics="paper boats drift\nlanterns float by")
    article = lib.articles.add(song.id, "On lanterns", "Every lantern in the song is a promise.")
    theme = lib.lenses.all()[0]
    lib.annotations.add(
        song.id,
        anchors_for_quote(LYRICS, "lantern", 1),
        note="a lantern as hope",
        lens_id=theme.id,
        tags=["hope"],
    )
    lib.annotations.add(
        song.id, [anchor_for_lines(LYRICS, 4, 4)], note="water imagery", status="needs_review"
    )
    lib.annotations.add(other.id, [anchor_for_lines(other.lyrics, 2, 2)], note="", tags=["Lanterns"])
    lib.test_ids = {"song": song.id, "other": other.id, "article": article.id, "theme": theme.id}
    return lib


def where(hits):
    return {(h["kind"], h["where"]) for h in hits}


# ------------------------------------------------------------------ what a query means


@pytest.mark.parametrize(
    "typed, live, matches",
    [
        ("lantern", False, ["the lantern light"]),
        ("lant", False, []),
        ("lant*", False, ["the lantern light"]),
        ("lant", True, ["the lantern light"]),
        ('"lantern light"', False, ["the lantern light"]),
        ('"light lantern"', False, []),
        ("light lantern", False, ["the lantern light"]),  # every word, any order
        ("CAFE", False, ["Le Café noir", "le cafe"]),
        ("café", False, ["le cafe"]),
        ('"le caf"*', False, ["Le Café noir"]),
    ],
)
def test_the_same_query_means_the_same_in_memory(typed, live, matches):
    texts = ["the lantern light", "Le Café noir", "le cafe", "paper boats"]
    query = parse(typed, live=live)
    found = [text for text in texts if query.matches(haystack(text))]
    assert set(matches) <= set(found)
    if not matches:
        assert found == []


def test_a_phrase_does_not_run_across_two_fields():
    assert not parse('"wren paper"').matches(haystack("Zoë Wren", "Paper Boats"))
    assert parse("wren paper").matches(haystack("Zoë Wren", "Paper Boats"))


def test_spans_are_offsets_of_the_text_itself():
    text = "Light a Lantern, light alone; Café"
    query = parse('"light a" cafe')
    assert [text[a:b] for a, b in query.spans(text)] == ["Light a", "Café"]
    assert [text[a:b] for a, b in parse("light*").spans(text)] == ["Light", "light"]


HOSTILE = ['"', '""', "a*", "*", "NEAR(", "NEAR(a b, 2)", "-", "-lantern", "col:x", "AND OR NOT", "(", ")",
           "^lantern", "lantern +", "😀", "🏮 lantern", "'; DROP TABLE songs; --", "\x00\x1f", "\\", "{a b}:c",
           " ".join(f"w{i}" for i in range(500)), "lantern " * 500]  # fmt: skip


@pytest.mark.parametrize("typed", HOSTILE)
def test_anything_typed_searches_without_an_error(lib, typed):
    for live in (False, True):
        page = lib.search.page(parse(typed, live=live), limit=5)
        assert isinstance(page.hits, list)
    assert lib.songs.get(lib.test_ids["song"]).lyrics == LYRICS


def test_long_input_uses_the_first_terms_and_says_so(lib):
    typed = "lantern " + " ".join(f"w{i}" for i in range(499))
    query = parse(typed)
    assert len(query.terms) == MAX_TERMS and query.dropped == 500 - MAX_TERMS
    page = lib.search.page(typed)
    assert page.hits == [] and f"first {MAX_TERMS} words" in page.note
    # Repeating a word is no new term: 500 of the same word search for it.
    assert lib.search.page("lantern " * 500).note == "" and lib.search.find("lantern " * 500)


# ------------------------------------------------------------------ the library search


def test_hits_say_where_they_are(lib):
    hits = lib.search.find("lantern")
    assert where(hits) >= {("song", "lyrics"), ("article", "article"), ("note", "note"), ("quote", "lyrics")}
    assert where(lib.search.find("lanterns")) >= {("tag", "tag")}
    assert where(lib.search.find("wren")) == {("song", "title")}  # the artist, not the lyrics
    song_hit = next(h for h in hits if h["kind"] == "song")
    assert song_hit["song_title"] == "Harbour Lights" and "[lantern]" in song_hit["snippet"]


def test_prefix_phrase_and_diacritics_in_the_library(lib):
    assert where(lib.search.find("harb*")) >= {("song", "lyrics")}
    assert lib.search.find("harb") == []
    assert {h["kind"] for h in lib.search.find('"light a lantern"')} == {"song"}
    assert lib.search.find('"a lantern light"') == []
    assert "[café]" in lib.search.find("CAFE")[0]["snippet"]


def test_snippets_carry_the_callers_marks(lib):
    (hit,) = lib.search.find("noir", marks=("\x02", "\x03"))
    assert "\x02noir\x03" in hit["snippet"]


def test_pages_follow_bm25_order_and_do_not_overlap(empty_library):
    lib = empty_library
    for i in range(30):
        # More "drum" in a shorter text ranks higher under bm25.
        lib.songs.add(f"Song {i:02}", lyrics=" ".join(["drum"] * (1 + i % 7) + ["filler"] * (i % 11)))
    everything = lib.search.find("drum", limit=100)
    expected = [
        row[0]
        for row in lib.tuples(
            "SELECT s.id FROM songs_fts JOIN songs s ON s.n = songs_fts.rowid WHERE songs_fts MATCH 'drum'"
            " ORDER BY bm25(songs_fts, 4.0, 2.0, 2.0, 1.0), s.n"
        )
    ]
    assert [h["id"] for h in everything] == expected
    pages, offset = [], 0
    while True:
        page = lib.search.page("drum", limit=7, offset=offset)
        pages += page.hits
        offset += 7
        if not page.more:
            break
    assert [h["id"] for h in pages] == expected
    assert lib.search.page("drum", limit=7, offset=28).more is False


def test_the_trash_is_never_found_even_among_the_best(empty_library):
    lib = empty_library
    songs = [lib.songs.add(f"S{i}", lyrics="drum " * (20 - i)) for i in range(20)]
    with lib.write():  # the best ranked ten go to the trash: the page is filled from those after
        for song in songs[:10]:
            lib.db.execute("UPDATE songs SET deleted = 1 WHERE id = ?", [song.id])
    hits = lib.search.find("drum", limit=5)
    assert [h["id"] for h in hits] == [s.id for s in songs[10:15]]


@pytest.mark.parametrize(
    "filters, expected",
    [
        (dict(pane="article"), {("article", "article")}),
        (dict(pane="lyrics"), {("song", "lyrics"), ("note", "note"), ("quote", "lyrics")}),
        (dict(lens="theme"), {("note", "note"), ("quote", "lyrics")}),
        (dict(tag="HOPE"), {("note", "note"), ("quote", "lyrics")}),
        (dict(has_note=True), {("note", "note"), ("quote", "lyrics")}),
        (dict(status="needs_review"), set()),
        (
            dict(artist="zoe wren"),
            {("song", "lyrics"), ("article", "article"), ("note", "note"), ("quote", "lyrics")},
        ),
        (dict(song="other"), {("song", "lyrics"), ("tag", "tag"), ("quote", "lyrics")}),
    ],
)
def test_filters_combine_with_the_words(lib, filters, expected):
    ids = lib.test_ids
    if "lens" in filters:
        filters["lens_id"] = ids[filters.pop("lens")]
    if "song" in filters:
        filters["song_id"] = ids[filters.pop("song")]
    query = "lantern*" if "song_id" in filters else "lantern"
    assert where(lib.search.find(query, filters=SearchFilters(**filters))) == expected


def test_needs_review_filter_finds_the_annotation(lib):
    hits = lib.search.find("river", filters=SearchFilters(status="needs_review"))
    assert where(hits) == {("quote", "lyrics")} and hits[0]["annotation_id"]
    assert where(lib.search.find("water", filters=SearchFilters(status="needs_review"))) == {("note", "note")}


@pytest.mark.parametrize("bad", [dict(pane="gutter"), dict(status="done")])
def test_a_bad_filter_is_named(bad):
    with pytest.raises(InvalidValue, match=next(iter(bad.values()))):
        SearchFilters(**bad)


def test_a_bad_page_is_refused(lib):
    with pytest.raises(InvalidValue, match="limit"):
        lib.search.page("lantern", limit=0)


def ranking_statements(lib, search) -> int:
    """How many statements ranking a whole index *search* runs (not the page's own reads)."""
    seen = []
    lib.db.conn.set_trace_callback(seen.append)
    try:
        search()
    finally:
        lib.db.conn.set_trace_callback(None)
    return sum("bm25(" in sql and "MATCH" in sql for sql in seen)


def test_the_next_pages_reuse_the_ranking_until_the_library_changes(empty_library):
    lib = empty_library
    for i in range(60):
        lib.songs.add(f"Song {i}", lyrics="drum " * (1 + i % 5))
    assert ranking_statements(lib, lambda: lib.search.page("drum", limit=20)) >= 1
    assert ranking_statements(lib, lambda: lib.search.page("drum", limit=20, offset=20)) == 0
    new = lib.songs.add("Drum Drum", lyrics="drum drum drum drum drum drum")
    assert ranking_statements(lib, lambda: lib.search.page("drum", limit=20, offset=20)) >= 1
    assert lib.search.page("drum", limit=1).hits[0]["id"] == new.id  # the change is seen at once


def test_only_the_page_is_read_one_row_per_hit_never_by_fts_snippet(empty_library):
    lib = empty_library
    for i in range(300):
        lib.songs.add(f"Song {i}", lyrics=f"drum line {i}")
    seen = []
    lib.db.conn.set_trace_callback(seen.append)
    lib.search.page("drum", limit=10)
    lib.db.conn.set_trace_callback(None)
    # FTS5's snippet() scores the whole text again for each hit (seconds for a song of 20,000 lines).
    assert not any("snippet(" in sql for sql in seen)
    assert sum("FROM songs s WHERE s.n =" in sql for sql in seen) == 10


def test_hits_of_every_kind_are_merged_in_bm25_order(empty_library):
    lib = empty_library
    for i in range(12):
        song = lib.songs.add(f"Song {i:02}", lyrics=" ".join(["drum"] * (1 + i % 4) + ["pad"] * (i % 9)))
        lib.annotations.add(
            song.id, [anchor_for_lines(song.lyrics, 1, 1)], note="drum " * (1 + i % 3) + "x " * i
        )
    expected = lib.tuples(
        "SELECT 'song', s.id, bm25(songs_fts, 4.0, 2.0, 2.0, 1.0) FROM songs_fts"
        " JOIN songs s ON s.n = songs_fts.rowid WHERE songs_fts MATCH 'drum'"
        " UNION ALL SELECT 'note', a.id, bm25(annotations_fts) FROM annotations_fts"
        " JOIN annotations a ON a.n = annotations_fts.rowid WHERE annotations_fts MATCH 'drum'"
        " UNION ALL SELECT 'quote', f.annotation_id, bm25(fragments_fts) FROM fragments_fts"
        " JOIN fragments f ON f.n = fragments_fts.rowid WHERE fragments_fts MATCH 'drum'"
    )
    rank = {(kind, item): r for kind, item, r in expected}  # one fragment per annotation here
    hits = lib.search.find("drum", limit=100)
    assert {(h["kind"], h["id"]) for h in hits} == set(rank)
    ranks = [rank[(h["kind"], h["id"])] for h in hits]
    assert ranks == sorted(ranks) and len({h["kind"] for h in hits[:12]}) > 1


# ------------------------------------------------------------------ snippets and where they are


def python_calls(action) -> int:
    """How many Python functions *action* calls (a count, not a time: the work done)."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        action()
    finally:
        sys.setprofile(None)
    return calls


def test_a_big_songs_snippet_costs_the_words_shown_not_the_song(empty_library):
    lib = empty_library
    small = lib.songs.add("Small", lyrics="line 1 light a lantern on the water")
    lyrics = "\n".join(f"line {i} light a lantern on the water" for i in range(20000))
    big = lib.songs.add("Big", lyrics=lyrics)
    for query in ("lantern", "line 19999", "19999"):
        (hit,) = lib.search.find(query, filters=SearchFilters(song_id=big.id))
        cost = python_calls(lambda query=query: lib.search.find(query, filters=SearchFilters(song_id=big.id)))
        baseline = python_calls(
            lambda query=query: lib.search.find(query, filters=SearchFilters(song_id=small.id))
        )
        assert cost < baseline + 200, (query, cost, baseline)  # about the same work as a song of one line
    # The rare word is shown (not the first of a common one), and the hit says where it is.
    assert hit["snippet"] == "…line [19999] light a lantern on the water"
    assert hit["line"] == 20000 and lyrics[hit["offset"] :].startswith("19999 light")
    (hit,) = lib.search.find("line 19999", filters=SearchFilters(song_id=big.id))
    assert hit["snippet"].startswith("…[line] [19999]") and lyrics[hit["offset"] :].startswith("line 19999")


def marked(snippet: str, marks=("[", "]")) -> str:
    """The first word a snippet marks."""
    return snippet.split(marks[0], 1)[1].split(marks[1], 1)[0]


def test_hits_say_the_line_and_offset_their_snippet_shows(lib):
    ids = lib.test_ids
    body = "A first paragraph.\n\nA second one\nthird line: the low lantern of the piece"
    lib.articles.update(ids["article"], body=body)
    hits = {(h["kind"], h["where"]): h for h in lib.search.find("lantern low")}
    song = hits["song", "lyrics"]
    assert song["line"] == 2 and song["snippet"].startswith("…the [lantern] light is [low]\nle café")
    assert LYRICS[song["offset"] :].startswith("lantern light is low")
    article = hits["article", "article"]
    assert article["line"] == 4 and body[article["offset"] :].startswith("low lantern")
    for query in ("lantern", "light", "cafe", "river", "noir", "lanterns", "water", "harb*"):
        for hit in lib.search.find(query):
            if hit["kind"] in ("note", "tag") or hit["where"] == "title":
                assert hit["line"] is None and hit["offset"] is None
                continue
            if hit["kind"] == "article":
                text = lib.articles.get(hit["article_id"]).body
            else:  # a song, or a quote in the lyrics
                text = lib.songs.get(hit["song_id"]).lyrics
            word = marked(hit["snippet"])
            if hit["offset"] is None:  # found in the article's title alone
                assert hit["kind"] == "article" and word in hit["title"]
                continue
            assert text[hit["offset"] :].startswith(word), (query, hit)
            assert text.count("\n", 0, hit["offset"]) + 1 == hit["line"]


def test_snippets_keep_the_hit_near_their_start_and_collapse_blank_lines(empty_library):
    lib = empty_library
    words = " ".join(f"w{i}" for i in range(40))
    lib.songs.add("Long line", lyrics=f"{words} lantern {words}")
    lib.songs.add("Spaced", lyrics="first line\n\n\n   \n\nthe harbour at\n\n\nnight")
    (hit,) = lib.search.find("lantern")
    assert hit["snippet"].startswith("…w37 w38 w39 [lantern] w0")
    (hit,) = lib.search.find("harbour")
    assert hit["snippet"] == "…the [harbour] at\nnight"
    (hit,) = lib.search.find("first")
    assert "\n\n" not in hit["snippet"] and hit["line"] == 1


def test_a_tag_filter_takes_the_tag_as_written_with_its_hash(lib):
    by_name = lib.search.find("lantern", filters=SearchFilters(tag="hope"))
    assert by_name and lib.search.find("lantern", filters=SearchFilters(tag="#Hope")) == by_name
    with pytest.raises(InvalidValue, match="the tag '#' is empty"):
        SearchFilters(tag="#")
