"""CLI: edit-lyrics, edit-article and accept (re-anchoring), import, and `lyricpad FILE...`."""

from pathlib import Path

import pytest
from cli_testing import data_dump

from lyricpad.command_line import parse_arguments
from lyricpad.core.demo import DEMO_TITLE

IMPORT_DATA = Path(__file__).parent / "data" / "import"
LRC = IMPORT_DATA / "The Hollow Pines - Lanterns on the Water.lrc"


@pytest.fixture
def demo_lyrics(cli_json) -> str:
    return cli_json("show", DEMO_TITLE)["lyrics"]


def test_edit_lyrics_reports_and_stores_each_status(cli, cli_json, demo_lyrics, tmp_path):
    edited = demo_lyrics.replace("The harbour lights are folding", "The harbor lights are folding")
    edited = edited.replace("I learned the names of stars you gave away\n", "")
    new = tmp_path / "new.txt"
    new.write_text("Inserted first line\n" + edited, encoding="utf-8")
    assert cli_json("edit-lyrics", DEMO_TITLE, new) == {"anchored": 2, "needs_review": 1, "orphaned": 1}

    by_quote = {a["quote"]: a for a in cli_json("annotations", DEMO_TITLE)}
    review = by_quote["The harbour lights are folding up their wings,"]
    assert review["status"] == "needs_review"
    assert (review["line_start"], review["proposed_line_start"], review["proposed_line_end"]) == (2, 3, 3)
    orphan = by_quote["I learned the names of stars you gave away"]
    assert orphan["status"] == "orphaned" and orphan["note"] and orphan["proposed_line_start"] is None
    chorus = by_quote["So light a lantern, set it on the water,"]
    assert chorus["status"] == "anchored" and chorus["line_start"] == 9  # moved down by the new line
    assert len(chorus["fragments"]) == 3

    code, out, _ = cli("edit-lyrics", DEMO_TITLE, new)  # the same text again: nothing changes
    assert code == 0 and "2 anchored, 1 need review, 1 orphaned" in out
    assert "(proposed: line 3)" in out

    accepted = cli_json("accept", review["id"][:8])
    assert (accepted["status"], accepted["quote"]) == (
        "anchored",
        "The harbor lights are folding up their wings,",
    )
    assert accepted["line_start"] == 3


def test_edit_lyrics_with_an_lrc_file_keeps_its_times(cli_json, tmp_path):
    cli_json("edit-lyrics", DEMO_TITLE, LRC)
    song = cli_json("show", DEMO_TITLE)
    assert song["lyrics_format"] == "lrc" and "[0" not in song["lyrics"]
    assert any(song["line_times"]) and song["lrc_tags"]["ti"] == "Lanterns on the Water"


def test_edit_article_reanchors_article_annotations(cli_json, tmp_path):
    song = cli_json("show", DEMO_TITLE)
    article = song["articles"][0]
    body = article["body"] + "\n\nA closing paragraph added later.\n"
    path = tmp_path / "article.md"
    path.write_text("A new opening paragraph.\n\n" + body, encoding="utf-8")
    counts = cli_json("edit-article", article["id"][:8], path)
    assert counts == {"anchored": 2, "needs_review": 0, "orphaned": 0}
    assert cli_json("show", DEMO_TITLE)["articles"][0]["body"].startswith("A new opening paragraph.")


@pytest.mark.parametrize(
    "args, message",
    [
        (["edit-lyrics", DEMO_TITLE, IMPORT_DATA / "binary.txt"], "binary"),
        (["edit-lyrics", DEMO_TITLE, IMPORT_DATA / "empty.txt"], "empty"),
        (["edit-lyrics", DEMO_TITLE, "/no/such/file.txt"], "file.txt"),
        (["edit-lyrics", "No such song", IMPORT_DATA / "sections.txt"], "no song"),
        (
            ["edit-lyrics", DEMO_TITLE, IMPORT_DATA / "sections.txt", "--encoding", "nonsense-42"],
            "nonsense-42",
        ),
        (["edit-article", "zzzz", IMPORT_DATA / "article.md"], "article"),
        (["accept", "zzzz"], "no annotation"),
        (["import", IMPORT_DATA / "latin1.txt"], "--as lyrics or --as article"),  # prose: could be either
        (["import", IMPORT_DATA / "article.md"], "--song"),
        (["import", LRC, IMPORT_DATA / "binary.txt", "--as", "lyrics"], "binary"),  # all or nothing
        (["import", LRC, LRC, "--title", "T"], "one file"),
        (["import", IMPORT_DATA / "page.html", "--as", "lyrics"], "cannot be imported as lyrics"),
    ],
)
def test_bad_edits_and_imports_change_nothing(cli, library_path, args, message):
    cli("songs")  # create the library
    before = data_dump(library_path)
    code, out, err = cli(*args)
    assert code == 1 and out == ""
    assert message in err and err.count("\n") == 1
    assert data_dump(library_path) == before


def test_accept_refuses_an_anchored_annotation(cli, cli_json):
    first = cli_json("annotations", DEMO_TITLE)[0]
    code, _, err = cli("accept", first["id"])
    assert code == 1 and "anchored: there is no proposed place" in err


def test_import_lrc_makes_a_song_with_times_and_tags(cli_json):
    (result,) = cli_json("import", LRC)
    assert result["kind"] == "lyrics" and result["format"] == "lrc" and result["encoding"]
    song = cli_json("show", result["id"])
    assert (song["title"], song["artist"]) == ("Lanterns on the Water", "The Hollow Pines")
    assert song["lyrics_format"] == "lrc" and len(song["line_times"]) == song["line_count"]
    assert "[" not in song["lyrics"].split("\n")[0]


def test_import_articles_into_a_song_with_and_without_clean(cli, cli_json, demo_lyrics):
    pasted = IMPORT_DATA / "pasted.txt"
    (kept,) = cli_json("import", pasted, "--as", "article", "--song", DEMO_TITLE)
    assert kept["furniture_removed"] == [] and kept["furniture_suggested"]
    (clean,) = cli_json("import", pasted, "--as", "article", "--song", DEMO_TITLE, "--clean")
    removed = clean["furniture_removed"]
    assert removed and clean["furniture_suggested"] == []
    articles = {a["id"]: a for a in cli_json("show", DEMO_TITLE)["articles"]}
    clean_body = articles[clean["id"]]["body"]
    assert all(item["text"] not in clean_body.split("\n") for item in removed)
    assert len(articles[kept["id"]]["body"]) > len(clean_body)
    code, out, _ = cli("import", pasted, "--as", "article", "--song", DEMO_TITLE, "--clean")
    assert code == 0 and "removed line" in out


def test_import_html_keeps_no_script(cli_json, no_network):
    (result,) = cli_json("import", IMPORT_DATA / "hostile.html", "--song", DEMO_TITLE)
    body = next(a for a in cli_json("show", DEMO_TITLE)["articles"] if a["id"] == result["id"])["body"]
    lowered = body.lower()
    assert body.strip() and "<script" not in lowered and "javascript:" not in lowered
    assert "onerror" not in lowered and "http://" not in lowered.replace("](http", "")


def test_no_network_fixture_blocks_connections(no_network):
    import socket

    with pytest.raises(AssertionError, match="network"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(AssertionError, match="network"):
        socket.socket().connect(("127.0.0.1", 9))


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["songs"], ("songs", [], None, None)),
        (["a.txt", "b.lrc"], (None, ["a.txt", "b.lrc"], None, None)),
        (["--library", "x.sqlite", "a.txt", "--song", "S"], (None, ["a.txt"], "x.sqlite", "S")),
        (["--song", "songs.txt"], (None, [], None, "songs.txt")),  # an option's value is not a file
        (["--", "songs"], (None, ["songs"], None, None)),
        ([], (None, [], None, None)),
    ],
)
def test_files_are_told_from_commands_and_options(argv, expected):
    args = parse_arguments(argv)
    assert (args.command, args.files, args.library, args.song) == expected


@pytest.mark.parametrize(
    "argv, expected",
    [
        # What the parser knows takes a value is never a file, nor a command, whatever it looks like.
        (["--screenshot", "songs"], (None, [], None, None)),
        (["--library", "show", "a.txt"], (None, ["a.txt"], "show", None)),
        (["--library=x.sqlite", "a.txt"], (None, ["a.txt"], "x.sqlite", None)),
        (["--lib", "x.sqlite", "a.txt"], (None, ["a.txt"], "x.sqlite", None)),  # as argparse abbreviates
        # Once files have begun, a command's name is a file, and options still count.
        (["a.txt", "songs"], (None, ["a.txt", "songs"], None, None)),
        (["a.txt", "--song", "S", "b.lrc"], (None, ["a.txt", "b.lrc"], None, "S")),
        # After `--` everything is a file, even what looks like an option or a second `--`.
        (["--", "-odd-name.txt"], (None, ["-odd-name.txt"], None, None)),
        (["a.txt", "--", "--song", "b.txt"], (None, ["a.txt", "--song", "b.txt"], None, None)),
        (["--", "--", "a.txt"], (None, ["--", "a.txt"], None, None)),
        (["--library", "x.sqlite", "--", "songs"], (None, ["songs"], "x.sqlite", None)),
        # A command's own options are the command's, even those named like the window's.
        (["--library", "x.sqlite", "songs", "--json"], ("songs", [], "x.sqlite", None)),
        (["import", "x.lrc", "--song", "S"], ("import", [], None, None)),
    ],
)
def test_files_options_values_and_dashes(argv, expected):
    args = parse_arguments(argv)
    assert (args.command, args.files, args.library, args.song) == expected


def test_a_command_keeps_its_own_song_option():
    args = parse_arguments(["import", "x.lrc", "--song", "S"])
    assert (args.paths, args.song_ref, args.song) == (["x.lrc"], "S", None)


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ["songs", "--song", "x"],
            "unrecognized arguments: --song x",
        ),  # the window's option, after a command
        (["songs", "--song"], "unrecognized arguments: --song"),
        (["a.txt", "--song"], "argument --song: expected one argument"),
        (["--song", "--", "a.txt"], "argument --song: expected one argument"),  # `--` is never a value
        (["songs", "--", "x"], "unrecognized arguments: -- x"),
        (["--json", "a.txt"], "unrecognized arguments: --json"),
    ],
)
def test_misplaced_options_are_usage_errors(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        parse_arguments(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


@pytest.mark.parametrize("argv", [["--help", "a.txt"], ["a.txt", "-h"], ["--help", "--song"]])
def test_help_among_files_is_the_whole_help(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        parse_arguments(argv)
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: lyricpad ") and "edit-lyrics" in out and "--screenshot PNG" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["a.txt", "songs"], "invalid choice: 'songs' is neither a command"),
        (["--", "songs"], "invalid choice: 'songs' is neither a command"),
        (["frobnicate"], "invalid choice: 'frobnicate' is neither a command"),
    ],
)
def test_a_file_named_like_nothing_is_taken_for_a_mistyped_command(
    argv, message, tmp_path, monkeypatch, cli, capsys
):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        cli(*argv)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_files_do_not_go_with_screenshot(cli, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        cli("--screenshot", tmp_path / "x.png", LRC)
    assert exit_info.value.code == 2
