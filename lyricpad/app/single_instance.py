"""One window per library: a second start hands its arguments to the window already open on it.

The first window on a library listens on a local socket (QLocalServer) whose name is derived from
the library's path; a later `lyricpad` on the same library connects, sends its arguments as one
line of JSON, waits for "ok", and exits. Different libraries have different names, so each gets a
window of its own.
"""

from __future__ import annotations

import enum
import getpass
import hashlib
import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from lyricpad import APP_ID

ACK_TIMEOUT_MS = 2000
"""How long a second start waits for the open window to acknowledge its message."""
MAX_MESSAGE_BYTES = 1 << 20
"""A longer message is not from lyricpad; the connection is dropped."""
_ACK = b"ok\n"
_REFUSED = b"error\n"
_MAX_SOCKET_PATH = 100
"""sun_path holds 104 to 108 bytes depending on the system; longer paths cannot be bound."""


class HandOff(enum.Enum):
    """What became of a start's message: see `SingleInstance.start`."""

    DELIVERED = "delivered"
    """The window open on the library took the message: this start has nothing left to do."""
    NO_WINDOW = "no window"
    """No window is open on the library (no socket, or a stale one left by a crash)."""
    NO_ANSWER = "no answer"
    """A window is open on the library but did not acknowledge in time (busy or hung)."""


def server_name(library_path: str | os.PathLike) -> str:
    """The local server name for a library: per user, and the same for every spelling of the path."""
    resolved = os.path.normcase(str(Path(library_path).expanduser().resolve()))
    digest = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:24]
    name = f"{APP_ID}-{_user_tag()}-{digest}"
    if sys.platform == "win32":
        return name  # a named pipe: per-session already, no file left behind by a crash
    # A bare name becomes a socket file in the shared temporary folder, where another user could
    # take it first; the per-user runtime folder (mode 0700) is out of their reach, so prefer it.
    runtime = os.environ.get("XDG_RUNTIME_DIR", "").strip()
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        path = os.path.join(runtime, name)
        if len(os.fsencode(path)) <= _MAX_SOCKET_PATH:
            return path
    return name


def _user_tag() -> str:
    """Who runs lyricpad, so that two users' windows on the same path never meet."""
    if hasattr(os, "getuid"):
        return str(os.getuid())
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        user = ""
    return hashlib.sha256(user.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def encode_message(message: dict) -> bytes:
    """One line of UTF-8 JSON."""
    return json.dumps(message, ensure_ascii=True).encode("ascii") + b"\n"


def decode_message(line: bytes) -> dict | None:
    """The message a line carries, or None when it is not a JSON object."""
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return message if isinstance(message, dict) else None


class SingleInstance(QObject):
    """The hand-off point of one library: either sends to the open window, or is that window's ear."""

    message_received = Signal(dict)
    """Another start on this library handed over its arguments: {"song": str | None, "files": [...]}."""

    def __init__(self, library_path: str | os.PathLike, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(library_path)
        self.error = ""
        """Why listening failed, when it did."""
        self._server: QLocalServer | None = None

    @property
    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def start(self, message: dict, timeout_ms: int = ACK_TIMEOUT_MS) -> HandOff:
        """Hand *message* to the window open on this library, or else listen as that window.

        DELIVERED: this start is done. NO_WINDOW: open the window; `is_listening` says whether
        later starts will find it (`error` says why not). NO_ANSWER: a window is open but busy;
        opening another one is the caller's choice, and it does not listen.
        """
        for _ in range(2):
            outcome = self.send(message, timeout_ms)
            if outcome is not HandOff.NO_WINDOW or self.listen() or not self._answers():
                return outcome
            # Another start began listening between our send and our listen: hand it over.
        return HandOff.NO_ANSWER

    def send(self, message: dict, timeout_ms: int = ACK_TIMEOUT_MS) -> HandOff:
        """Send *message* to the window listening on this library and wait for its acknowledgement.

        Returns DELIVERED, NO_ANSWER (it connected but did not acknowledge in time) or NO_WINDOW.
        Runs a local event loop, so a server in this same thread is served while it waits.
        """
        socket = QLocalSocket(self)
        loop = QEventLoop()
        reply = bytearray()
        state = {"connected": False, "done": False}

        def finish() -> None:
            state["done"] = True
            loop.quit()

        def on_connected() -> None:
            state["connected"] = True
            socket.write(encode_message(message))
            socket.flush()

        def on_ready_read() -> None:
            reply.extend(socket.readAll().data())
            if b"\n" in reply:
                finish()

        socket.connected.connect(on_connected)
        socket.readyRead.connect(on_ready_read)
        socket.errorOccurred.connect(lambda _error: finish())
        socket.disconnected.connect(finish)
        QTimer.singleShot(timeout_ms, loop, finish)
        socket.connectToServer(self.name)
        if not state["done"]:  # a missing or refused socket fails at once, before any loop
            loop.exec()
        connected = state["connected"]
        if socket.isOpen():
            reply.extend(socket.readAll().data())  # an answer that came in with the hang-up
        socket.abort()
        socket.deleteLater()
        if reply.startswith(_ACK):
            return HandOff.DELIVERED
        return HandOff.NO_ANSWER if connected else HandOff.NO_WINDOW

    def listen(self) -> bool:
        """Listen for later starts on this library; False when another process listens already.

        A socket left behind by a crashed window is removed, but only after it failed to answer:
        removing a live one would cut its window off from every later start.
        """
        if self.is_listening:
            return True
        server = QLocalServer(self)
        server.newConnection.connect(self._on_server_new_connection)
        listening = server.listen(self.name)
        if not listening and server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            if not self._answers():
                QLocalServer.removeServer(self.name)
                listening = server.listen(self.name)
        if not listening:
            self.error = server.errorString()
            server.deleteLater()
            return False
        self.error = ""
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening (the socket file goes with it)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _answers(self) -> bool:
        """True when a process accepts connections under our name."""
        socket = QLocalSocket(self)
        socket.connectToServer(self.name)
        answered = socket.waitForConnected(500)
        socket.abort()
        socket.deleteLater()
        return answered

    def _on_server_new_connection(self) -> None:
        while self._server is not None and (socket := self._server.nextPendingConnection()) is not None:
            self._serve(socket)

    def _serve(self, socket: QLocalSocket) -> None:
        buffer = bytearray()

        def on_ready_read() -> None:
            buffer.extend(socket.readAll().data())
            line, newline, _ = buffer.partition(b"\n")
            if not newline:
                if len(buffer) > MAX_MESSAGE_BYTES:
                    socket.abort()
                return
            socket.readyRead.disconnect(on_ready_read)
            message = decode_message(bytes(line))
            # Acknowledge first: the sender may exit as soon as the message is safely here.
            socket.write(_ACK if message is not None else _REFUSED)
            socket.flush()
            socket.disconnectFromServer()
            if message is not None:
                self.message_received.emit(message)

        socket.readyRead.connect(on_ready_read)
        socket.disconnected.connect(socket.deleteLater)
        # A peer that connects and then says nothing (a probe, a stuck start) is dropped.
        QTimer.singleShot(ACK_TIMEOUT_MS * 2, socket, socket.abort)
        if socket.bytesAvailable():
            on_ready_read()
