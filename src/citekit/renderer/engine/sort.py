"""Sort keys: ``cs:sort`` / ``cs:key`` computed once per item, compared without markup and
punctuation, CJK keys by pinyin and grouped by language (``ck:group-by-language``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cmp_to_key
from typing import Any

import citeproc.model as cm

from ...text.pinyin import language_group, pinyin_key
from .keys import CK_NS, CSL_NS
from .strings import has_cjk

# --- sorting --------------------------------------------------------------------------------

_CK_GROUP = f"{{{CK_NS}}}group-by-language"


class Key(cm.Key):
    """``cs:key`` whose CJK keys sort by pinyin, surnames read as surnames (see
    :mod:`citekit.text.pinyin`)."""

    def sort_keys(self, items: Any, context: Any) -> list[Any]:
        keys = super().sort_keys(items, context)
        names = False
        if "variable" in self.attrib:
            names = self.get("variable").replace("-", "_") in cm.NAMES
        elif "macro" in self.attrib:
            names = self.get_macro(self.get("macro")).find(f".//{{{CSL_NS}}}names") is not None
        out: list[Any] = []
        for key in keys:
            if key is None or isinstance(key, (int, float)):
                out.append(key)
                continue
            text = str(key)
            out.append(pinyin_key(text, names) if has_cjk(text) else key)
        return out


class Sort(cm.Sort):
    """``cs:sort``; with ``ck:group-by-language="true"`` (citekit extension) the entries are
    first grouped by language, Chinese, Japanese, Western, Russian, others (GB/T 7714)."""

    def sort(self, items: Any, context: Any) -> Any:
        if self.get(_CK_GROUP) != "true" or len(items) < 2:
            return self._sort(items, context)
        groups: dict[int, list[Any]] = {}
        for item in items:
            ref = item.reference
            sample = " ".join(
                str(dict.get(ref, k) or "") for k in ("title", "container_title", "author")
            )
            groups.setdefault(language_group(dict.get(ref, "language"), sample), []).append(item)
        out: list[Any] = []
        for group in sorted(groups):
            members = groups[group]
            out.extend(self._sort(members, context) if len(members) > 1 else members)
        return out

    def _sort(self, items: Any, context: Any) -> Any:
        """citeproc-py's ``Sort.sort`` (same comparison, same stable order), with each key's
        lower-cased and integer forms computed once per item instead of once per comparison,
        and a key computed only for the items the keys before it leave tied (a macro key
        renders the macro for every item it is computed for)."""
        keys = self.findall("cs:key", self.nsmap)
        descending = [key.get("sort", "ascending").lower() == "descending" for key in keys]

        def compare_one(left: Any, right: Any, desc: bool) -> int:
            if left is not None and right is not None:
                raw_l, low_l, int_raw_l, int_low_l = left
                raw_r, low_r, int_raw_r, int_low_r = right
                # citeproc-py lowers the left key, then the right one (an AttributeError
                # stops it there), then tries int() on both.
                if low_l is _NO_LOWER:
                    lk, rk, li, ri = raw_l, raw_r, int_raw_l, int_raw_r
                elif low_r is _NO_LOWER:
                    lk, rk, li, ri = low_l, raw_r, int_low_l, int_raw_r
                else:
                    lk, rk, li, ri = low_l, low_r, int_low_l, int_low_r
                if li is not None and ri is not None:
                    lk, rk = li, ri
                result = (lk > rk) - (lk < rk)
                return -result if desc and result else result
            if left is not None:
                return -1
            if right is not None:
                return 1
            return 0

        def order(indices: list[int], k: int) -> list[int]:
            if k == len(keys) or len(indices) < 2:
                return indices
            column = _sort_column(keys[k].sort_keys([items[i] for i in indices], context))
            desc = descending[k]
            ranked = sorted(
                range(len(indices)),
                key=cmp_to_key(lambda a, b: compare_one(column[a], column[b], desc)),  # type: ignore[call-overload]
            )
            out: list[int] = []
            run = [ranked[0]]
            for position in ranked[1:]:
                if compare_one(column[run[-1]], column[position], desc) == 0:
                    run.append(position)
                else:
                    out.extend(order([indices[p] for p in run], k + 1))
                    run = [position]
            out.extend(order([indices[p] for p in run], k + 1))
            return out

        return [items[i] for i in order(list(range(len(items))), 0)]


_NO_LOWER = object()
_SORT_NOISE = re.compile(r"<[^<>]*>|[\ue000-\ue01f]")


def _sort_text(text: str) -> str:
    """A sort key as citeproc-js compares it: markup, quotes and punctuation ignored."""
    if "\x00" in text or has_cjk(text):  # a pinyin key (text.pinyin) or CJK text: as it is
        return text
    text = _SORT_NOISE.sub("", text)
    if text.isalnum():
        return text
    kept = text.translate(_DROP_PUNCTUATION)
    return " ".join(kept.split(" ")) if kept.strip() else text


class _DropPunctuation(dict):
    """A ``str.translate`` table that deletes Unicode punctuation (filled as characters come)."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.category(chr(code)).startswith("P") else code
        self[code] = value
        return value


_DROP_PUNCTUATION = _DropPunctuation()


def _as_int(value: Any) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _sort_column(keys: list[Any]) -> list[Any]:
    column: list[Any] = []
    for key in keys:
        if key is None:
            column.append(None)
            continue
        try:
            low: Any = _sort_text(str(key.lower()))
        except AttributeError:
            low = _NO_LOWER
        column.append((key, low, _as_int(key), None if low is _NO_LOWER else _as_int(low)))
    return column
