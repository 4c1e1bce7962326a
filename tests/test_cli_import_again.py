"""CLI import, issue 17: the same lyrics twice are refused unless --again; line counts; authors and sources of articles."""

import json
from pathlib import Path

from cli_testing import data_dump

from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library

IMPORT_DATA = Path(__file__).parent / "data" / "import"
LRC = IMPORT_DATA / "The Hollow Pines - Lanterns on the Water.lrc"


def _songs(library_path) -> list:
    with Library.open(library_path) as library:
        return library.songs.all()


def test_importing_the_same_file_twice_is_refused_unless_again(cli, library_path):
    code, out, err = cli("import", LRC)
    assert code == 0, err
    assert "Imported" in out
    before = data_dump(library_path)

    code, out, err = cli("import", LRC)

    assert code != 0 and out == ""
    existing = next(s for s in _songs(library_path) if s.lyrics_format == "lrc")
    assert (
        f"the library already has “Lanterns on the Water” by The Hollow Pines ({existing.id[:8]}) with the "
        in err
    )
    assert f"same lyrics as “{LRC}”: nothing was imported" in err
    assert existing.id[:8] in err and "--again" in err
    assert data_dump(library_path) == before  # nothing written

    code, out, err = cli("import", LRC, "--again")
    assert code == 0, err
    assert [s.title for s in _songs(library_path) if s.lyrics_format == "lrc"] == [
        "Lanterns on the Water"
    ] * 2


def test_a_duplicate_in_a_batch_imports_nothing_of_it(cli, library, library_path, tmp_path):
    first = tmp_path / "Wren Alder - Night Ferry.txt"
    first.write_text("The ferry leaves at nine\nAnd nobody waves\n", encoding="utf-8")
    copy = tmp_path / "copy" / first.name
    copy.parent.mkdir()
    copy.write_bytes(first.read_bytes().replace(b"\n", b"\r\n"))  # the same lyrics, saved elsewhere
    before = data_dump(library_path)

    code, _out, err = cli("import", first, copy, "--as", "lyrics")

    assert code != 0 and "the library already has “Night Ferry” by Wren Alder (" in err
    assert data_dump(library_path) == before  # all files or none
    assert cli("import", first, copy, "--as", "lyrics", "--again")[0] == 0
    assert [s.title for s in _songs(library_path)].count("Night Ferry") == 2


def test_another_title_or_other_lyrics_are_no_duplicate(cli, library_path):
    # The demo song has the title "Lanterns on the Water" with other lyrics: no duplicate.
    assert cli("import", LRC)[0] == 0
    assert cli("import", LRC, "--title", "Lanterns (live)")[0] == 0


def test_again_does_not_apply_to_a_json_merge(cli, tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{}", encoding="utf-8")
    code, _out, err = cli("import", path, "--again")
    assert code != 0 and "--again" in err and "do not apply" in err


def test_a_300_line_file_with_a_final_newline_is_300_lines(cli, library_path, tmp_path):
    path = tmp_path / "Wren Alder - Long.txt"
    path.write_text("".join(f"line {n}\n" for n in range(1, 301)), encoding="utf-8")

    code, out, err = cli("import", path, "--as", "lyrics")

    assert code == 0, err
    assert "300 lines" in out and "301" not in out
    code, out, _ = cli("show", "Long", "--json")
    song = json.loads(out)
    assert song["line_count"] == 300 and song["lyrics"].endswith("line 300")


def test_edit_lyrics_from_a_file_with_a_final_newline_adds_no_line(cli, library_path, tmp_path):
    path = tmp_path / "new.txt"
    path.write_text("one\ntwo\nthree\n", encoding="utf-8")
    assert cli("edit-lyrics", DEMO_TITLE, path)[0] == 0
    code, out, _ = cli("show", DEMO_TITLE, "--json")
    assert json.loads(out)["line_count"] == 3
    path.write_text("one\ntwo\nthree\n\n", encoding="utf-8")  # a blank last line the file really has
    assert cli("edit-lyrics", DEMO_TITLE, path)[0] == 0
    assert json.loads(cli("show", DEMO_TITLE, "--json")[1])["line_count"] == 4


def test_an_imported_article_takes_its_author_from_front_matter_and_never_its_file_name(cli, library_path):
    code, out, err = cli(
        "import", IMPORT_DATA / "scraped_article.md", "--song", DEMO_TITLE, "--clean", "--json"
    )
    assert code == 0, err
    result = json.loads(out)[0]
    assert result["title"] == "Why the ferry never leaves"
    assert [item["rule"] for item in result["furniture_removed"]] == [
        "repeated title",
        "related link",
        "related link",
        "button",
    ]
    for name, author, source in (
        ("scraped_article.md", "Jo Writer", "https://harbour-notes.example/why-the-ferry"),
        ("article.md", "", ""),
        ("byline_article.md", "Ivo Marsh", ""),
    ):
        if name != "scraped_article.md":
            assert cli("import", IMPORT_DATA / name, "--song", DEMO_TITLE)[0] == 0
        with Library.open(library_path) as library:
            song = library.songs.resolve(DEMO_TITLE)
            article = library.articles.for_song(song.id)[-1]
        assert (article.author, article.source) == (author, source), name
        assert name not in (article.author, article.source)
    assert article.body.rstrip().endswith("and nobody counting them.")
