"""Undoable changes of lenses: create, rename or recolour, reorder, delete."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lyricpad.app.commands import LensCommand, LensOrderCommand, StateCommand
from lyricpad.app.edits import Edits


class LensEdits(Edits):
    """`session.lens_edits`: the lenses and their order (keys 1-9 follow it)."""

    def add(self, name: str, colour: str) -> str | None:
        """A new lens, last in the order; returns its id (None if refused)."""

        text = QCoreApplication.translate("LensEdits", "New Lens")

        def make() -> StateCommand:
            return LensCommand(self._context, text, None, self._library.lenses.add(name, colour))

        command = self._change(text, make)
        return command.lens_id if command else None

    def update(self, lens_id: str, *, name: str | None = None, colour: str | None = None) -> None:
        """Rename or recolour a lens."""
        lib = self._library
        if colour is None:
            text = QCoreApplication.translate("LensEdits", "Rename Lens")
        elif name is None:
            text = QCoreApplication.translate("LensEdits", "Recolour Lens")
        else:
            text = QCoreApplication.translate("LensEdits", "Edit Lens")

        def make() -> StateCommand | None:
            before = lib.lenses.get(lens_id)
            after = lib.lenses.update(lens_id, name=name, colour=colour)
            return None if after == before else LensCommand(self._context, text, before, after)

        self._change(text, make)

    def move(self, lens_id: str, position: int) -> None:
        """Put a lens at 0-based *position* in the order (keys 1-9 follow the order)."""
        lib = self._library

        def make() -> StateCommand | None:
            before = {lens.id: lens.position for lens in lib.lenses.all()}
            after = {lens.id: lens.position for lens in lib.lenses.move(lens_id, position)}
            return None if after == before else LensOrderCommand(self._context, before, after)

        self._change(QCoreApplication.translate("LensEdits", "Move Lens"), make)

    def delete(self, lens_id: str) -> None:
        """Delete a lens; its annotations stay, without a lens (undo gives it back to them)."""
        lib = self._library
        text = QCoreApplication.translate("LensEdits", "Delete Lens")

        def make() -> StateCommand:
            before = lib.lenses.get(lens_id)
            attached = [(a.id, a.song_id) for a in lib.annotations.with_lens(lens_id)]
            lib.lenses.delete(lens_id)
            return LensCommand(self._context, text, before, None, attached)

        self._change(text, make)
