"""Paths the packaging tests share: the checkout and the package's desktop files."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "lyricpad" / "desktop"
