"""Exceptions for misuse and configuration.  Problems in the data are diagnostics, not these."""

from __future__ import annotations

__all__ = ["CitekitError", "InputError", "StyleNotFoundError", "UsageError"]


class CitekitError(Exception):
    """Base class of every exception citekit raises on purpose."""


class UsageError(CitekitError, ValueError):
    """A bad option or argument (unknown standard, unknown output format, ...)."""


class InputError(CitekitError, OSError):
    """An input that cannot be read at all (missing file, undecodable bytes, ...)."""


class StyleNotFoundError(UsageError, LookupError):
    """A style id or path that names no CSL style; the message lists close names."""
