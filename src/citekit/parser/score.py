"""Field-level scoring of parsed items against expected CSL items (precision, recall, F1).

Every field a user relies on is scored (:data:`FIELDS`); ``language`` and ``custom`` are not.
For each field of each item: both absent → not counted; equal after normalisation → a true
positive; otherwise a value the parser gave is a false positive and a value the item expects is a
false negative (a wrong value is both).  An item is *exact* when no field has an error.

Normalisations (one rule each; the tests in ``tests/test_evaluate.py`` pin every one):

- **Text** (title, container-title, collection-title, publisher, publisher-place, genre,
  event-title, number): NFKC (full-width letters, digits and punctuation become half-width), all
  dash kinds become ``-``, curly quotes become straight ones, whitespace runs become one space,
  spaces around punctuation and next to CJK characters are dropped (mixed-script spacing is a
  typographic choice), case is folded, and trailing ``.,;:`` and enclosing ``《》〈〉“”"'`` are
  stripped.  A space *between two CJK characters* is kept: ``科 学`` is a PDF-extraction defect
  the user would see.
- **Names** (author, editor, translator), compared as ordered lists, name by name:
  Western names by family name (case folded, particles from ``non-dropping-particle``/
  ``dropping-particle`` or lower-case words ending ``given`` moved in front) plus the initials of
  the given names (``Robert O.`` = ``R. O.`` = ``RO``: an upper-case run of up to three letters
  is read as initials, as GB/T and Vancouver print them) plus the suffix (``Jr.``); a given name
  written out on both sides must be the same word (pinyin ``Wang Xiaoming`` is not
  ``Wang Xiaohua``, ``Robert`` is not ``Richard``).  A name with CJK
  characters compares as one string: ``{"family": "胡", "given": "重明"}`` equals
  ``{"literal": "胡重明"}`` (family+given, or given+family for transliterations such as
  ``马克·H.穆尔``; ``·``, ``•``, dots and spaces ignored).  A literal equals a literal, or a
  family-only name with the same text.  Lists are compared as printed: names hidden behind
  ``等``/``et al.`` are not expected, and a truncation flag is not a name.
- **Dates** (issued, accessed) at the precision printed: ``[2011, 6]`` is not ``[2011]`` and not
  ``[2011, 6, 1]``.  Ranges compare both ends; a literal ``1980-1981`` equals the range
  ``[[1980], [1981]]`` and an open ``1984-`` equals ``[[1984], [0]]``; other literals compare as
  text; a season must match when either side has one.
- **Numbers** (volume, issue, edition): text rules, then leading zeros dropped (``01`` = ``1``);
  an edition's ordinal words and suffixes are read as its number (``2nd ed.`` = ``second`` =
  ``第二版`` = ``2. Aufl.`` = ``2e éd.`` = ``2``).
- **page**: dash kinds (and TeX's ``--``) → ``-``, whitespace removed, case folded.
- **DOI**: whitespace removed, case folded (DOIs are case-insensitive), trailing ``.,;`` dropped.
  A ``https://doi.org/`` or ``doi:`` prefix is *not* removed: the DOI field holds the bare DOI.
- **URL**: whitespace removed (URLs broken by PDF line ends), trailing ``.,;`` dropped, scheme
  and host case folded; the path keeps its case.
- **ISBN/ISSN**: hyphens and spaces removed, ``x`` upper-cased.
- **type**: the CSL type string, exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import regex

from ..text.numerals import decimal_int
from ..text.script import CJK, CJK_CLASS

__all__ = ["FIELDS", "NAME_FIELDS", "DATE_FIELDS", "Score", "compare", "score_items", "value"]

NAME_FIELDS = ("author", "editor", "translator")
DATE_FIELDS = ("issued", "accessed")
FIELDS = (
    "type",
    "author",
    "editor",
    "translator",
    "title",
    "container-title",
    "collection-title",
    "issued",
    "accessed",
    "volume",
    "issue",
    "page",
    "publisher",
    "publisher-place",
    "edition",
    "genre",
    "number",
    "DOI",
    "URL",
    "ISBN",
    "ISSN",
    "event-title",
)

_HAS_CJK = CJK
_CJK_EDGE_SPACE = regex.compile(
    f"(?<=[{CJK_CLASS}]) (?![{CJK_CLASS}])|(?<![{CJK_CLASS}]) (?=[{CJK_CLASS}])"
)
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2e3a\u2e3b\u301c\uff5e~～]")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})
_ENCLOSING = "《》〈〉<>\"'「」『』"


def _text(value: Any) -> str:
    s = unicodedata.normalize("NFKC", str(value)).translate(_QUOTES)
    s = _DASHES.sub("-", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s*([,.:;!?()\[\]/—–\-·•])\s*", r"\1", s)
    # a space next to a CJK character is dropped unless the other side is CJK too
    s = _CJK_EDGE_SPACE.sub("", s)
    s = s.casefold().rstrip(".,;:").strip()
    while len(s) > 1 and s[0] in _ENCLOSING and s[-1] in _ENCLOSING:
        s = s[1:-1].strip().rstrip(".,;:")
    return s


# -- numbers -----------------------------------------------------------------------------------

_ORDINAL_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
    )
}
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _zh_number(s: str) -> int | None:
    """一 … 九十九 (edition numbers), else None."""
    if not s or any(c not in _ZH_DIGITS and c != "十" for c in s):
        return None
    if "十" not in s:
        return _ZH_DIGITS[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    return (_ZH_DIGITS.get(tens, 0) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0)


_EDITION_WORD = re.compile(r"^第|(?:版|edn|ed|edition|rev|aufl|auflage|éd|édition)$")


def _number(value: Any, *, edition: bool = False) -> str:
    s = _text(value)
    if edition:
        core = _EDITION_WORD.sub("", s.replace(" ", "").rstrip(".")).rstrip(".")
        m = re.fullmatch(r"(\d+)(?:st|nd|rd|th|e|\.)?", core)
        if m and (n := decimal_int(m.group(1))) is not None:
            return str(n)
        if core in _ORDINAL_WORDS:
            return str(_ORDINAL_WORDS[core])
        n = _zh_number(core)
        if n is not None:
            return str(n)
    n = decimal_int(s)
    return s if n is None else str(n)


# -- names -------------------------------------------------------------------------------------

_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "ter"}
_NAME_SEPARATORS = re.compile(r"[\s.·•‧・\u30fb]+")


def _initials(given: str) -> str:
    """``Robert O.`` → ``RO``; an upper-case run of up to three letters is initials (``JL``)."""
    out = []
    for w in re.split(r"[\s.\-‐]+", given):
        if not w:
            continue
        out.append(w if len(w) <= 3 and w.isupper() and w.isalpha() else w[0])
    return "".join(out)


def _given_words(given: str) -> tuple[str, ...]:
    """The given names word by word, case folded; ``""`` stands for an initial (``R.``, ``JL``),
    which agrees with any word."""
    out = []
    for w in re.split(r"[\s.\-‐]+", given):
        if w:
            out.append("" if len(w) == 1 or len(w) <= 3 and w.isupper() and w.isalpha() else w)
    return tuple(w.casefold() for w in out)


NameKey = tuple[str, frozenset[str], tuple[str, ...]]


def _name_key(name: dict[str, Any]) -> NameKey:
    """("cjk", spellings, ()) or ("latin", {family|initials|suffix}, given words) or ("lit", {text}, ())."""
    if not isinstance(name, dict):
        return ("lit", frozenset({_text(name)}), ())
    if "literal" in name:
        lit = _text(name["literal"])
        if _HAS_CJK.search(lit):
            return ("cjk", frozenset({_NAME_SEPARATORS.sub("", lit)}), ())
        return ("lit", frozenset({lit}), ())
    family = unicodedata.normalize("NFKC", str(name.get("family") or ""))
    given = unicodedata.normalize("NFKC", str(name.get("given") or ""))
    if _HAS_CJK.search(family + given):
        f, g = (_NAME_SEPARATORS.sub("", _text(x)) for x in (family, given))
        return ("cjk", frozenset({f + g, g + f}), ())
    words = given.split()
    trailing: list[str] = []
    while words and words[-1].casefold() in _PARTICLES:
        trailing.insert(0, words.pop())
    particles = [*trailing, name.get("dropping-particle"), name.get("non-dropping-particle")]
    family = " ".join(p for p in particles if p) + " " + family
    given_initials = _initials(" ".join(words)).casefold()
    suffix = _text(name.get("suffix") or "").replace(".", "").replace(",", "")
    key = f"{_text(family)}|{given_initials}|{suffix}"
    if not given_initials and not suffix:
        return ("latin", frozenset({key, _text(family)}), ())  # family-only = the same literal
    return ("latin", frozenset({key}), _given_words(" ".join(words)))


def _same_name(a: NameKey, b: NameKey) -> bool:
    if a[0] == "cjk" or b[0] == "cjk":
        return a[0] == b[0] and bool(a[1] & b[1])
    if not a[1] & b[1]:
        return False
    # initials agree; given names written out on both sides must be the same words
    # (Wang Xiaoming is not Wang Xiaohua; Robert O. is R. O.)
    return len(a[2]) != len(b[2]) or all(
        x == y or not x or not y for x, y in zip(a[2], b[2], strict=True)
    )


def _names(item: dict[str, Any], role: str) -> tuple | None:
    names = item.get(role)
    if not names or not isinstance(names, list):
        return None
    return tuple(_name_key(n) for n in names)


# -- dates -------------------------------------------------------------------------------------


def _date(item: dict[str, Any], role: str) -> tuple | None:
    d = item.get(role)
    if not isinstance(d, dict):
        return None
    season = d.get("season")
    parts = d.get("date-parts")
    if parts and isinstance(parts, list) and parts[0]:
        ends: list[tuple[int | str, ...]] = []
        for p in parts[:2]:
            try:
                ends.append(tuple(int(x) for x in p if x not in (None, "")))
            except (TypeError, ValueError):
                ends.append(tuple(str(x) for x in p))
        if len(ends) == 2 and ends[0] == ends[1]:
            ends = ends[:1]
        return ("parts", tuple(ends), str(season) if season else None)
    lit = d.get("literal") or d.get("raw")
    if lit in (None, ""):
        return None
    text = _text(lit)
    m = re.fullmatch(r"(\d{4})-(\d{4})?", text)
    if m:  # (an open range, "1984-", is CSL's [[1984], [0]])
        end = int(m.group(2)) if m.group(2) else 0
        return ("parts", ((int(m.group(1)),), (end,)), str(season) if season else None)
    if re.fullmatch(r"\d{4}", text):
        return ("parts", ((int(text),),), str(season) if season else None)
    return ("literal", text, str(season) if season else None)


def _same_date(a: tuple, b: tuple) -> bool:
    if a[:2] != b[:2]:
        return False
    return a[2] == b[2] or (a[2] is None and b[2] is None)


# -- field values ------------------------------------------------------------------------------


def _url(v: Any) -> str:
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(v))).rstrip(".,;")
    m = re.match(r"([a-z][a-z0-9+.\-]*://)?([^/]*)(.*)", s, re.I | re.S)
    assert m is not None  # the pattern matches every string
    return (m.group(1) or "").casefold() + m.group(2).casefold() + m.group(3)


def value(item: dict[str, Any], name: str) -> Any:
    """The normalised value of field ``name`` in ``item``, or None when it is absent."""
    if name in NAME_FIELDS:
        return _names(item, name)
    if name in DATE_FIELDS:
        return _date(item, name)
    v = item.get(name)
    if v in (None, "", []):
        return None
    if name == "type":
        return str(v)
    if name == "page":
        page = _DASHES.sub("-", re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(v))))
        return re.sub(r"-{2,}", "-", page).casefold()  # TeX's 287--317
    if name == "DOI":
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(v))).rstrip(".,;").casefold()
    if name == "URL":
        return _url(v)
    if name in ("ISBN", "ISSN"):
        return re.sub(r"[\s\-‐–]+", "", unicodedata.normalize("NFKC", str(v))).upper()
    if name in ("volume", "issue", "edition"):
        return _number(v, edition=name == "edition")
    return _text(v)


def _equal(name: str, got: Any, exp: Any) -> bool:
    if name in NAME_FIELDS:
        return len(got) == len(exp) and all(
            _same_name(g, e) for g, e in zip(got, exp, strict=False)
        )
    if name in DATE_FIELDS:
        return _same_date(got, exp)
    return bool(got == exp)


def compare(parsed: dict[str, Any], expected: dict[str, Any], name: str) -> tuple[int, int, int]:
    """(true positive, false positive, false negative) for one field."""
    got, exp = value(parsed, name), value(expected, name)
    if got is None and exp is None:
        return 0, 0, 0
    if got is not None and exp is not None and _equal(name, got, exp):
        return 1, 0, 0
    return 0, int(got is not None), int(exp is not None)


@dataclass
class Score:
    """Counts over items; ``fields`` are the scored fields (all of :data:`FIELDS` by default)."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    exact: int = 0
    items: int = 0
    fields: tuple[str, ...] = FIELDS

    def add(self, parsed: dict[str, Any], expected: dict[str, Any]) -> list[str]:
        """Score one item; returns the fields that are wrong (missing, extra or different)."""
        wrong = []
        for name in self.fields:
            tp, fp, fn = compare(parsed, expected, name)
            self.tp[name] += tp
            self.fp[name] += fp
            self.fn[name] += fn
            if fp or fn:
                wrong.append(name)
        self.items += 1
        self.exact += not wrong
        return wrong

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def field(self, name: str) -> tuple[float, float, float]:
        return self._f1(self.tp[name], self.fp[name], self.fn[name])

    def support(self, name: str) -> int:
        """How many items expect the field."""
        return self.tp[name] + self.fn[name]  # each expected value is either a tp or an fn

    @property
    def micro(self) -> tuple[float, float, float]:
        return self._f1(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def report(self) -> str:
        lines = [f"{'field':16} {'P':>6} {'R':>6} {'F1':>6} {'expected':>8}"]
        for name in self.fields:
            if not (self.tp[name] or self.fp[name] or self.fn[name]):
                continue
            p, r, f = self.field(name)
            lines.append(f"{name:16} {p:6.3f} {r:6.3f} {f:6.3f} {self.support(name):8d}")
        p, r, f = self.micro
        lines.append(f"{'micro':16} {p:6.3f} {r:6.3f} {f:6.3f}   exact {self.exact}/{self.items}")
        return "\n".join(lines)


def score_items(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> Score:
    score = Score()
    for parsed, expected in pairs:
        score.add(parsed, expected)
    return score
