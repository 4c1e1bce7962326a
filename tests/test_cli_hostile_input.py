"""Bytes from outside on the command line (issue 14): terminal control characters, numbers, empty refs."""

import json
import os
import pty
import re
import sqlite3
import subprocess
import sys

import pytest
from cli_testing import data_dump

from lyricpad.core.anchoring import anchors_for_quote
from lyricpad.core.store import Library

HOSTILE = "Song\x1b]0;PWNED\x07\x1b[2J\x9b31m\x7f"
# What a terminal acts on: C0 (but tab and newline), DEL and C1.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def assert_printable(*outputs: str) -> None:
    for output in outputs:
        assert not RAW_CONTROL.search(output), repr(output)


def usage_error(cli, capsys, *args) -> str:
    """The one line argparse writes for a bad argument (exit status 2)."""
    with pytest.raises(SystemExit) as exit_:
        cli(*args)
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("lyricpad: error: ") and err.count("\n") == 1
    return err


@pytest.fixture
def hostile_library(library_path):
    """A library whose every printed value carries control characters, as an older lyricpad or
    another program may have written them (the writes below bypass lyricpad's cleaning)."""
    with Library.open(library_path, seed_demo=False) as lib:
        song = lib.songs.add("Plain", artist="Someone", album="Album", lyrics="one\ntwo words\nthree")
        article = lib.articles.add(song.id, "Essay", "the article's words")
        lens = lib.lenses.all()[0]
        lib.annotations.add(song.id, anchors_for_quote(song.lyrics, "two", 1), lens_id=lens.id, note="n")
        lib.annotations.add(
            song.id,
            anchors_for_quote(article.body, "words", 1),
            target="article",
            article_id=article.id,
            note="about words",
            tags=["t"],
        )
    conn = sqlite3.connect(library_path)
    with conn:
        conn.execute(
            "UPDATE songs SET title = ?, artist = ?, album = ?, lyrics = ?",
            [HOSTILE, "Art\x1b[31m", "Al\x9b1m", f"one\ntwo words {HOSTILE}\nthree"],
        )
        conn.execute("UPDATE articles SET title = ?, author = ?", [f"Essay{HOSTILE}", "By\x1b[2J"])
        conn.execute("UPDATE lenses SET name = ? WHERE position = 0", [f"Lens{HOSTILE}"])
        conn.execute("UPDATE annotations SET note = ?", [f"note {HOSTILE}"])
        conn.execute("UPDATE tags SET name = ?", [f"tag{HOSTILE}"])
    conn.close()
    return library_path


@pytest.mark.parametrize(
    "args",
    [
        ("songs",),
        ("show", "Plain"),
        ("annotations", "Plain"),
        ("lenses",),
        ("search", "words"),
        ("search", "note"),
        ("check",),
    ],
    ids=lambda a: "-".join(a),
)
def test_control_characters_are_shown_escaped_in_human_output(cli, hostile_library, args):
    if args[1:] == ("Plain",):  # the title is now the hostile one: refer to the song by its id
        with Library.open(hostile_library) as lib:
            args = (args[0], lib.songs.all()[0].id)
    code, out, err = cli(*args)
    assert code in (0, 1), err
    assert_printable(out, err)
    if args[0] != "check":
        assert "\\x1b" in out


def test_the_show_command_escapes_every_field(cli, hostile_library):
    with Library.open(hostile_library) as lib:
        song_id = lib.songs.all()[0].id
    code, out, err = cli("show", song_id)
    assert code == 0, err
    assert_printable(out, err)
    for shown in ("Song\\x1b]0;PWNED\\x07\\x1b[2J\\x9b31m\\x7f", "Art\\x1b[31m", "Al\\x9b1m", "By\\x1b[2J"):
        assert shown in out
    assert "\tthree" not in out and "\n" in out  # newlines stay newlines


def test_an_error_message_naming_a_hostile_value_is_escaped(cli, hostile_library):
    with Library.open(hostile_library) as lib:
        song = lib.songs.all()[0]
        article = lib.articles.for_song(song.id)[0]
    code, out, err = cli("annotate", song.id, "--article", article.id, "--quote", "not there")
    assert code == 1
    assert_printable(out, err)
    assert "Essay" in err and "\\x1b" in err and err.count("\n") == 1


def test_json_output_stays_exact_json_and_prints_no_control_character(cli, hostile_library):
    code, out, err = cli("songs", "--json")
    assert code == 0, err
    assert_printable(out)
    assert json.loads(out)[0]["title"] == HOSTILE


def test_an_lrc_title_cannot_retitle_the_terminal(cli, library, tmp_path):
    library.close()
    lrc = tmp_path / "hostile.lrc"
    lines = "".join(f"[00:{n:02}.00]an ordinary line of the song, number {n}\n" for n in range(20))
    lrc.write_text("[ti:Song\x1b]0;PWNED\x07\x1b[2J]\n[ar:Evil\x9b2J]\n" + lines, encoding="utf-8")
    code, out, err = cli("import", lrc)
    assert code == 0, err
    assert_printable(out, err)
    with Library.open(library.path) as lib:
        song = next(s for s in lib.songs.all() if s.source_file == "hostile.lrc")
        assert (song.title, song.artist) == ("Song]0;PWNED[2J", "Evil2J")
        assert not any(RAW_CONTROL.search(v) for v in song.lrc_tags.values())


def test_an_import_report_escapes_the_file_name(cli, library, tmp_path):
    library.close()
    lrc = tmp_path / "name\x1b[2J.lrc"
    lrc.write_text("[ti:Fine]\n[00:01.00]a line\n", encoding="utf-8")
    code, out, err = cli("import", lrc)
    assert code == 0, err
    assert_printable(out, err)
    assert "name\\x1b[2J.lrc" in out


@pytest.mark.parametrize(
    "args",
    [
        ("--title", "T\x1b[2J"),
        ("--artist", "A\x07"),
    ],
)
def test_titles_and_artists_given_on_the_command_line_lose_their_control_characters(
    cli, library, tmp_path, args
):
    library.close()
    path = tmp_path / "words.lrc"
    path.write_text("[00:01.00]a line\n", encoding="utf-8")
    code, out, err = cli("import", path, *args)
    assert code == 0, err
    with Library.open(library.path) as lib:
        song = next(s for s in lib.songs.all() if s.source_file == "words.lrc")
        assert not RAW_CONTROL.search(song.title + (song.artist or ""))


def test_annotation_tags_and_lens_names_lose_their_control_characters(cli, library):
    song_id = library.songs.all()[0].id
    library.close()
    code, out, err = cli("annotate", song_id, "--lines", "1", "--tag", "t\x1b[2Jx", "--json")
    assert code == 0, err
    assert json.loads(out)["tags"] == ["t[2Jx"]
    with Library.open(library.path) as lib:
        assert lib.lenses.add("L\x1b]0;x\x07", "#112233").name == "L]0;x"


# ------------------------------------------------------------ numbers are ASCII digits


@pytest.mark.parametrize("lines", ["3_0", "\u0663", "+3", " 3", "3-4_0", "\uff13", "1-\u0664"])
def test_line_numbers_are_ascii_digits_only(cli, capsys, library, lines):
    song_id = library.songs.all()[0].id
    library.close()
    before = data_dump(library.path)
    assert "--lines" in usage_error(cli, capsys, "annotate", song_id, "--lines", lines)
    assert data_dump(library.path) == before


@pytest.mark.parametrize("occurrence", ["1_0", "\u0661", "+1"])
def test_occurrences_are_ascii_digits_only(cli, capsys, library, occurrence):
    song_id = library.songs.all()[0].id
    library.close()
    before = data_dump(library.path)
    err = usage_error(cli, capsys, "annotate", song_id, "--quote", "the", "--occurrence", occurrence)
    assert "--occurrence" in err
    assert data_dump(library.path) == before


# ------------------------------------------------------------ an empty article reference


@pytest.mark.parametrize("article", ["", "   "])
def test_an_empty_article_reference_is_refused(cli, capsys, library, article):
    song_id = library.songs.all()[0].id
    library.close()
    before = data_dump(library.path)
    err = usage_error(cli, capsys, "annotate", song_id, "--lines", "1", "--article", article)
    assert "--article" in err and "empty" in err
    assert data_dump(library.path) == before


# ------------------------------------------------------------ search terms are capped, and said


def test_a_search_of_too_many_words_uses_the_first_and_says_so_in_one_line(cli, library):
    from lyricpad.core.search_query import MAX_TERMS

    library.close()
    code, out, err = cli("search", *[f"w{i}" for i in range(5000)])
    assert code == 0 and "Nothing found" in out
    assert err.startswith("lyricpad: note: ") and err.count("\n") == 1
    assert f"first {MAX_TERMS} words" in err


# ------------------------------------------------------------ an empty file is not a library


def test_an_existing_empty_file_is_not_turned_into_a_library(cli, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"")
    code, out, err = cli("songs", library=path)
    assert code == 1
    assert out == ""
    assert err.startswith("lyricpad: error: ") and err.count("\n") == 1
    assert str(path) in err and "empty" in err
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def _export_output(library_path, *, terminal: bool) -> str:
    """What `lyricpad export --all` prints, to a real pseudo-terminal or to a pipe."""
    command = [sys.executable, "-m", "lyricpad", "--library", str(library_path), "export", "--all"]
    if not terminal:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout
    main_fd, child_fd = pty.openpty()
    try:
        process = subprocess.Popen(command, stdout=child_fd, stderr=subprocess.DEVNULL)
        os.close(child_fd)
        chunks = []
        while True:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 0
    finally:
        os.close(main_fd)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_an_export_to_a_terminal_shows_control_characters_escaped(hostile_library):
    on_screen = _export_output(hostile_library, terminal=True)
    assert "note " in on_screen and "\\x1b" in on_screen
    assert_printable(on_screen)
    piped = _export_output(hostile_library, terminal=False)
    assert "\x1b" in piped  # to a file or a pipe the document stays exact
