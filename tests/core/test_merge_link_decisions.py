"""The user's quote-link decisions in the JSON export and its merge: hand links and unlinks travel, detected links do not."""

import copy
import json
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st
from library_testing import merge_refusal
from test_merge_fuzz import FUZZ, _throw, folder, mutated  # noqa: F401 - folder is their fixture

from lyricpad.core.check import check_library
from lyricpad.core.export import dumps_json, export_json
from lyricpad.core.merge import merge_json
from lyricpad.core.store import Library

LATER = "2099-01-01T00:00:00.000+00:00"

# Written for these tests.
LYRICS = """Chalk on the pavement, wind in the wire
The last bus is humming a hymn to the fire
I counted the windows from here to the sea
And every one of them was lit up for me

Chalk on the pavement, wind in the wire
Nobody sings at the top of the spire"""

BODY = """# Notes on the song

It opens with "chalk on the pavement, wind in the wire", a line that comes back.

The singer says *I counted the windows from here to the sea.*

Elsewhere the bus hums its hymn, more or less, and nobody sings up high."""

HAND = "the bus hums its hymn"


def make_source(path) -> tuple[Library, dict]:
    """A library with one song whose article has detected links, one of them unlinked, and a hand link."""
    lib = Library.open(path, seed_demo=False)
    song = lib.songs.add("Chalk Lines", artist="Nobody Known", lyrics=LYRICS)
    article = lib.articles.add(song.id, "Notes", BODY)
    detected = lib.links.for_song(song.id)
    windows = next(link for link in detected if link.quote.startswith("I counted"))
    unlink_id = lib.links.unlink(windows.id)
    rendered = lib.annotations.target_text(song.id, "article", article.id)
    start = rendered.index(HAND)
    hand = lib.links.link(article.id, start, start + len(HAND), 2, 2)
    return lib, {
        "song": song,
        "article": article,
        "windows": windows,
        "unlink": unlink_id,
        "hand": hand,
        "detected": detected,
    }


@pytest.fixture
def source(tmp_path):
    lib, made = make_source(tmp_path / "source.sqlite")
    yield lib, made
    lib.close()


@pytest.fixture
def dest(tmp_path):
    lib = Library.open(tmp_path / "dest.sqlite", seed_demo=False)
    yield lib
    lib.close()


def links_json(lib: Library, song_id: str) -> list[dict]:
    return [link.to_json() for link in lib.links.for_song(song_id, include_orphaned=True)]


def decision_of(data: dict, kind: str) -> dict:
    return next(d for d in data["link_decisions"] if d["kind"] == kind)


# ------------------------------------------------------------------ the export


def test_the_export_holds_the_decisions_and_no_detected_link(source):
    lib, made = source
    data = export_json(lib)
    decisions = {d["id"]: d for d in data["link_decisions"]}
    assert set(decisions) == {made["hand"].id, made["unlink"]}
    hand, unlink = decisions[made["hand"].id], decisions[made["unlink"]]
    assert hand["kind"] == "link" and hand["quote"] == HAND and hand["status"] == "anchored"
    assert (hand["first_line"], hand["last_line"]) == (2, 2)
    assert hand["lines_text"] == LYRICS.splitlines()[1]
    assert unlink["kind"] == "unlink" and unlink["quote"] == made["windows"].quote
    assert "first_line" not in unlink and "lines_text" not in unlink
    detected_ids = {link.id for link in made["detected"]}
    assert not detected_ids & set(json.dumps(data).split('"'))  # no detected link's id anywhere


def test_the_export_follows_stale_decisions_in_memory_and_writes_nothing(source):
    lib, made = source
    pushed = "A paragraph written behind the library's back.\n\n" + BODY
    lib.db.execute("UPDATE articles SET body = ? WHERE id = ?", [pushed, made["article"].id])
    stored = lib.rows("SELECT * FROM quote_links ORDER BY id")
    hand = next(d for d in export_json(lib)["link_decisions"] if d["kind"] == "link")
    rendered = lib.annotations.target_text(made["song"].id, "article", made["article"].id)
    assert hand["start"] == rendered.index(HAND) != made["hand"].start
    assert lib.rows("SELECT * FROM quote_links ORDER BY id") == stored  # followed, not written


# ------------------------------------------------------------------ round trips


def test_round_trip_through_the_command_line_keeps_the_links(source, tmp_path, cli):
    lib, made = source
    lib.close()  # the command line opens the file itself
    file = tmp_path / "backup.json"
    src, dst = tmp_path / "source.sqlite", tmp_path / "elsewhere.sqlite"
    code, _, err = cli("export", "--all", "--format", "json", "-o", file, library=src)
    assert code == 0, err
    code, _, err = cli("import", file, library=dst)
    assert code == 0, err
    outputs = []
    for path in (src, dst):
        code, out, err = cli("links", "Chalk Lines", "--json", library=path)
        assert code == 0, err
        outputs.append(json.loads(out))
    assert outputs[0] == outputs[1]
    shown = {(link["quote"], link["origin"]) for link in outputs[1]}
    assert (HAND, "user") in shown
    assert made["windows"].quote not in {quote for quote, _ in shown}  # unlinked stays unlinked
    assert any(origin == "detected" for _, origin in shown)  # detected again, not imported


def test_round_trip_export_is_the_same_and_twice_adds_nothing(source, dest):
    lib, made = source
    data = export_json(lib, exported="x")
    first = merge_json(dest, dumps_json(data))
    assert first.by_kind["link_decisions"] == {"added": 2, "updated": 0, "unchanged": 0}
    assert not first.warnings
    assert export_json(dest, exported="x") == data
    assert links_json(dest, made["song"].id) == links_json(lib, made["song"].id)
    again = merge_json(dest, data)
    assert (again.added, again.updated) == (0, 0)
    assert export_json(dest, exported="x") == data
    assert not check_library(dest).problems


def test_an_older_export_without_decisions_still_imports(source, dest):
    lib, made = source
    data = export_json(lib)
    del data["link_decisions"]  # as every export before quote links
    report = merge_json(dest, data)
    assert "link_decisions" not in report.by_kind
    quotes = {(link.quote, link.origin) for link in dest.links.for_song(made["song"].id)}
    assert (made["windows"].quote, "detected") in quotes  # nothing in the file unlinks it
    assert all(origin == "detected" for _, origin in quotes)
    # The decisions come with a later file, into the library that has the article already.
    report = merge_json(dest, export_json(lib))
    assert report.by_kind["link_decisions"]["added"] == 2
    assert links_json(dest, made["song"].id) == links_json(lib, made["song"].id)


# ------------------------------------------------------------------ into a library that has the texts


def test_decisions_follow_an_article_changed_here(source, dest):
    lib, made = source
    data = export_json(lib)
    merge_json(dest, {**data, "link_decisions": []})
    dest.articles.update(
        made["article"].id, body="A new first paragraph, pushing every word along.\n\n" + BODY
    )
    merge_json(dest, data)  # the decisions' offsets no longer hold: placed by quote and context
    links = dest.links.for_song(made["song"].id)
    hand = next(link for link in links if link.id == made["hand"].id)
    rendered = dest.annotations.target_text(made["song"].id, "article", made["article"].id)
    assert hand.start != made["hand"].start and rendered[hand.start : hand.end] == HAND
    assert hand.places == ((2, 2),)
    assert made["windows"].quote not in {link.quote for link in links}


def test_a_hand_link_follows_its_lines_when_the_lyrics_here_changed(source, dest):
    lib, made = source
    data = export_json(lib)
    merge_json(dest, {**data, "link_decisions": []})
    dest.songs.update(made["song"].id, lyrics="A new first line, written here\n" + LYRICS)
    merge_json(dest, data)
    hand = dest.links.get(made["hand"].id)
    assert hand.places == ((3, 3),) and hand.status == "anchored"


def test_decisions_whose_words_are_gone_are_kept_orphaned(source, dest):
    lib, made = source
    data = export_json(lib)
    merge_json(dest, {**data, "link_decisions": []})
    dest.songs.update(
        made["song"].id, lyrics=LYRICS.replace("The last bus is humming a hymn to the fire\n", "")
    )
    report = merge_json(dest, data)
    assert report.by_kind["link_decisions"]["added"] == 2
    assert any("1 of the file's quote-link decisions were kept orphaned" in w for w in report.warnings)
    hand = dest.links.get(made["hand"].id)
    assert hand.status == "orphaned"
    assert made["hand"].id not in {link.id for link in dest.links.for_song(made["song"].id)}
    assert not check_library(dest).problems


def test_the_newer_decision_wins(source, dest):
    lib, made = source
    data = export_json(lib)
    merge_json(dest, data)
    moved = copy.deepcopy(data)
    hand = next(d for d in moved["link_decisions"] if d["id"] == made["hand"].id)
    hand.update(
        first_line=3, last_line=3, lines_text=LYRICS.splitlines()[2], lines_prefix="", lines_suffix=""
    )
    assert merge_json(dest, moved).by_kind["link_decisions"]["unchanged"] == 2  # not newer: ours kept
    assert dest.links.get(made["hand"].id).places == ((2, 2),)
    hand["updated"] = LATER
    assert merge_json(dest, moved).by_kind["link_decisions"]["updated"] == 1
    assert dest.links.get(made["hand"].id).places == ((3, 3),)


@pytest.mark.parametrize("later", [True, False])
def test_a_decision_the_file_puts_on_another_article_moves_when_newer(source, dest, later):
    lib, made = source
    other = lib.articles.add(made["song"].id, "Second look", f"Someone wrote that {HAND}, twice a night.")
    data = export_json(lib)
    merge_json(dest, data)
    hand = next(d for d in data["link_decisions"] if d["id"] == made["hand"].id)
    hand.update(article_id=other.id, updated=LATER if later else hand["updated"])
    merge_json(dest, data)
    on = dest.links.get(made["hand"].id).article_id
    assert on == (other.id if later else made["article"].id)
    assert [link.id for link in dest.links.for_song(made["song"].id)].count(made["hand"].id) == 1
    assert not check_library(dest).problems


def test_a_decision_on_a_trashed_article_travels(source, dest):
    lib, made = source
    lib.articles.set_deleted(made["article"].id)
    data = export_json(lib, exported="x")
    assert len(data["link_decisions"]) == 2
    merge_json(dest, data)
    assert export_json(dest, exported="x") == data
    dest.articles.set_deleted(made["article"].id, False)
    assert HAND in {link.quote for link in dest.links.for_song(made["song"].id)}


# ------------------------------------------------------------------ hostile decisions


def _bad(change):
    def apply(data):
        change(decision_of(data, "link"), data)

    return apply


HOSTILE = {
    "negative start": (_bad(lambda d, _: d.update(start=-4)), "impossible span of the article (-4-"),
    "end before start": (_bad(lambda d, _: d.update(end=d["start"])), "impossible span of the article"),
    "unknown article": (
        _bad(lambda d, _: d.update(article_id=str(uuid.uuid4()))),
        "is on an article that is neither in the file nor here",
    ),
    "article not a uuid": (
        _bad(lambda d, _: d.update(article_id="article-1")),
        "'article_id' that is not a UUID",
    ),
    "number too big": (_bad(lambda d, _: d.update(end=2**70)), "link_decisions[0].end is a number too big"),
    "start as text": (_bad(lambda d, _: d.update(start="3")), "'start' of the wrong kind"),
    "line as a boolean": (_bad(lambda d, _: d.update(first_line=True)), "'first_line' of the wrong kind"),
    "lines text a list": (_bad(lambda d, _: d.update(lines_text=["x"])), "'lines_text' of the wrong kind"),
    "no lines text": (_bad(lambda d, _: d.pop("lines_text")), "has no 'lines_text'"),
    "blank lines text": (_bad(lambda d, _: d.update(lines_text="  \n")), "no lyric lines' text"),
    "lines backwards": (
        _bad(lambda d, _: d.update(first_line=3, last_line=2)),
        "impossible lyric lines (3-2)",
    ),
    "line zero": (_bad(lambda d, _: d.update(first_line=0)), "impossible lyric lines (0-2)"),
    "one line number": (_bad(lambda d, _: d.update(last_line=None)), "impossible lyric lines (2-None)"),
    "unknown kind": (_bad(lambda d, _: d.update(kind="maybe")), "unknown kind"),
    "unknown status": (_bad(lambda d, _: d.update(status="lost")), "unknown status"),
    "blank quote": (_bad(lambda d, _: d.update(quote=" ")), "empty quote"),
    "bad time": (_bad(lambda d, _: d.update(updated="yesterday")), "not ISO 8601"),
    "detected link's id": (
        _bad(lambda d, _: d.update(id=str(uuid.uuid5(uuid.NAMESPACE_URL, "x")))),
        "has the id of a detected link",
    ),
    "unlink with lines": (
        lambda data: decision_of(data, "unlink").update(first_line=1, last_line=1),
        "is an unlink but names lyric lines",
    ),
    "same id twice": (
        lambda data: data["link_decisions"].append(copy.deepcopy(data["link_decisions"][0])),
        "the file has the same link decision id twice",
    ),
    "not a list": (
        lambda data: data.update(link_decisions={"id": 1}),
        "'link_decisions' is not a list of objects",
    ),
    "an entry not an object": (lambda data: data["link_decisions"].append(7), "is not a list of objects"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_decisions_are_refused_with_one_message(source, dest, name):
    lib, made = source
    change, expected = HOSTILE[name]
    data = export_json(lib)
    merge_json(dest, {**data, "link_decisions": []})  # the song and article are here already
    before = links_json(dest, made["song"].id)
    data["link_decisions"].sort(key=lambda d: d["kind"])  # the link first: link_decisions[0]
    change(data)
    message = merge_refusal(merge_json, dest, data)
    assert expected in message, message
    assert links_json(dest, made["song"].id) == before


def test_every_problem_is_named_at_once(source, dest):
    lib, _ = source
    data = export_json(lib)
    decision_of(data, "link").update(start=-1)
    decision_of(data, "unlink").update(kind="sideways")
    message = merge_refusal(merge_json, dest, data)
    assert "the file has 2 problems" in message
    assert "impossible span" in message and "unknown kind" in message


@pytest.mark.parametrize("where", [(10**12, 10**12 + 5), (0, 3), (4, 30)])
def test_offsets_that_do_not_hold_are_never_trusted(source, dest, where):
    lib, made = source
    data = export_json(lib)
    decision_of(data, "link").update(start=where[0], end=where[1])
    decision_of(data, "unlink").update(start=where[0], end=where[1])
    merge_json(dest, data)
    assert links_json(dest, made["song"].id) == links_json(lib, made["song"].id)


def test_a_quote_found_nowhere_is_kept_orphaned_not_dropped(source, dest):
    lib, made = source
    data = export_json(lib)
    decision_of(data, "link").update(
        quote="words this article never had", prefix="", suffix="", start=10**6, end=10**6 + 27
    )
    report = merge_json(dest, data)
    assert report.warnings and "kept orphaned" in report.warnings[0]
    assert dest.links.get(made["hand"].id).status == "orphaned"
    assert not check_library(dest).problems


# ------------------------------------------------------------------ generated files


_base_lib, _ = make_source(None)
DECISIONS_BASE = export_json(_base_lib)
_base_lib.close()
for _kind in ("songs", "articles", "annotations", "link_decisions"):
    for _item in DECISIONS_BASE[_kind]:
        _item["updated"] = LATER


@FUZZ
@given(st.data())
def test_generated_decisions_merge_cleanly_or_are_refused(folder, data):  # noqa: F811 - their fixture
    decisions = mutated(data, DECISIONS_BASE["link_decisions"])  # the rest of the file as written
    _throw(folder, merge_json, {**DECISIONS_BASE, "link_decisions": decisions}, demo=False)
