"""Sort keys: ``cs:sort`` / ``cs:key`` computed once per item, compared without markup and
punctuation, CJK keys by pinyin and grouped by language (``ck:group-by-language``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cmp_to_key
from typing import Any

import citeproc.model as cm

from ...text.author_order import list_group, names_key, order_key
from ...text.pinyin import pinyin_key
from .keys import CK_NS, CSL_NS, SORT_NAMES_KEY
from .strings import has_cjk

# --- sorting --------------------------------------------------------------------------------

_CK_GROUP = f"{{{CK_NS}}}group-by-language"


class Key(cm.Key):
    """``cs:key`` whose CJK keys sort by pinyin, surnames read as surnames (see
    :mod:`citekit.text.pinyin`).  In a ``cs:sort`` with ``ck:group-by-language`` (GB/T 7714
    author-date), a name key is the validator's key of the printed name list
    (:func:`citekit.text.author_order.names_key`: name by name, diacritics ignored)."""

    def names_key(self) -> bool:
        """Whether this key sorts by names (a name variable, or a macro that prints names)."""
        if "variable" in self.attrib:
            return bool(self.get("variable").replace("-", "_") in cm.NAMES)
        if "macro" in self.attrib:
            return self.get_macro(self.get("macro")).find(f".//{{{CSL_NS}}}names") is not None
        return False

    def sort_keys(self, items: Any, context: Any) -> list[Any]:
        names = self.names_key()
        if names and self.getparent().get(_CK_GROUP) == "true":
            done = [dict.get(item.reference, SORT_NAMES_KEY, _MISSING) for item in items]
            if all(text is not _MISSING for text in done):  # computed by Sort.sort
                return [None if text is None else _NamesKey(text) for text in done]
            keys = super().sort_keys(items, context)
            out_names: list[Any] = []
            for item, key in zip(items, keys, strict=True):
                text = None if key is None else _names_text(key)
                item.reference[SORT_NAMES_KEY] = text
                out_names.append(None if text is None else _NamesKey(text))
            return out_names
        keys = super().sort_keys(items, context)
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
        for key in self.findall("cs:key", self.nsmap):
            if isinstance(key, Key) and key.names_key():
                key.sort_keys(items, context)  # every item's printed names (SORT_NAMES_KEY)
                break
        groups: dict[int, list[Any]] = {}
        for item in items:
            ref = item.reference
            # the group the validator reads from the printed entry (L008): the title's script
            title = str(dict.get(ref, "title") or "")
            sample = " ".join(str(dict.get(ref, k) or "") for k in ("container_title", "author"))
            language = dict.get(ref, "language")
            group = list_group(title, language if isinstance(language, str) else None, sample)
            groups.setdefault(group, []).append(item)
        out: list[Any] = []
        for group in sorted(groups):
            members = groups[group]
            if len(members) > 1:
                # the style's keys, then (stable) the order check reads from the printed list:
                # name by name, year; suffixed works by first author, year, suffix
                # (citekit.text.author_order.order_key)
                members = sorted(self._sort(members, context), key=_order_key)
            out.extend(members)
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
_MISSING = object()
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def reference_year(reference: Any) -> str | None:
    """The year of a citeproc reference's ``issued`` as printed (a range's first; a literal
    date's first four-digit number: ``c1971``, ``1865(清同治四年)``)."""
    issued = dict.get(reference, "issued")
    if not isinstance(issued, dict):  # (citeproc-py's dates are dicts)
        return None
    issued = dict.get(issued, "begin", issued)
    if dict.get(issued, "year") is not None:
        return str(dict.get(issued, "year"))
    m = _YEAR.search(str(dict.get(issued, "text") or ""))
    return m.group() if m else None


def _order_key(item: Any) -> tuple[bool, tuple[tuple[str, ...], int, str, tuple[str, ...]]]:
    """A bibliography item's GB/T author-date order (items without printed names last), with
    its year suffix once disambiguation has given one."""
    names = dict.get(item.reference, SORT_NAMES_KEY)
    if not names:
        return (True, ((), 0, "", ()))
    year = reference_year(item.reference)
    suffix = str(dict.get(item.reference, "year_suffix") or "")
    return (False, order_key(names, int(year) if year else 0, suffix))


class _NamesKey(tuple[str, ...]):
    """A printed name list's order key (a tuple of strings, compared as it is: no
    ``lower()``, no ``int()``)."""

    __slots__ = ()

    def __new__(cls, text: str) -> _NamesKey:
        return super().__new__(cls, names_key(text))


def _names_text(key: Any) -> str:
    """The plain text of a rendered name key (a string or citeproc-py's list of parts)."""
    text = "".join(str(part) for part in key) if isinstance(key, list) else str(key)
    return html.unescape(_SORT_NOISE.sub("", text))


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
