"""Messages on stderr: one place that knows about --quiet, --debug and NO_COLOR."""
from __future__ import annotations

import os
import sys

_state = {"quiet": False, "debug": False}


def configure(quiet: bool = False, debug: bool = False) -> None:
    _state["quiet"] = quiet
    _state["debug"] = debug


def debug_enabled() -> bool:
    return _state["debug"] or "--debug" in sys.argv


def is_quiet() -> bool:
    return _state["quiet"]


def note(message: str) -> None:
    """An informational line on stderr (suppressed by -q)."""
    if not _state["quiet"]:
        print(message, file=sys.stderr)


def error(message: str) -> None:
    """A one-line error on stderr (never suppressed)."""
    print(f"fuhe: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    if not _state["quiet"]:
        print(f"fuhe: warning: {message}", file=sys.stderr)


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
