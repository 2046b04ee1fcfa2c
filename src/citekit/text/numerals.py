"""Chinese numerals: ``五`` → 5, ``十二`` → 12, ``二十`` → 20, ``一百〇五`` → 105 (volumes, issues,
editions written in Chinese)."""

from __future__ import annotations

__all__ = ["cn_number", "decimal_int", "number_text"]

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def decimal_int(text: str, max_digits: int = 100) -> int | None:
    """The value of a run of decimal digits (``"03"`` → 3, any script's digits, as ``int()`` reads
    them); None for anything else: ``str.isdigit`` also takes ``"²"``, which ``int()`` refuses, and
    Python refuses to convert over 4,300 digits (no count, date or volume has over ``max_digits``)."""
    if not text.isdecimal() or len(text) > max_digits:
        return None
    return int(text)


def cn_number(text: str) -> int | None:
    """``"五"`` → 5, ``"十二"`` → 12, ``"二十"`` → 20, ``"12"`` → 12; None when not a number."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit() and text.isascii():
        return decimal_int(text)  # (None past 100 digits: no volume or issue has thousands)
    total = 0
    current = 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def number_text(text: str) -> str:
    """A volume or issue as a parser keeps it: a Chinese numeral as digits (``"十二"`` →
    ``"12"``), anything else as printed (``"上"``, ``"Suppl. 2"``)."""
    n = cn_number(text)
    return str(n) if n is not None else text
