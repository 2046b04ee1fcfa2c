"""Identifiers: what a DOI, an ISBN, an ISSN, a URL and a Chinese serial number (CN) look like,
and their check digits.

Each pattern is named for the job it does.  Several jobs need a different *end* for the same
identifier (the parser stops a DOI at a bracket or a Chinese quote, the tokenizer also at a Han
character, a DOI inside a URL at the query string), so the shared part of each identifier is a
fragment here and every pattern is built from it: a change to what a DOI is happens once.
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)

__all__ = [
    "CN_SERIAL",
    "DOI_HOST",
    "DOI_IN_TEXT",
    "DOI_IN_URL",
    "DOI_LABEL_BEFORE",
    "DOI_MENTION",
    "DOI_START",
    "DOI_SYNTAX",
    "ISBN_CANDIDATE",
    "ISBN_VALUE",
    "ISSN_CANDIDATE",
    "ISSN_VALUE",
    "LABELLED_DOI",
    "LABELLED_ISBN",
    "SHORT_DOI",
    "BARE_URL",
    "URL_IN_TEXT",
    "URL_MENTION",
    "isbn_valid",
    "media_type",
    "issn_valid",
    "strip_doi_resolver",
]

# --- DOI (ISO 26324): "10." + registrant code (digits, with dotted sub-codes) + "/" + suffix ----

#: The start of every DOI name, up to and including the slash.
DOI_START = r"10\.\d{4,9}(?:\.\d+)*/"
# characters that end an identifier in running text: space, brackets, angle brackets, quotes
_IDENT_STOP = r"\s\[\]<>\"“”《》"

#: A DOI name up to whitespace: ``fullmatch`` checks a value already cut out, ``search`` finds one
#: in a short field value.
DOI_SYNTAX = regex.compile(DOI_START + r"\S+")
#: A DOI in running text, ending before a bracket or a quotation mark.
DOI_IN_TEXT = regex.compile(DOI_START + rf"[^{_IDENT_STOP}]+")
#: A DOI inside a URL path (``…/doi/10.1002/9781118422557/summary``): it ends at the next slash.
DOI_IN_URL = regex.compile(DOI_START + r"[^/?#&\s]+")
#: A DOI resolver at the start of a URL.
DOI_HOST = regex.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/", regex.IGNORECASE)
#: The "DOI:" label right before a position (search it in the few characters before a DOI).
DOI_LABEL_BEFORE = regex.compile(r"\bdoi\s*[:：]?\s*$", regex.IGNORECASE)
#: A short DOI after its label: "DOI: 10/gqs68c" (group 1 is the DOI).
SHORT_DOI = regex.compile(r"\bdoi\s*[:：]\s*(10/[A-Za-z0-9]{3,12})\b", regex.IGNORECASE)
#: A DOI element as GB/T 7714 writes it, "DOI:10.xxxx/…" (group ``v``; may carry a final period).
LABELLED_DOI = regex.compile(r"(?i)\bdoi\s*[:：]\s*(?P<v>10\.\S+)")
#: Anything written as a DOI ("DOI: …" or "doi.org/…"), right or wrong (group ``v``): what the
#: validator checks against :data:`DOI_SYNTAX`.
DOI_MENTION = regex.compile(r"(?i)(?:\bdoi\s*[:：]\s*|\bdoi\.org/)(?P<v>\S+)")
_DOI_RESOLVER_OR_LABEL = regex.compile(
    r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", regex.IGNORECASE
)


def strip_doi_resolver(text: str) -> str:
    """The DOI name of a field value: ``https://doi.org/10.1/x`` and ``doi: 10.1/x`` → ``10.1/x``."""
    return _DOI_RESOLVER_OR_LABEL.sub("", text.strip())


# --- URL --------------------------------------------------------------------------------------

#: A URL in running text (the parser): with a scheme, or starting "www." and holding a further dot.
URL_IN_TEXT = regex.compile(
    rf"(?:https?|ftp)://[^{_IDENT_STOP}]+|www\.[^{_IDENT_STOP}]+\.[^{_IDENT_STOP}]+",
    regex.IGNORECASE,
)
#: A URL printed without its scheme (MLA 8/9: "en.wikipedia.org/wiki/…"): a host ending in a common
#: top-level domain, then a path.
BARE_URL = regex.compile(
    rf"(?<![\w@/.:\-])(?:[a-z0-9\-]+\.)+(?:org|com|edu|gov|net|int|io|info|uk|de|fr|cn|jp|au|ca)"
    rf"/[^{_IDENT_STOP}]*",
    regex.IGNORECASE,
)
#: A URL as the validator finds it (up to a space, a quote or a Chinese comma or semicolon).
URL_MENTION = regex.compile(r"(?i)(?:\b(?:https?|ftp)://|(?<![\w/@.])www\.)[^\s<>\"“”，；]+")

#: A link to an image file, or to a video's page on the common video sites.
_IMAGE_URL = regex.compile(
    r"\.(?:jpe?g|png|gif|tiff?|bmp|webp|svg)(?:[?#][^/]*)?$", regex.IGNORECASE
)
_VIDEO_URL = regex.compile(
    r"^(?:https?://)?(?:[\w\-]+\.)*(?:bilibili\.com/video/|youtube\.com/watch|youtu\.be/|"
    r"v\.qq\.com/|youku\.com/v_show|ixigua\.com/\d|vimeo\.com/\d)",
    regex.IGNORECASE,
)


def media_type(url: str) -> str | None:
    """The CSL type of what ``url`` links to when the link itself says: ``graphic`` for an image
    file, ``motion_picture`` for a video's page; else None."""
    if _IMAGE_URL.search(url):
        return "graphic"
    if _VIDEO_URL.match(url):
        return "motion_picture"
    return None


# --- ISBN (ISO 2108) and ISSN (ISO 3297) ------------------------------------------------------

_ISBN_BODY = r"(?:97[89][-\s]?)?\d[\d\-\s]{8,15}[\dXx]"
#: An ISBN after its label, "ISBN 978-7-…" / "ISBN-10: …" (group 1 is the number).
LABELLED_ISBN = regex.compile(rf"\bISBN(?:-1[03])?\s*[:：]?\s*({_ISBN_BODY})\b")
#: A whole field value that is an ISBN, with or without its label (an exchange format's SN field).
ISBN_VALUE = regex.compile(rf"^(?:ISBN[:\s]*)?{_ISBN_BODY}$")
#: What an author wrote as an ISBN, of any length (group ``v``): the validator reports a wrong
#: length as well as a wrong check digit, so this is wider than :data:`LABELLED_ISBN`.
ISBN_CANDIDATE = regex.compile(
    r"(?i)\bISBN(?:-1[03])?\s*[:：]?\s*(?P<v>[0-9][0-9\- ]{8,16}[0-9X])\b"
)
#: A whole field value that is an ISSN.
ISSN_VALUE = regex.compile(r"^\d{4}-?\d{3}[\dXx]$")
#: An ISSN after its label (group ``v``), right or wrong check digit.
ISSN_CANDIDATE = regex.compile(r"(?i)\bISSN\s*[:：]?\s*(?P<v>\d{4}\s*[-‐]?\s*\d{3}[\dX])\b")
_ISSN_SEPARATORS = regex.compile(r"[\s\-‐]")

# --- CN: the Chinese serial number of a periodical (CN 11-1234/G4) ----------------------------

#: A whole field value that is a CN serial number, with or without "CN".
CN_SERIAL = regex.compile(r"^\s*(?:CN\s*)?\d{2}-\d{4}(?:/[A-Z0-9.]+)?\s*$")


def isbn_valid(value: str) -> bool:
    """ISBN-10 or ISBN-13 check digit (hyphens and spaces ignored).

    >>> isbn_valid("978-0-306-40615-7"), isbn_valid("0-306-40615-2"), isbn_valid("0-306-40615-3")
    (True, True, False)
    """
    digits = value.replace("-", "").replace(" ", "").upper()
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        total = sum((10 - i) * int(c) for i, c in enumerate(digits[:9]))
        total += 10 if digits[9] == "X" else int(digits[9])
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit() and digits[:3] in ("978", "979"):
        total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def issn_valid(value: str) -> bool:
    """ISSN check digit.

    >>> issn_valid("0317-8471"), issn_valid("1672-5603"), issn_valid("0317-8472")
    (True, True, False)
    """
    digits = _ISSN_SEPARATORS.sub("", value).upper()
    if len(digits) != 8 or not digits[:7].isdigit():
        return False
    total = sum((8 - i) * int(c) for i, c in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))
