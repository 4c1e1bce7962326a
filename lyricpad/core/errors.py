"""Exceptions named by their cause, each carrying a message a user can read; exit statuses."""

EXIT_ERROR = 1
"""Exit status of a command refused with a LyricpadError."""
EXIT_USAGE = 2
"""Exit status of a command line that cannot be understood."""


class LyricpadError(Exception):
    """Base class: the message is shown to the user as it is, without a traceback."""


class NotALibrary(LyricpadError):
    """The file exists but is not a lyricpad library (another database, text, random bytes)."""


class ForeignDatabase(NotALibrary):
    """The file is another program's (an SQLite database, a text file): never offered for recovery or replaced."""


class LibraryTooNew(LyricpadError):
    """The library was written by a newer lyricpad whose schema this version does not know."""


class LibraryUnavailable(LyricpadError):
    """The library file or its folder cannot be created, opened or written."""


class LibraryDamaged(LibraryUnavailable):
    """A write failed because the library's pages look damaged: nothing was written; the change can be kept."""


class SearchIndexDamaged(LibraryDamaged):
    """A write failed because a full-text index is out of step with its table; rebuilding it mends that."""

    def __init__(self, message: str, tables: list[str]):
        super().__init__(message)
        self.tables = tables


class NotFound(LyricpadError):
    """A song, article, lens or annotation named by the user does not exist."""


class SongNotFound(NotFound):
    pass


class ArticleNotFound(NotFound):
    pass


class LensNotFound(NotFound):
    pass


class AnnotationNotFound(NotFound):
    pass


class LinkNotFound(NotFound):
    """A quotation link named by id (or id prefix) does not exist, or no longer does."""


class AmbiguousReference(LyricpadError):
    """A title or id prefix matches more than one item."""


class InvalidAnchor(LyricpadError):
    """A line range, character range or quote does not describe text that exists."""


class InvalidValue(LyricpadError):
    """A value given by the user is not acceptable (an empty title, a bad colour...)."""


class DataMissing(LyricpadError):
    """A data file lyricpad ships with (the pronunciation dictionary...) is missing or unreadable: a broken install."""


class ImportRefused(LyricpadError):
    """A file cannot be imported (missing, a folder, empty, too big, binary, undecodable, unknown kind)."""
