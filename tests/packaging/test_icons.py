"""The icons shipped in the package are the SVG master drawn now: none can go stale (scripts/icons)."""

import pytest
from packaging_testing import ROOT
from PySide6.QtGui import QImage

from lyricpad import APP_ID
from lyricpad.app.app_icon import ICON_SIZES, app_icon, png_icon_path, render_icon, svg_icon_path

MASTER = ROOT / "resources" / "icons" / f"{APP_ID}.svg"


def test_package_svg_is_the_master():
    assert svg_icon_path().read_bytes() == MASTER.read_bytes()


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_is_the_svg_drawn_at_its_size(qapp, size):
    shipped = QImage(str(png_icon_path(size)))
    assert (shipped.width(), shipped.height()) == (size, size)
    drawn = render_icon(MASTER, size).convertToFormat(QImage.Format.Format_ARGB32)
    shipped = shipped.convertToFormat(QImage.Format.Format_ARGB32)
    worst = 0
    for y in range(size):
        for x in range(size):
            a, b = drawn.pixel(x, y), shipped.pixel(x, y)
            worst = max(worst, *(abs((a >> s & 255) - (b >> s & 255)) for s in (0, 8, 16, 24)))
    assert worst <= 8, f"{png_icon_path(size)} differs from the SVG (by {worst}/255): run scripts/icons"


def test_window_icon_has_every_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= set(ICON_SIZES)
