"""Identifiers and dates that look the same in every style: URL, DOI, ISBN, access dates.

:func:`extract_identifiers` runs first on every reference.  It records the identifiers and
masks them in ``Draft.work`` so that later rules never split a DOI or URL at its dots.
"""

from __future__ import annotations

import regex

from .draft import Draft

__all__ = ["extract_identifiers", "find_access_date", "parse_iso_date"]

_URL = regex.compile(r"(?:https?|ftp)://[^\s\[\]<>\"“”《》]+|www\.[^\s\[\]<>\"“”《》]+\.[^\s\[\]<>\"“”《》]+",
                     regex.IGNORECASE)
_DOI_PREFIX = regex.compile(r"\bdoi\s*[:：]?\s*$", regex.IGNORECASE)
_DOI = regex.compile(r"10\.\d{4,9}/[^\s\[\]<>\"“”《》]+")
_DOI_IN_URL = regex.compile(r"10\.\d{4,9}/[^/?#&\s]+")
_DOI_HOST = regex.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/", regex.IGNORECASE)
_ISBN = regex.compile(r"\bISBN(?:-1[03])?\s*[:：]?\s*((?:97[89][-\s]?)?\d[\d\-\s]{8,15}[\dXx])\b")
_TRAIL = ".,;:。，；"
_URL_END = regex.compile(r"[.,;](?:doi|isbn|issn)\s*[:：]", regex.IGNORECASE)


def _strip_trailing(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    # an unmatched closing parenthesis belongs to the sentence, not the identifier
    while e > s and text[e - 1] == ")" and text.count("(", s, e) < text.count(")", s, e):
        e -= 1
    return e


def extract_identifiers(d: Draft) -> None:
    text = d.text
    s0, e0 = d.start, d.end
    url_spans: list[tuple[int, int]] = []
    for m in _URL.finditer(text, s0, e0):
        s, e = m.start(), m.end()
        cut = _URL_END.search(text, s, e)  # "…/378.DOI:10.3390/…" written without a space
        if cut:
            e = cut.start()
        e = _strip_trailing(text, s, e)
        if e - s < 8:
            continue
        url_spans.append((s, e))
    for s, e in url_spans:
        url = text[s:e]
        host = _DOI_HOST.match(url)
        if host and not d.has("DOI"):
            d.set("DOI", url[host.end():], s + host.end(), e, 0.95)
        elif not d.has("DOI"):
            m = _DOI_IN_URL.search(url)
            if m:
                d.set("DOI", m.group(), s + m.start(), s + m.end(), 0.6)
        if not d.has("URL"):
            d.set("URL", url if "://" in url else url, s, e, 0.95)
        d.mask(s, e)
    for m in _DOI.finditer(d.work, s0, e0):
        s, e = m.start(), _strip_trailing(text, m.start(), m.end())
        prefix = _DOI_PREFIX.search(text, max(s0, s - 8), s)
        if not d.has("DOI") or d.conf.get("DOI", 0) < 0.9:
            d.set("DOI", text[s:e], s, e, 0.95 if prefix else 0.85)
        if prefix:
            d.claim(prefix.start(), s)
            d.mask(prefix.start(), s)
        d.mask(s, e)
    m = _ISBN.search(d.work, s0, e0)
    if m:
        d.set("ISBN", m.group(1).strip(), m.start(1), m.end(1), 0.9)
        d.claim(m.start(), m.start(1))
        d.mask(m.start(), m.end(1))


_ACCESS = regex.compile(r"\[\s*(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})\s*\]")
_ISO = regex.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_iso_date(text: str) -> list[int] | None:
    """``2013-01-12`` → ``[2013, 1, 12]``; ``2013-01`` → ``[2013, 1]``; ``2013`` → ``[2013]``."""
    m = _ISO.fullmatch(text.strip())
    if not m:
        return None
    parts = [int(g) for g in m.groups() if g]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return None
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        return None
    return parts


def find_access_date(d: Draft, start: int, end: int) -> None:
    """``[2013-10-25]`` (GB/T 引用日期) → ``accessed``."""
    for m in _ACCESS.finditer(d.work, start, end):
        parts = parse_iso_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
        if parts and not d.has("accessed"):
            d.set("accessed", {"date-parts": [parts]}, m.start(1), m.end(3), 0.9)
            d.claim(m.start(), m.end())
            d.mask(m.start(), m.end())
