"""CLI: links, link and unlink (issue 15): quotations in an article linked to the lyric lines they quote."""

import json
from types import SimpleNamespace

import pytest
from library_testing import digests
from test_cli_hostile_input import assert_printable

from lyricpad.cli.links import find_quote
from lyricpad.core.markdown import rendered_text
from lyricpad.core.store import Library

LYRICS = """[Verse]
Paper boats on a Monday river,
we fold the week in two.
Paper boats on a Monday river,
the ink runs into blue.

[Outro]
blue, blue."""

ARTICLE = """The song opens on "Paper boats on a Monday river," and keeps coming back to it.

Its singer says we fold the weak in two, a chore of a line. Don’t miss the ink that RUNS
into blue, or the week in two.
"""

LINK_FIELDS = {
    "id",
    "article_id",
    "quote",
    "start",
    "end",
    "lines",
    "places",
    "score",
    "misquoted",
    "differences",
    "origin",
    "status",
}


@pytest.fixture
def boats(library_path):
    """A song with two articles: one quoting its lyrics, one quoting nothing."""
    with Library.open(library_path, seed_demo=False) as lib:
        song = lib.songs.add("Paper Boats", artist="The Folds", lyrics=LYRICS)
        folding = lib.articles.add(song.id, "Folding", ARTICLE)
        quiet = lib.articles.add(song.id, "Second look", "Nothing quoted here, only paper and ink.")
        lib.links.for_song(song.id)  # detected links computed now: a later read changes nothing
    with Library.open(library_path):  # as the command line opens it (it notes the demo is not wanted)
        pass
    return SimpleNamespace(path=library_path, song=song.id, folding=folding.id, quiet=quiet.id)


def files(boats) -> list[str]:
    return [str(boats.path), f"{boats.path}-wal"]


def refused(cli, capsys, boats, *args) -> tuple[int, str]:
    """Run a command that must be refused: one line on stderr, nothing printed, the library's files
    untouched. Returns the exit status (2: argparse refused the command line) and the message."""
    before = digests(files(boats))
    try:
        code, out, err = cli(*args)
    except SystemExit as exit_:
        code = exit_.code
        out, err = capsys.readouterr()
    assert code in (1, 2), (code, out, err)
    assert out == ""
    assert err.startswith("lyricpad: error: ") and err.count("\n") == 1, err
    assert digests(files(boats)) == before
    return code, err


def link_json(cli, *args) -> dict:
    code, out, err = cli("link", *args, "--json")
    assert code == 0, err
    return json.loads(out)


# ------------------------------------------------------------ finding the quotation


@pytest.mark.parametrize(
    "text, quote, spans",
    [
        ("one two one", "one", [(0, 3), (8, 11)]),
        ("Don’t stop", "don't STOP", [(0, 10)]),
        ("a “word” here", '"word"', [(2, 8)]),
        ("a\n\n  b c", "A B", [(0, 6)]),
        ("Straße", "STRASSE", [(0, 6)]),
        ("Maße", "se", []),  # inside the "ss" that "ß" folds to: not a place of the text
        ("exact Exact", "Exact", [(6, 11)]),  # the exact place wins over the loose ones
        ("words", "   ", []),
    ],
)
def test_find_quote(text, quote, spans):
    assert find_quote(text, quote) == spans


# ------------------------------------------------------------ link


def test_link_makes_a_user_link_listed_by_links(cli, cli_json, boats):
    link = link_json(
        cli, "Paper Boats", "--article", "Folding", "--quote", "or the week in two", "--lines", "3"
    )
    assert set(link) == LINK_FIELDS
    rendered = rendered_text(ARTICLE)
    assert rendered[link["start"] : link["end"]] == link["quote"] == "or the week in two"
    assert (link["lines"], link["places"]) == ([3], [[3, 3]])
    assert (link["origin"], link["status"], link["article_id"]) == ("user", "anchored", boats.folding)
    listed = cli_json("links", "Paper Boats")
    assert all(set(item) == LINK_FIELDS for item in listed)
    assert [item for item in listed if item["id"] == link["id"]] == [link]
    assert cli_json("links", "Paper Boats", "--article", "Second look") == []


def test_link_finds_the_quote_whatever_its_case_quotation_marks_and_spacing(cli, boats):
    link = link_json(
        cli,
        boats.song[:8],
        "--article",
        boats.folding[:8],
        "--quote",
        "don't  miss the ink\nthat runs into blue",
        "--lines",
        "5",
    )
    rendered = rendered_text(ARTICLE)
    assert link["quote"] == "Don’t miss the ink that RUNS into blue"
    assert rendered[link["start"] : link["end"]] == link["quote"]


def test_several_places_need_an_occurrence(cli, capsys, boats):
    code, err = refused(
        cli, capsys, boats, "link", "Paper Boats", "--article", "Folding", "--quote", "in two", "--lines", "3"
    )
    assert code == 1
    assert "2 times" in err and "--occurrence" in err and "“in two”" in err
    second = link_json(
        cli, "Paper Boats", "--article", "Folding", "--quote", "in two", "--lines", "3", "--occurrence", "2"
    )
    rendered = rendered_text(ARTICLE)
    assert second["start"] == rendered.rindex("in two")


def test_link_prints_the_new_link(cli, boats):
    code, out, err = cli(
        "link", "Paper Boats", "--article", "Folding", "--quote", "the week in two", "--lines", "3"
    )
    assert code == 0, err
    assert "Linked a quotation in the article “Folding” to the lyrics of Paper Boats — The Folds:" in out
    assert "line 3" in out and "user" in out and "“the week in two”" in out


SONG = "Paper Boats"


@pytest.mark.parametrize(
    "args, status, message",
    [
        (["--quote", "", "--lines", "3"], 2, "--quote"),
        (["--quote", "   ", "--lines", "3"], 2, "--quote"),
        (["--quote", "bad \udcff bytes", "--lines", "3"], 2, "UTF-8"),
        (["--quote", "the week in two", "--lines", "0"], 2, "--lines"),
        (["--quote", "the week in two", "--lines", "3-2"], 2, "--lines"),
        (["--quote", "the week in two", "--lines", "3_0"], 2, "--lines"),
        (["--quote", "the week in two", "--lines", "\u0663"], 2, "--lines"),
        (["--quote", "the week in two", "--lines", "+3"], 2, "--lines"),
        (["--quote", "the week in two", "--lines", "9" * 5000], 2, "--lines"),
        (["--quote", "the week in two", "--lines", "3", "--occurrence", "0"], 2, "--occurrence"),
        (["--quote", "the week in two", "--lines", "3", "--occurrence", "all"], 2, "--occurrence"),
        (["--quote", "the week in two", "--lines", "3", "--occurrence", "1_0"], 2, "--occurrence"),
        (["--quote", "the week in two"], 2, "--lines"),
        (["--lines", "3"], 2, "--quote"),
        (["--quote", "the week in two", "--lines", "9"], 1, "lines 1-8"),
        (["--quote", "the week in two", "--lines", "3-99999999999999999999"], 1, "(20 digits)"),
        (["--quote", "the week in two", "--lines", "6"], 1, "blank"),
        (["--quote", "a paper crane", "--lines", "3"], 1, "“a paper crane” is not in the article “Folding”"),
        (["--quote", "the week in two", "--lines", "3", "--occurrence", "2"], 1, "occurs once"),
        (["--quote", "in two", "--lines", "3", "--occurrence", "3"], 1, "--occurrence 3"),
        (["--quote", "in two", "--lines", "3", "--occurrence", "9" * 40], 1, "(40 digits)"),
    ],
)
def test_a_bad_link_is_refused_and_changes_nothing(cli, capsys, boats, args, status, message):
    code, err = refused(cli, capsys, boats, "link", SONG, "--article", "Folding", *args)
    assert code == status
    assert message in err, err


@pytest.mark.parametrize(
    "args, status, message",
    [
        (["link", "No such song", "--article", "Folding"], 1, "no song"),
        (["link", SONG, "--article", "Nope"], 1, "no article"),
        (["link", SONG, "--article", ""], 2, "--article"),
        (["link", SONG], 2, "--article"),
    ],
)
def test_a_link_to_an_unknown_song_or_article_is_refused(cli, capsys, boats, args, status, message):
    code, err = refused(cli, capsys, boats, *args, "--quote", "the week in two", "--lines", "3")
    assert code == status
    assert message in err, err


def test_an_article_of_another_song_is_not_found(cli, capsys, boats):
    with Library.open(boats.path) as lib:
        other = lib.songs.add("Other", lyrics="one line")
        lib.articles.add(other.id, "Elsewhere", "one line, quoted")
    code, err = refused(
        cli, capsys, boats, "link", SONG, "--article", "Elsewhere", "--quote", "one line", "--lines", "3"
    )
    assert code == 1 and "Elsewhere" in err


def test_a_hostile_quote_is_shown_escaped_in_the_refusal(cli, capsys, boats):
    code, err = refused(
        cli,
        capsys,
        boats,
        "link",
        SONG,
        "--article",
        "Folding",
        "--quote",
        "boats\x1b]0;PWNED\x07\x9b2J",
        "--lines",
        "2",
    )
    assert code == 1
    assert_printable(err)
    assert "boats\\x1b]0;PWNED\\x07\\x9b2J" in err and err.count("\n") == 1


# ------------------------------------------------------------ links


def test_links_lists_detected_quotations(cli, cli_json, boats):
    listed = cli_json("links", SONG)
    detected = [item for item in listed if item["origin"] == "detected"]
    assert [item["quote"] for item in detected] == ["Paper boats on a Monday river"]
    assert detected[0]["places"] == [[2, 2], [4, 4]] and detected[0]["lines"] == [2, 4]
    assert not detected[0]["misquoted"] and detected[0]["score"] == 1.0
    code, out, err = cli("links", SONG)
    assert code == 0, err
    assert (
        f"{detected[0]['id'][:8]}  lines 2, 4  score 1.00  detected  “Paper boats on a Monday river”" in out
    )
    assert "Article: “Folding”" in out


def test_links_says_when_there_are_none(cli, boats):
    code, out, err = cli("links", SONG, "--article", "Second look")
    assert code == 0, err
    assert out == "The article “Second look” of Paper Boats — The Folds has no linked quotations.\n"


def test_a_misquotation_is_listed_with_its_differences(cli, boats):
    link = link_json(cli, SONG, "--article", "Folding", "--quote", "we fold the weak in two", "--lines", "3")
    assert link["misquoted"] and link["score"] < 1.0
    assert {"quote": "weak", "lyrics": "week"} in link["differences"]
    code, out, err = cli("links", SONG)
    assert code == 0, err
    line = next(line for line in out.splitlines() if line.startswith(link["id"][:8]))
    assert (
        "misquoted (" in line and "“weak” for “week”" in line and line.endswith("“we fold the weak in two”")
    )


def test_an_orphaned_user_link_is_listed_with_its_status(cli, cli_json, boats):
    link = link_json(cli, SONG, "--article", "Folding", "--quote", "or the week in two", "--lines", "3")
    with Library.open(boats.path) as lib:
        lib.articles.update(boats.folding, body=ARTICLE.replace("or the week in two", "and that is all"))
    listed = {item["id"]: item for item in cli_json("links", SONG)}
    assert listed[link["id"]]["status"] == "orphaned"
    code, out, err = cli("links", SONG)
    assert f"{link['id'][:8]}  line 3" in out and "[orphaned]" in out


def test_links_escapes_hostile_titles_and_quotes(cli, boats):
    import sqlite3

    link_json(cli, SONG, "--article", "Folding", "--quote", "the week in two", "--lines", "3")
    conn = sqlite3.connect(boats.path)
    with conn:
        conn.execute("UPDATE articles SET title = ? WHERE id = ?", ["Fold\x1b]0;PWNED\x07", boats.folding])
    conn.close()
    code, out, err = cli("links", boats.song)
    assert code == 0, err
    assert_printable(out, err)
    assert "Fold\\x1b]0;PWNED\\x07" in out


@pytest.mark.parametrize(
    "args, status, message",
    [
        (["links", "No such song"], 1, "no song"),
        (["links", SONG, "--article", "Nope"], 1, "no article"),
        (["links", SONG, "--article", " "], 2, "--article"),
        (["links"], 2, "SONG"),
    ],
)
def test_bad_links_arguments_are_refused(cli, capsys, boats, args, status, message):
    code, err = refused(cli, capsys, boats, *args)
    assert code == status and message in err, err


# ------------------------------------------------------------ unlink


def test_unlink_removes_a_user_link(cli, cli_json, boats):
    link = link_json(cli, SONG, "--article", "Folding", "--quote", "the week in two", "--lines", "3")
    code, out, err = cli("unlink", link["id"][:8])
    assert code == 0, err
    assert out.startswith("Unlinked a quotation in the article “Folding” of Paper Boats — The Folds:\n")
    assert "“the week in two”" in out
    assert link["id"] not in {item["id"] for item in cli_json("links", SONG)}


def test_an_unlinked_detected_quotation_stays_unlinked(cli, cli_json, boats):
    detected = next(item for item in cli_json("links", SONG) if item["origin"] == "detected")
    removed = cli_json("unlink", detected["id"])
    assert removed == detected
    assert detected["id"] not in {item["id"] for item in cli_json("links", SONG)}
    with Library.open(boats.path) as lib:  # the article changes: detection runs again
        lib.articles.update(boats.folding, body="A new first paragraph.\n\n" + ARTICLE)
    assert [item for item in cli_json("links", SONG) if item["origin"] == "detected"] == []


@pytest.mark.parametrize(
    "ref, status, message",
    [("zzzzzzzz", 1, "zzzzzzzz"), ("", 2, "LINK"), ("   ", 2, "LINK"), ("\x1b[2J", 1, "\\x1b[2")],
)
def test_a_bad_unlink_is_refused_and_changes_nothing(cli, capsys, boats, ref, status, message):
    link_json(cli, SONG, "--article", "Folding", "--quote", "the week in two", "--lines", "3")
    code, err = refused(cli, capsys, boats, "unlink", ref)
    assert code == status and message in err, err
    assert_printable(err)


@pytest.mark.parametrize("command", [("links", "Paper Boats", "--json"), ("export", "Paper Boats")])
def test_reading_commands_compute_stale_links_without_writing(cli, boats, command):
    with Library.open(boats.path) as lib:  # an edit by another route than the store: the links go stale
        with lib.write():
            lib.db.execute(
                "UPDATE articles SET body = ? WHERE id = ?",
                ["Now it opens on “the ink runs into blue” instead.", boats.folding],
            )
    before = digests(files(boats))
    code, out, err = cli(*command)
    assert code == 0, err
    assert digests(files(boats)) == before
    if command[0] == "links":
        assert [(link["quote"], link["lines"]) for link in json.loads(out)] == [
            ("the ink runs into blue", [5])
        ]


# ---------------------------------------------------- ids printed, ids found


def test_an_imported_article_has_its_links_stored_and_unlink_takes_their_ids(
    cli, cli_json, library_path, tmp_path
):
    """`links` only reads: the ids it prints must be ids `unlink` finds (computed when the article came in)."""
    with Library.open(library_path, seed_demo=False) as lib:
        lib.songs.add("Paper Boats", artist="The Folds", lyrics=LYRICS)
    source = tmp_path / "folding.md"
    source.write_text("# Folding\n\n" + ARTICLE, encoding="utf-8")
    code, _, err = cli("import", source, "--as", "article", "--song", SONG)
    assert code == 0, err
    with Library.open(library_path) as lib:
        assert lib.db.execute("SELECT count(*) FROM quote_link_texts").fetchone()[0] == 1
    (listed,) = [item for item in cli_json("links", SONG) if item["origin"] == "detected"][:1]
    code, out, err = cli("unlink", listed["id"][:8])
    assert code == 0, err
    assert listed["id"] not in {item["id"] for item in cli_json("links", SONG)}


def stale(boats) -> None:
    """The article changed by another route than the store: its stored links are stale."""
    with Library.open(boats.path) as lib, lib.write():
        lib.db.execute(
            "UPDATE articles SET body = ? WHERE id = ?",
            ["Now it opens on “the ink runs into blue” instead.", boats.folding],
        )


def test_unlink_finds_a_link_listed_from_stale_texts(cli, cli_json, boats):
    stale(boats)
    (listed,) = cli_json("links", SONG)
    code, out, err = cli("unlink", listed["id"][:8])
    assert code == 0, err
    assert "“the ink runs into blue”" in out
    assert cli_json("links", SONG) == []


def test_unlink_on_a_read_only_library_says_so(cli, cli_json, capsys, boats):
    import sqlite3

    stale(boats)
    conn = sqlite3.connect(boats.path)
    conn.execute("PRAGMA user_version = 99")  # a newer lyricpad's: opened read-only
    conn.close()
    (listed,) = cli_json("links", SONG)
    code, err = refused(cli, capsys, boats, "unlink", listed["id"][:8])
    assert code == 1 and "read-only" in err and "no quotation link" not in err, err


def test_links_of_a_trashed_song_are_refused_and_not_changed(cli, cli_json, capsys, boats):
    (listed,) = [item for item in cli_json("links", SONG) if item["origin"] == "detected"][:1]
    with Library.open(boats.path) as lib:
        lib.songs.set_deleted(boats.song)
    code, err = refused(cli, capsys, boats, "links", SONG)  # as `annotations` does: no such song
    assert "no song" in err
    code, err = refused(cli, capsys, boats, "unlink", listed["id"][:8])
    assert "in the trash" in err, err
    code, err = refused(
        cli,
        capsys,
        boats,
        "link",
        boats.song,
        "--article",
        "Folding",
        "--quote",
        "the week in two",
        "--lines",
        "3",
    )
    assert "no song" in err or "in the trash" in err, err
