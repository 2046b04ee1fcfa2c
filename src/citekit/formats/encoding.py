"""Decode the bytes of an export: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

Chinese Windows tools (older NoteExpress, CNKI downloads saved by Notepad) still write GBK.  A
file is taken as UTF-8 when it decodes as strict UTF-8; otherwise as GB18030 (a superset of GBK
and GB2312) when that decodes strictly *and* the result looks like text -- mostly common Han
characters and no private-use code points.  Anything else raises :class:`InputError` naming
the first bad byte, rather than guessing and letting mojibake through.
"""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, encoding: str | None = None) -> str:
    """The text of ``data``; ``encoding`` forces one codec instead of detecting it."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"input is not valid {encoding}: {exc}") from exc
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"input starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(byte {exc.start + len(bom)})"
                ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        bad = utf8_error.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_gb(text):
        return text
    snippet = data[max(0, bad - 8) : bad + 8]
    raise InputError(
        f"cannot tell the encoding: not UTF-8 (invalid byte 0x{data[bad]:02x} at offset {bad}, "
        f"near {snippet!r}) and not plausible GB18030/GBK; re-save the file as UTF-8"
    )


def _plausible_gb(text: str) -> bool:
    """GB18030 decodes most byte soup; real Chinese text is mostly CJK and never private-use."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return True
    good = 0.0
    for c in non_ascii:
        cp = ord(c)
        if 0xE000 <= cp <= 0xF8FF or 0xF0000 <= cp:
            return False  # private use: bytes GBK does not define
        cat = unicodedata.category(c)
        if cat == "Cn" or cat == "Co":
            return False
        if 0x4E00 <= cp <= 0x9FFF or 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFFEF:
            good += 1
        elif cat.startswith("P") or cat.startswith("S"):
            good += 0.5
    return good >= 0.8 * len(non_ascii)
