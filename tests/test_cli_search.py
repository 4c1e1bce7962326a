"""`lyricpad search`: a ranked page of hits, filters, paging, and any words typed without an error."""

import pytest
from cli_testing import data_dump

from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.search_query import MAX_TERMS


def test_search_ranks_and_says_where(cli_json, cli):
    hits = cli_json("search", "lantern")
    assert {"song", "article", "quote"} <= {h["kind"] for h in hits}
    assert {"kind", "where", "id", "song_id", "song_title", "snippet", "annotation_id"} <= set(hits[0])
    code, out, err = cli("search", "lantern")
    assert code == 0 and err == "" and f"{DEMO_TITLE} — The Hollow Pines: " in out and "[lantern]" in out


def test_filters_narrow_the_hits(cli_json):
    assert {h["kind"] for h in cli_json("search", "lantern", "--pane", "article")} == {"article"}
    structure = cli_json("search", "lantern", "--lens", "Structure")
    assert structure and {h["kind"] for h in structure} <= {"note", "quote", "tag"}
    assert cli_json("search", "lantern", "--lens", "Question") == []
    assert {h["kind"] for h in cli_json("search", "light", "--tag", "#chorus")} <= {"note", "quote"}
    assert cli_json("search", "lantern", "--song", DEMO_TITLE) == cli_json("search", "lantern")
    assert cli_json("search", "lantern", "--artist", "the hollow pines")
    assert cli_json("search", "lantern", "--status", "orphaned") == []


def test_pages_continue_where_the_last_ended(cli_json, cli):
    everything = cli_json("search", "the", "--limit", "1000")
    first = cli_json("search", "the", "--limit", "3")
    second = cli_json("search", "the", "--limit", "3", "--offset", "3")
    assert first + second == everything[:6]
    code, out, _ = cli("search", "the", "--limit", "3")
    assert "(more: --offset 3)" in out


@pytest.mark.parametrize(
    "words",
    [['"'], ["a*"], ["NEAR("], ["-"], ["🏮"], ["col:x"], [f"w{i}" for i in range(500)], [""], ["!!", "…"]],
)
def test_any_words_search_without_an_error(cli, library_path, words):
    cli("songs")
    before = data_dump(library_path)
    code, out, err = cli("search", *words)
    assert "Traceback" not in err
    assert data_dump(library_path) == before
    if not any(c.isalnum() for c in "".join(words)):  # nothing to search for: said, as a usage error
        assert code == 2 and out == "" and err.count("\n") == 1
        assert "nothing to search for" in err and "lyricpad search --help" in err
        return
    assert code == 0
    if len(words) > MAX_TERMS:
        assert f"first {MAX_TERMS} words" in err


def test_hits_say_the_line_the_snippet_shows(cli_json, cli, tmp_path):
    lyrics = tmp_path / "big.txt"
    lyrics.write_text("\n".join(f"line {i} light a lantern on the water" for i in range(2000)) + "\n\n\nend")
    cli("import", "--as", "lyrics", lyrics)
    (hit,) = [h for h in cli_json("search", "1999") if h["kind"] == "song"]
    assert hit["line"] == 2000 and isinstance(hit["offset"], int)
    assert hit["snippet"] == "…line [1999] light a lantern on the water\nend"
    code, out, _ = cli("search", "1999")
    assert code == 0 and "lyrics:2000 " in out and "water / end" in out and "/  /" not in out


def test_tag_and_artist_filters_are_forgiving_about_case_accents_and_hash(cli_json, cli):
    by_tag = cli_json("search", "light", "--tag", "chorus")
    assert by_tag and cli_json("search", "light", "--tag", "#CHORUS") == by_tag
    by_artist = cli_json("search", "lantern", "--artist", "The Hollow Pines")
    assert by_artist and cli_json("search", "lantern", "--artist", "THE HÓLLOW PINES") == by_artist
    assert cli_json("search", "lantern", "--artist", "Hollow Pines") == []  # the whole name
    code, out, err = cli("search", "light", "--tag", "#")
    assert code == 1 and out == "" and "the tag '#' is empty" in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["--limit", "0"], "give 1 to 1000 hits"),
        (["--limit", "x"], "'x' is not a number"),
        (["--pane", "gutter"], "invalid choice"),
        (["--status", "done"], "invalid choice"),
    ],
)
def test_bad_options_are_named(cli, capsys, args, message):
    with pytest.raises(SystemExit):
        cli("search", "lantern", *args)
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    "args, message",
    [(["--lens", "Nope"], "no lens named 'Nope'"), (["--song", "No Such Song"], "no song matches")],
)
def test_unknown_lens_or_song_is_one_line(cli, library_path, args, message):
    cli("songs")
    before = data_dump(library_path)
    code, out, err = cli("search", "lantern", *args)
    assert code == 1 and out == "" and err.count("\n") == 1 and message in err
    assert data_dump(library_path) == before
