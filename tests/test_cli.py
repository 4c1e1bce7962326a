"""The command line: each command, its JSON shapes, and its errors (one line, non-zero, nothing changed)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_testing import data_dump

from lyricpad import __version__
from lyricpad.core.demo import DEMO_ARTICLE_TITLE, DEMO_TITLE
from lyricpad.core.store import Library
from lyricpad.main import main


def lyricpad_executable() -> str:
    """The installed `lyricpad` script next to this Python, as a user would run it."""
    script = Path(sys.executable).parent / "lyricpad"
    if not script.exists():
        pytest.skip("the lyricpad script is not installed next to this Python")
    return str(script)


# ---------------------------------------------------------------- the promise


def test_new_folder_library_lists_the_demo_song(tmp_path):
    library = tmp_path / "some" / "new" / "folder" / "library.sqlite"
    result = subprocess.run(
        [lyricpad_executable(), "--library", str(library), "songs", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    songs = json.loads(result.stdout)
    assert [s["title"] for s in songs] == [DEMO_TITLE]
    assert {"id", "title", "artist", "album"} <= set(songs[0])
    assert library.is_file()


def test_version():
    result = subprocess.run(
        [sys.executable, "-m", "lyricpad", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"lyricpad {__version__}"


# -------------------------------------------------------------- where it lives


def test_environment_variable_names_the_library(tmp_path, monkeypatch, capsys):
    path = tmp_path / "env" / "lib.sqlite"
    monkeypatch.setenv("LYRICPAD_LIBRARY", str(path))
    assert main(["songs"]) == 0
    assert path.is_file()
    assert DEMO_TITLE in capsys.readouterr().out


def test_option_beats_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LYRICPAD_LIBRARY", str(tmp_path / "env.sqlite"))
    assert main(["songs", "--library", str(tmp_path / "opt.sqlite")]) == 0  # after the command works too
    assert (tmp_path / "opt.sqlite").is_file() and not (tmp_path / "env.sqlite").exists()


def test_default_is_the_user_data_folder(isolated_user_dirs, capsys):
    assert main(["songs"]) == 0
    expected = Path(os.environ["XDG_DATA_HOME"]) / "lyricpad" / "library.sqlite"
    assert expected.is_file()


# ------------------------------------------------------------------ commands


def test_songs(cli):
    code, out, err = cli("songs")
    assert code == 0 and DEMO_TITLE in out and err == ""


def test_show_json(cli_json):
    song = cli_json("show", DEMO_TITLE)
    assert {"id", "title", "artist", "lyrics", "articles", "annotations"} <= set(song)
    assert song["lyrics"].startswith("[Verse 1]\nThe harbour lights")
    (article,) = song["articles"]
    assert {"id", "title", "body"} <= set(article) and article["title"] == DEMO_ARTICLE_TITLE
    assert len(song["annotations"]) == 6


def test_show_text(cli):
    code, out, _ = cli("show", DEMO_TITLE.upper())  # titles match case-insensitively
    assert code == 0
    assert " 2  The harbour lights are folding up their wings," in out
    assert f"== Article: {DEMO_ARTICLE_TITLE}" in out


ANNOTATION_KEYS = {
    "id", "target", "article_id", "quote", "note", "lens", "tags", "status",
    "line_start", "line_end", "start", "end", "fragments",
}  # fmt: skip


def test_annotations_json(cli_json):
    annotations = cli_json("annotations", DEMO_TITLE)
    assert len(annotations) == 6
    for item in annotations:
        assert ANNOTATION_KEYS <= set(item)
        assert item["status"] == "anchored"
        assert item["target"] in ("lyrics", "article")
        assert (item["article_id"] is None) == (item["target"] == "lyrics")
        assert item["fragments"][0]["start"] == item["start"]
    assert [a["target"] for a in annotations] == ["lyrics"] * 4 + ["article"] * 2
    lyric_starts = [a["start"] for a in annotations if a["target"] == "lyrics"]
    assert lyric_starts == sorted(lyric_starts)


def test_annotate_lines(cli_json, library_path):
    made = cli_json(
        "annotate",
        DEMO_TITLE,
        "--lines",
        "2-3",
        "--lens",
        "imagery",
        "--note",
        "two *lines*",
        "--tag",
        "harbour",
        "--tag",
        "#Dusk",
    )
    assert ANNOTATION_KEYS <= set(made)
    assert (made["line_start"], made["line_end"]) == (2, 3)
    assert (
        made["quote"]
        == "The harbour lights are folding up their wings,\nthe gulls have gone to count the silent boats."
    )
    assert (made["lens"], made["note"], made["tags"]) == ("Imagery", "two *lines*", ["Dusk", "harbour"])
    with Library.open(library_path) as lib:
        stored = lib.annotations.get(made["id"])
        assert stored.quote == made["quote"] and stored.first.start == made["start"]


def test_annotate_counts_header_and_blank_lines(cli_json):
    made = cli_json("annotate", DEMO_TITLE, "--lines", "1")
    assert made["quote"] == "[Verse 1]"
    assert made["lens"] == "Theme"  # the first lens by default


def test_annotate_quote_occurrences(cli_json):
    second = cli_json("annotate", DEMO_TITLE, "--quote", "every tide turns back", "--occurrence", "2")
    first = cli_json("annotate", DEMO_TITLE, "--quote", "every tide turns back")
    every = cli_json("annotate", DEMO_TITLE, "--quote", "every tide turns back", "--occurrence", "all")
    assert first["line_start"] < second["line_start"]
    assert second["fragments"][0]["occurrence"] == 2
    assert [f["line_start"] for f in every["fragments"]] == [first["line_start"], second["line_start"]]


def test_annotate_article(cli_json):
    made = cli_json(
        "annotate",
        DEMO_TITLE,
        "--article",
        DEMO_ARTICLE_TITLE,
        "--quote",
        "Light against dark water",
        "--lens",
        "Theme",
    )
    assert made["target"] == "article" and made["article_id"]
    song = cli_json("show", DEMO_TITLE)
    assert made["article_id"] == song["articles"][0]["id"]
    # Offsets count over the article as rendered for reading, not over its Markdown source.
    from lyricpad.core.markdown import rendered_text

    rendered = rendered_text(song["articles"][0]["body"])
    assert rendered[made["start"] : made["end"]] == "Light against dark water"
    assert "## Light against dark water" in song["articles"][0]["body"]


def test_song_by_id_and_prefix(cli_json):
    (song,) = cli_json("songs")
    assert cli_json("show", song["id"])["id"] == song["id"]
    assert cli_json("annotations", song["id"][:6])[0]["song_id"] == song["id"]


def test_lenses_and_search(cli_json, cli):
    assert [lens["name"] for lens in cli_json("lenses")][:3] == ["Theme", "Imagery", "Rhyme & sound"]
    hits = cli_json("search", "lantern")
    assert {"song", "article", "quote"} <= {h["kind"] for h in hits}
    code, out, _ = cli("search", "nothingmatchesthis")
    assert code == 0 and "Nothing found" in out


# -------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "args,message",
    [
        (["show", "No Such Song"], "no song matches 'No Such Song'"),
        (["annotate", DEMO_TITLE, "--lines", "99"], "line 99 does not exist"),
        (["annotate", DEMO_TITLE, "--lines", "6"], "line 6 is blank"),
        (["annotate", DEMO_TITLE, "--quote", "not in the song"], "does not occur"),
        (["annotate", DEMO_TITLE, "--quote", "harbour", "--occurrence", "5"], "occurrence 5 does not exist"),
        (["annotate", DEMO_TITLE, "--lines", "2", "--lens", "Nope"], "no lens named 'Nope'"),
        (["annotate", DEMO_TITLE, "--lines", "2", "--article", "No Article"], "no article matches"),
        (["annotate", DEMO_TITLE, "--lines", "2", "--tag", "  #  "], "tag"),
    ],
)
def test_errors_are_one_line_and_change_nothing(cli, library_path, args, message):
    Library.open(library_path).close()
    before = data_dump(library_path)
    code, out, err = cli(*args)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("lyricpad: error: ") and message in err
    assert "Traceback" not in err
    assert data_dump(library_path) == before


@pytest.mark.parametrize(
    "args,message",
    [
        (["annotate", DEMO_TITLE], "one of the arguments --lines --quote is required"),
        (["annotate", DEMO_TITLE, "--lines", "3-1"], "not a line range"),
        (["annotate", DEMO_TITLE, "--lines", "x"], "not a line"),
        (["annotate", DEMO_TITLE, "--quote", "a", "--occurrence", "0"], "counted from 1"),
        (["frobnicate"], "invalid choice"),
        (["songs", "--song", "x"], "unrecognized arguments"),
        (["annotate", DEMO_TITLE, "--lines", "2", "--occurrence", "1"], "--occurrence goes with --quote"),
        (["--song", DEMO_TITLE, "songs"], "--screenshot and --song open the window"),
    ],
)
def test_usage_errors_are_one_line(cli, capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        cli(*args)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_usage_error_output_is_one_line(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "lyricpad",
            "--library",
            str(tmp_path / "l.sqlite"),
            "annotate",
            "x",
            "--lines",
            "0",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "lines count from 1" in result.stderr
    assert not (tmp_path / "l.sqlite").exists()  # refused before the library was touched


def test_not_a_library_is_refused_with_bytes_unchanged(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("my notes, not a database\n" * 10)
    before = path.read_bytes()
    result = subprocess.run(
        [lyricpad_executable(), "--library", str(path), "songs"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"lyricpad: error: {path} is not a lyricpad library: it is a text file, not an SQLite database"
    )
    assert path.read_bytes() == before


def test_piping_into_a_closed_reader_is_quiet(library_path):
    Library.open(library_path).close()
    result = subprocess.run(
        f"'{sys.executable}' -m lyricpad --library '{library_path}' show '{DEMO_TITLE}' | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == f"{DEMO_TITLE} — The Hollow Pines"
    assert "Traceback" not in result.stderr


def test_annotate_and_annotations_text_output(cli):
    code, out, err = cli(
        "annotate",
        DEMO_TITLE,
        "--quote",
        "silent boats",
        "--lens",
        "Imagery",
        "--note",
        "Boats *asleep*\nsecond line",
        "--tag",
        "dusk",
    )
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f"Annotated the lyrics of {DEMO_TITLE} — The Hollow Pines:",
        next(line for line in out.splitlines() if line.startswith("line 3 ")),
        "  “silent boats”",
        "  Boats *asleep*",
        "  #dusk",
    ]
    assert "Imagery" in out.splitlines()[1]
    code, out, _ = cli("annotations", DEMO_TITLE)
    lines = out.splitlines()
    assert lines[0] == f"{DEMO_TITLE} — The Hollow Pines: 7 annotation(s)"
    assert lines.index("Lyrics") < lines.index(f"Article: {DEMO_ARTICLE_TITLE}")
    assert "  “silent boats”" in lines


def test_lenses_text_output(cli):
    code, out, _ = cli("lenses")
    assert out.splitlines()[0] == "1  #d4a017  Theme"


def test_ambiguous_song_title(cli, library_path):
    with Library.open(library_path) as lib:
        lib.songs.add(DEMO_TITLE, artist="Someone Else")
    code, _, err = cli("show", DEMO_TITLE)
    assert code == 1 and f"'{DEMO_TITLE}' matches 2 songs" in err and err.count("\n") == 1


def test_trash_option_lists_deleted_annotations(cli_json, library_path):
    first = cli_json("annotations", DEMO_TITLE)[0]
    with Library.open(library_path) as lib:
        lib.annotations.set_deleted(first["id"])
    assert first["id"] not in [a["id"] for a in cli_json("annotations", DEMO_TITLE)]
    trashed = [a for a in cli_json("annotations", DEMO_TITLE, "--trash") if a["id"] == first["id"]]
    assert trashed[0]["deleted"] is True


@pytest.mark.parametrize("args", [["--library", ""], []])
def test_empty_library_option_is_refused(capsys, args, monkeypatch):
    monkeypatch.setenv("LYRICPAD_LIBRARY", "")  # an empty variable counts as unset
    code = main([*args, "songs"])
    err = capsys.readouterr().err
    if args:
        assert code == 1 and "--library needs the path" in err
    else:
        assert code == 0 and err == ""


def test_newer_library_is_read_only_for_the_cli(library_path, cli):
    import sqlite3

    Library.open(library_path).close()
    conn = sqlite3.connect(library_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = library_path.read_bytes()
    code, out, err = cli("songs")  # reading works, with a note
    assert code == 0 and DEMO_TITLE in out
    assert "newer lyricpad" in err and "read-only" in err and err.count("\n") == 1
    code, out, err = cli("annotate", DEMO_TITLE, "--lines", "2", "--note", "x")
    assert code == 1 and out == "" and "nothing was changed" in err and err.count("\n") == 1
    assert library_path.read_bytes() == before


def test_arguments_that_are_not_utf8_are_refused(tmp_path):
    result = subprocess.run(
        [
            lyricpad_executable().encode(),
            b"--library",
            str(tmp_path / "l.sqlite").encode(),
            b"show",
            b"\xff\xfe",
        ],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count(b"\n") == 1 and b"not valid UTF-8" in result.stderr


def test_delete_and_restore(cli, cli_json):
    target = cli_json("annotations", DEMO_TITLE)[0]
    deleted = cli_json("delete", target["id"][:8])
    assert deleted["id"] == target["id"] and deleted["deleted"] is True
    assert target["id"] not in [a["id"] for a in cli_json("annotations", DEMO_TITLE)]
    code, out, _ = cli("restore", target["id"])
    assert code == 0 and out.startswith("Restored in ")
    assert target["id"] in [a["id"] for a in cli_json("annotations", DEMO_TITLE)]
    code, _, err = cli("delete", "zzzzzzzz")
    assert code == 1 and "no annotation matches 'zzzzzzzz'" in err


@pytest.mark.parametrize("lens_ref", ["2", "IMAGERY", "imagery"])
def test_lens_by_number_or_name(cli_json, lens_ref):
    assert cli_json("annotate", DEMO_TITLE, "--lines", "4", "--lens", lens_ref)["lens"] == "Imagery"


def test_lens_by_id_prefix(cli_json):
    lens = cli_json("lenses")[3]
    assert cli_json("annotate", DEMO_TITLE, "--lines", "4", "--lens", lens["id"][:6])["lens_id"] == lens["id"]


def test_titles_match_and_sort_in_any_script(cli, cli_json, library_path):
    with Library.open(library_path) as lib:
        lib.songs.add("Éclair", artist="Ünder")
        lib.songs.add("Zebra Crossing")
    assert cli_json("show", "ÉCLAIR")["title"] == "Éclair"
    assert [s["title"] for s in cli_json("songs")] == ["Éclair", DEMO_TITLE, "Zebra Crossing"]


def test_a_repeated_quote_says_which_occurrence_it_took(cli):
    code, out, _ = cli("annotate", DEMO_TITLE, "--quote", "every tide turns back")
    assert code == 0 and "(occurrence 1 of 2;" in out


def test_show_numbers_article_lines_as_annotate_counts_them(cli, cli_json):
    code, out, _ = cli("show", DEMO_TITLE)
    article_lines = out.split("== Article:")[1].splitlines()
    (line_10,) = [line for line in article_lines if line.startswith("10  ")]
    made = cli_json("annotate", DEMO_TITLE, "--article", DEMO_ARTICLE_TITLE, "--lines", "10")
    assert made["quote"] == line_10[4:]


def test_output_to_a_full_disk_is_a_readable_error(library_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    Library.open(library_path).close()
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "lyricpad", "--library", str(library_path), "show", DEMO_TITLE],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.strip() == "lyricpad: error: cannot write the output: No space left on device"


def test_unknown_home_folder_is_a_readable_error(cli):
    code, _, err = cli("songs", library="~no-such-user-here/lib.sqlite")
    assert code == 1 and "cannot find the home folder" in err
