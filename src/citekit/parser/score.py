"""Field-level scoring of parsed items against expected CSL items (precision, recall, micro-F1).

Used by the tests and meant to grow into ``citekit eval``.  Values are compared after a light
normalisation that the GB/T gold file asks for (``shared/gbt7714/gold.README.md``): NFKC,
whitespace collapsed, spaces around punctuation dropped, case folded.  Names compare by family
name and initials (the gold gives ``Peyton Z.`` where the string prints ``P Z``); when the parsed
list is flagged ``names_truncated`` it is compared with the same number of expected names.
The name field is ``author``, or ``editor`` when an item has no author (a string such as
``BABU B V, NAGAR A, DEEP K, et al. Proceedings…[C]`` cannot say which role its names have).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FIELDS", "Score", "compare", "score_items"]

FIELDS = (
    "title",
    "container-title",
    "names",
    "issued",
    "volume",
    "issue",
    "page",
    "publisher",
    "publisher-place",
    "DOI",
    "URL",
    "type",
)


def _text(value: Any) -> str:
    s = unicodedata.normalize("NFKC", str(value))
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)  # dashes: the normalised view folds them
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s*([,.:;()\[\]/—–-])\s*", r"\1", s)
    return s.casefold()


def _initials(given: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s.\-]+", given) if w).casefold()


def _names(item: dict[str, Any]) -> tuple | None:
    names = item.get("author") or item.get("editor")
    if not names:
        return None
    out = []
    for n in names:
        if "literal" in n:
            out.append(("lit", _text(n["literal"])))
        else:
            out.append((_text(n.get("family", "")), _initials(n.get("given", ""))))
    return tuple(out)


def _year(item: dict[str, Any]) -> str | None:
    issued = item.get("issued")
    if not isinstance(issued, dict):
        return None
    parts = issued.get("date-parts")
    if parts and parts[0]:
        return str(parts[0][0])
    m = re.search(r"\d{4}", str(issued.get("literal", "")))
    return m.group() if m else None


def value(item: dict[str, Any], name: str) -> Any:
    if name == "names":
        return _names(item)
    if name == "issued":
        return _year(item)
    if name == "type":
        return item.get("type")
    v = item.get(name)
    if v in (None, ""):
        return None
    if name in ("page", "DOI", "URL"):
        return re.sub(r"\s+", "", str(v)).casefold()
    return _text(v)


def compare(parsed: dict[str, Any], expected: dict[str, Any], name: str) -> tuple[int, int, int]:
    """(true positive, false positive, false negative) for one field."""
    got, exp = value(parsed, name), value(expected, name)
    if name == "names" and got and exp and (parsed.get("custom") or {}).get("names_truncated"):
        exp = exp[: len(got)]
    if got is None and exp is None:
        return 0, 0, 0
    if got == exp:
        return 1, 0, 0
    return 0, int(got is not None), int(exp is not None)


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    exact: int = 0
    items: int = 0

    def add(self, parsed: dict[str, Any], expected: dict[str, Any]) -> None:
        ok = True
        for name in FIELDS:
            tp, fp, fn = compare(parsed, expected, name)
            self.tp[name] += tp
            self.fp[name] += fp
            self.fn[name] += fn
            ok = ok and not (fp or fn)
        self.items += 1
        self.exact += ok

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def field(self, name: str) -> tuple[float, float, float]:
        return self._f1(self.tp[name], self.fp[name], self.fn[name])

    @property
    def micro(self) -> tuple[float, float, float]:
        return self._f1(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def report(self) -> str:
        lines = [f"{'field':16} {'P':>6} {'R':>6} {'F1':>6}"]
        for name in FIELDS:
            p, r, f = self.field(name)
            lines.append(f"{name:16} {p:6.3f} {r:6.3f} {f:6.3f}")
        p, r, f = self.micro
        lines.append(f"{'micro':16} {p:6.3f} {r:6.3f} {f:6.3f}   exact {self.exact}/{self.items}")
        return "\n".join(lines)


def score_items(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> Score:
    score = Score()
    for parsed, expected in pairs:
        score.add(parsed, expected)
    return score
