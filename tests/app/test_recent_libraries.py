"""The libraries the window opened lately, kept in the settings for lyricpad:// links: most recent first, capped."""

import os

from lyricpad.app.settings import RECENT_LIBRARIES_KEPT, open_qsettings, recent_libraries, remember_library


def test_the_list_is_most_recent_first_without_repeats_and_capped(tmp_path):
    assert recent_libraries() == []
    folder = os.path.realpath(tmp_path)
    paths = [os.path.join(folder, f"lib{n}.sqlite") for n in range(RECENT_LIBRARIES_KEPT + 2)]
    for path in paths:
        remember_library(path)
    assert RECENT_LIBRARIES_KEPT == 10
    assert recent_libraries() == paths[::-1][:10]  # the two oldest forgotten
    assert len(open_qsettings().value("library/recent")) == 10  # in the file too
    remember_library(paths[5])  # opened again: moved to the front, not added twice
    assert recent_libraries() == [paths[5], *(p for p in paths[::-1][:10] if p != paths[5])]


def test_a_path_is_kept_as_the_file_it_names_and_one_alone_reads_back_as_a_list(tmp_path):
    real = os.path.realpath(tmp_path) + "/real.sqlite"
    link = tmp_path / "link.sqlite"
    os.symlink(real, link)
    remember_library(link)
    assert recent_libraries() == [real]
    remember_library(real)
    assert recent_libraries() == [real]


def test_a_damaged_list_in_the_file_reads_as_what_is_usable(tmp_path):
    settings = open_qsettings()
    settings.setValue("library/recent", 7)
    settings.sync()
    assert recent_libraries() == []
    settings.setValue("library/recent", ["", " ", "/a.sqlite", "/a.sqlite", "/b.sqlite"])
    settings.sync()
    assert recent_libraries() == ["/a.sqlite", "/b.sqlite"]
