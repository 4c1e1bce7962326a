"""CLI: notes on a song's translation (annotate --translation), listed and shown under the translation."""

import pytest
from library_testing import add_translated_song

from lyricpad.core.store import Library


@pytest.fixture
def song(library_path):
    with Library.open(library_path, seed_demo=False) as lib:
        return add_translated_song(lib, artist="Wren")


def test_annotate_translation_lines_and_list_them_under_the_translation(cli, cli_json, song):
    made = cli_json("annotate", "Lantern", "--translation", "--lines", "3", "--note", "Wasser: water")
    assert (made["target"], made["quote"], made["article_id"]) == ("translation", "auf dem Wasser", None)
    code, out, _ = cli("annotations", "Lantern")
    assert code == 0 and "\nTranslation (German)\n" in out and "auf dem Wasser" in out
    code, out, _ = cli("show", "Lantern")
    assert "== Translation (German)" in out and "3  auf dem Wasser" in out
    assert cli_json("show", "Lantern")["translation"]["language"] == "de"
    hits = cli_json("search", "Wasser", "--pane", "translation")
    assert made["id"] in {h["annotation_id"] for h in hits}
    assert {h["kind"] for h in hits} <= {"quote", "note", "translation"}


def test_annotate_a_quote_of_the_translation(cli_json, song):
    made = cli_json("annotate", "Lantern", "--translation", "--quote", "Laterne")
    assert (made["quote"], made["fragments"][0]["line_start"]) == ("Laterne", 2)


def test_annotate_translation_and_article_at_once_or_without_a_translation_is_refused(
    cli, song, library_path
):
    code, _, err = cli("annotate", "Lantern", "--translation", "--article", "x", "--lines", "2")
    assert code != 0 and "not both" in err
    with Library.open(library_path) as lib:
        lib.translations.remove(song.id)
    code, _, err = cli("annotate", "Lantern", "--translation", "--lines", "2")
    assert code != 0 and "no translation" in err
