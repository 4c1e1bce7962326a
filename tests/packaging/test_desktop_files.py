"""The desktop files validate with the freedesktop tools, and the mime package gives .lrc its type."""

import subprocess

import pytest
from packaging_testing import DESKTOP, ROOT

from lyricpad import APP_ID

DESKTOP_FILES = [f"{APP_ID}.desktop", f"{APP_ID}.url-handler.desktop"]


def _entries(name: str) -> dict[str, str]:
    """The keys of the [Desktop Entry] group."""
    entries, group = {}, None
    for line in (DESKTOP / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            group = line
        elif "=" in line and group == "[Desktop Entry]":
            key, value = line.split("=", 1)
            entries[key] = value
    return entries


@pytest.mark.parametrize("name", DESKTOP_FILES)
def test_desktop_file_validates_without_a_word(tool, name):
    done = subprocess.run(
        [tool("desktop-file-validate"), str(DESKTOP / name)], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr


def test_menu_entry_opens_files_and_has_the_app_id_icon():
    entry = _entries(DESKTOP_FILES[0])
    assert entry["Exec"] == "lyricpad %F"
    assert entry["Icon"] == APP_ID
    # not text/plain: a user's .desktop listing it could become the default for every .txt file
    assert entry["MimeType"] == "text/x-lrc;"
    assert entry["StartupWMClass"] == "lyricpad"  # Qt's WM_CLASS class: the application name
    assert entry["Actions"] == "new-song;import;"


def test_url_handler_takes_lyricpad_links():
    entry = _entries(DESKTOP_FILES[1])
    assert (entry["Exec"], entry["NoDisplay"], entry["MimeType"]) == (
        "lyricpad %u",
        "true",
        "x-scheme-handler/lyricpad;",
    )


def test_metainfo_validates_without_errors_or_warnings(tool):
    path = DESKTOP / f"{APP_ID}.metainfo.xml"
    done = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", "--pedantic", str(path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    found = [line for line in done.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert found == [], done.stdout


def test_metainfo_screenshots_are_in_the_repository_at_their_stated_size():
    from xml.etree import ElementTree

    tree = ElementTree.parse(DESKTOP / f"{APP_ID}.metainfo.xml")
    images = tree.findall("./screenshots/screenshot/image")
    assert images
    for image in images:
        name = image.text.rsplit("/packaging/screenshots/", 1)[1]
        png = (ROOT / "packaging" / "screenshots" / name).read_bytes()
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")  # IHDR
        assert (width, height) == (int(image.get("width")), int(image.get("height")))
        assert width * 9 == height * 16  # 16:9, as AppStream asks


def test_lrc_files_get_the_lrc_type_from_the_mime_package(tool, tmp_path):
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    (packages / f"{APP_ID}.xml").write_bytes((DESKTOP / f"{APP_ID}.xml").read_bytes())
    subprocess.run([tool("update-mime-database"), str(tmp_path / "mime")], check=True, capture_output=True)
    globs = (tmp_path / "mime" / "globs2").read_text().splitlines()
    assert any(line.split(":")[1:] == ["text/x-lrc", "*.lrc"] for line in globs), globs
    subclasses = (tmp_path / "mime" / "subclasses").read_text().splitlines()
    assert "text/x-lrc text/plain" in subclasses


def test_packaging_linux_is_the_package_folder():
    link = ROOT / "packaging" / "linux"
    assert link.is_symlink() and not link.readlink().is_absolute()
    assert link.resolve() == DESKTOP
