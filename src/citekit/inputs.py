"""Reading input files and standard input as text."""

from __future__ import annotations

from typing import IO, Any

from .errors import InputError
from .formats.encoding import decode

__all__ = ["display_name", "read_bytes", "read_text"]


def display_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def read_bytes(path: str, stdin: IO[Any]) -> bytes:
    """The bytes of ``path`` (``-`` is standard input); unreadable input raises InputError."""
    if path == "-":
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
        return data.encode("utf-8") if isinstance(data, str) else data
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except IsADirectoryError:
        raise InputError(f"cannot read '{path}': it is a directory") from None
    except OSError as exc:
        raise InputError(f"cannot read '{path}': {exc.strerror or exc}") from None


def read_text(path: str, stdin: IO[Any]) -> str:
    """The text of ``path``: UTF-8 (with or without BOM) or GB18030/GBK, else InputError."""
    data = read_bytes(path, stdin)
    try:
        return decode(data)
    except InputError as exc:
        raise InputError(f"cannot read '{display_name(path)}': {exc}") from None
