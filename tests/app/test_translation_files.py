"""The translations shipped are the translations of the strings the window has now."""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "resources" / "translations"


def test_the_translations_are_up_to_date_with_the_code():
    """scripts/translations --check: every string of the window is in each .ts, and each .qm is its .ts compiled."""
    result = subprocess.run(
        [str(ROOT / "scripts" / "translations"), "--check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def unfinished(language: str) -> list[str]:
    root = ElementTree.parse(SOURCES / f"lyricpad_{language}.ts").getroot()
    missing = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not (
                (translation.text or "").strip() or list(translation)
            ):
                missing.append(f"{context.findtext('name')}: {message.findtext('source')!r}")
    return missing


def test_german_is_complete():
    """German is offered in Settings: a string added or changed since needs its German too (pyside6-linguist)."""
    assert unfinished("de") == []


def test_english_has_both_forms_of_every_count():
    root = ElementTree.parse(SOURCES / "lyricpad_en.ts").getroot()
    counts = [m for m in root.iter("message") if m.get("numerus") == "yes"]
    assert counts, "the window has counts"
    for message in counts:
        forms = [form.text for form in message.find("translation")]
        assert len(forms) == 2 and all(forms) and forms[0] != forms[1], message.findtext("source")
        assert "(s)" not in forms[0] + forms[1]
