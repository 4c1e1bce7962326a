"""CLI: translate names a FILE that is not there, and changes nothing."""

from lyricpad.core.store import Library


def test_a_missing_file_is_named(cli, library_path, tmp_path):
    with Library.open(library_path, seed_demo=False) as lib:
        song = lib.songs.add("Lantern", lyrics="The lantern\non the water")
    missing = tmp_path / "missing.txt"
    code, _out, err = cli("translate", "Lantern", missing)
    assert code != 0
    assert f"there is no file {missing}" in err and "nothing was changed" in err
    with Library.open(library_path) as lib:
        assert lib.translations.get(song.id) is None
