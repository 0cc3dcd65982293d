"""Exit codes and the error hierarchy: named once, used everywhere."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    GATE = 1          # a --fail-on gate tripped, or `rules test` failed
    USAGE = 2         # bad arguments, unknown or ambiguous region
    INVALID_RULES = 3 # an invalid rule or config file
    INPUT = 4         # an input could not be read or decoded (the rest was processed)
    INTERNAL = 5      # a bug: rerun with --debug
    INTERRUPTED = 130


class FuheError(Exception):
    """An expected failure: a one-line message and the exit code it maps to."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str, exit_code: ExitCode | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(FuheError):
    exit_code = ExitCode.USAGE


class RuleError(FuheError):
    exit_code = ExitCode.INVALID_RULES


class InputError(FuheError):
    exit_code = ExitCode.INPUT


class StoreError(FuheError):
    """The store could not be opened or written; nothing was changed."""

    exit_code = ExitCode.INPUT
