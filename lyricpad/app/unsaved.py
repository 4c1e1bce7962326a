"""What a change not saved carries (`Pending`, its `Draft`), and the Markdown copy of them; `safekeeping` keeps them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from lyricpad.app.commands import StateCommand


@dataclass(frozen=True)
class Draft:
    """What a change carries that the user typed, for a copy: a heading and the text (Markdown)."""

    key: tuple[str, str]
    """What it is about, e.g. ("note", annotation id): a later draft of the same key replaces it."""
    heading: str
    body: str
    language: str = "markdown"
    """What the body is ("markdown" for notes and articles, "text" for lyrics): the fence's info string."""


@dataclass
class Pending:
    """One change not saved: its name for the user, how to make it, and what the user typed in it."""

    text: str
    make: Callable[[], StateCommand | None]
    draft: Callable[[], Draft] | None = None
    reason: str = ""
    """Why it was not saved (the last error), for the copy."""
    key: tuple[str, str] | None = None
    """The item it changes, when it carries typed words (a later saved change of it replaces them)."""

    def describe(self) -> Draft | None:
        if self.draft is None:
            return None
        try:
            return self.draft()
        except Exception as exc:  # a copy is made when things go wrong: never fail making it
            body = QCoreApplication.translate("Pending", "(its text could not be read back: {reason})")
            return Draft(("error", self.text), self.text, body.format(reason=exc))


def _fence(text: str, language: str) -> str:
    """*text* in a code fence longer than any run of backticks in it: kept exactly, whatever it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text.rstrip(chr(10))}\n{fence}"


def unsaved_markdown(pending: Iterable[Pending], library_name: str, moment: datetime | None = None) -> str:
    """A Markdown document with what the user typed in changes not saved (the newest text of each item),
    and a list of the other changes, so that nothing is lost when the window closes without them."""
    moment = moment or datetime.now().astimezone()
    drafts: dict[tuple[str, str], Draft] = {}
    others: list[str] = []
    for item in pending:
        draft = item.describe()
        if draft is None:
            other = (
                QCoreApplication.translate("Pending", "{change} ({reason})") if item.reason else "{change}"
            )
            others.append(other.format(change=item.text, reason=item.reason))
        else:
            drafts.pop(draft.key, None)  # keeps the order of the newest
            drafts[draft.key] = draft
    written = QCoreApplication.translate(
        "Pending", "Written on {moment} from the window on {library}, which could not save them."
    )
    lines = [
        "# " + QCoreApplication.translate("Pending", "lyricpad: changes not saved"),
        "",
        written.format(moment=f"{moment:%Y-%m-%d %H:%M}", library=library_name),
        QCoreApplication.translate("Pending", "Copy what you need back into lyricpad."),
        "",
    ]
    for draft in drafts.values():
        lines += [
            f"## {draft.heading}",
            "",
            _fence(draft.body, draft.language),
            "",
        ]
    if others:
        lines += ["## " + QCoreApplication.translate("Pending", "Other changes not saved"), ""]
        lines += [f"- {text}" for text in others]
        lines.append("")
    return "\n".join(lines)
