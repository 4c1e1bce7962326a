"""CLI: translate stores a song's translation from a file, refuses to overwrite one unless told, removes it."""

import pytest

from lyricpad.core.store import Library

LYRICS = "[Verse]\nThe lantern\non the water\n\n[Chorus]\nHold on"


@pytest.fixture
def song(library_path):
    with Library.open(library_path, seed_demo=False) as lib:
        return lib.songs.add(
            "Lantern", artist="Wren", lyrics=LYRICS, line_times=[None, [1000], [2500], None, None, [4000]]
        )


def stored(library_path, song):
    with Library.open(library_path) as lib:
        return lib.translations.get(song.id)


def test_translate_stores_and_says_what(cli, song, library_path, tmp_path):
    path = tmp_path / "de.txt"
    path.write_text("Die Laterne\nauf dem Wasser\nHalt fest\n", encoding="utf-8")
    code, out, err = cli("translate", "Lantern", path, "--language", "de")
    assert (code, err) == (0, "")
    assert out.startswith("Stored a German translation of 6 lines for “Lantern — Wren”.")
    assert stored(library_path, song).lines == ["", "Die Laterne", "auf dem Wasser", "", "", "Halt fest"]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("xx", "Stored a translation in language 'xx' of 6 lines"),  # a code lyricpad has no name for
        ("gd", "Stored a translation in language 'gd' of 6 lines"),
        ("pt-BR", "Stored a Portuguese translation of 6 lines"),
        ("Deutsch", "Stored a German translation of 6 lines"),
    ],
)
def test_the_language_is_named_plainly(cli, song, tmp_path, language, said):
    path = tmp_path / "tr.txt"
    path.write_text("Die Laterne\nauf dem Wasser\nHalt fest\n", encoding="utf-8")
    code, out, err = cli("translate", "Lantern", path, "--language", language)
    assert (code, err) == (0, "") and out.startswith(said)


@pytest.mark.parametrize("language", ["Germna", "the German one", "12"])
def test_a_language_that_is_neither_name_nor_code_is_refused(cli, song, library_path, tmp_path, language):
    path = tmp_path / "tr.txt"
    path.write_text("Die Laterne\nauf dem Wasser\nHalt fest\n", encoding="utf-8")
    code, _out, err = cli("translate", "Lantern", path, "--language", language)
    assert code != 0 and f"--language {language!r} is not a language" in err and "nothing was changed" in err
    assert stored(library_path, song) is None


def test_an_lrc_translation_takes_its_language_from_its_tags(cli_json, song, tmp_path):
    path = tmp_path / "tr.lrc"
    path.write_text(
        "[00:01.00]The lantern\n[tr:fr]La lanterne\n[00:02.50]on the water\n[tr:fr]sur l'eau\n"
        "[00:04.00]Hold on\n[tr:fr]Tiens bon",
        encoding="utf-8",
    )
    data = cli_json("translate", "Lantern", path)
    assert (data["language"], data["kind"], data["translated"]) == ("fr", "lrc", 3)


def test_an_existing_translation_is_kept_unless_replace(cli, song, library_path, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Die Laterne\nauf dem Wasser\nHalt fest", encoding="utf-8")
    second.write_text("La lanterne\nsur l'eau\nTiens bon", encoding="utf-8")
    assert cli("translate", "Lantern", first, "--language", "German")[0] == 0
    code, _out, err = cli("translate", "Lantern", second)
    assert code != 0 and "has a German translation already; nothing was changed" in err and "--replace" in err
    assert stored(library_path, song).lines[1] == "Die Laterne"
    code, out, _err = cli("translate", "Lantern", second, "--replace", "--language", "fr")
    assert code == 0 and out.startswith("Replaced the translation with a French translation of 6 lines")
    assert stored(library_path, song).lines[1] == "La lanterne"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
        (b"Die Laterne\n\nauf dem Wasser\nHalt fest\nmehr\nnoch", "does not follow the lines of the lyrics"),
    ],
    ids=["binary", "misaligned"],
)
def test_a_file_that_cannot_be_a_translation_changes_nothing(
    cli, song, library_path, tmp_path, content, said
):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = cli("translate", "Lantern", path)
    assert code != 0 and out == "" and said in err and err.count("\n") == 1
    assert stored(library_path, song) is None


def test_remove(cli, song, library_path, tmp_path):
    path = tmp_path / "de.txt"
    path.write_text("Die Laterne\nauf dem Wasser\nHalt fest", encoding="utf-8")
    cli("translate", "Lantern", path)
    assert cli("translate", "Lantern", "--remove")[1] == "Removed the translation of “Lantern — Wren”.\n"
    assert stored(library_path, song) is None
    code, _out, err = cli("translate", "Lantern", "--remove")
    assert code != 0 and "has no translation; nothing was changed" in err
