"""The application's icon: the SVG master and its PNG sizes, shipped in lyricpad/desktop/icons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage, QPainter

from lyricpad import APP_ID

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The PNG sizes drawn from the SVG (hicolor's usual ones), for desktops that do not scale SVG."""

ICONS_DIR = Path(__file__).resolve().parent.parent / "desktop" / "icons"
"""The icons as package data, laid out like a hicolor theme: scalable/apps/ and NxN/apps/."""


def svg_icon_path() -> Path:
    """The scalable icon inside the package."""
    return ICONS_DIR / "scalable" / "apps" / f"{APP_ID}.svg"


def png_icon_path(size: int) -> Path:
    """The PNG of *size* pixels inside the package."""
    return ICONS_DIR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render_icon(svg: Path, size: int) -> QImage:
    """The SVG file *svg* drawn on a transparent square of *size* pixels."""
    from PySide6.QtSvg import QSvgRenderer  # for drawing the PNGs (scripts/icons): not loaded at start

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG image Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def app_icon() -> QIcon:
    """The window's icon: every PNG size, and the SVG for any other size (empty if none is installed)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = png_icon_path(size)
        if path.is_file():
            icon.addFile(str(path))
    if svg_icon_path().is_file():
        icon.addFile(str(svg_icon_path()))
    return icon
