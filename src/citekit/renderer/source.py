"""The citeproc-py source of one render: CSL-JSON items as citeproc-py reads them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from citeproc import CitationItem
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String

from ._prepare import EXTRA_DATES, EXTRA_NAMES

_EXTRA_KEYS = frozenset(k.replace("_", "-") for k in EXTRA_NAMES | EXTRA_DATES)


class Source(CiteProcJSON):
    """citeproc-py's ``CiteProcJSON`` with field text without a nocase span made into its
    ``MixedString`` directly (the same value, without its scan), and the CSL 1.0.2 name and date
    variables citeproc-py does not know (``reviewed-author``, ``available-date``) parsed as such."""

    def __init__(self, json_data: Any) -> None:
        extra: dict[str, dict[str, Any]] = {}
        plain = []
        for ref in json_data:
            if _EXTRA_KEYS.isdisjoint(ref):
                plain.append(ref)
                continue
            found = {k: v for k, v in ref.items() if k in _EXTRA_KEYS}
            if found:
                extra[str(ref["id"]).lower()] = found
                ref = {k: v for k, v in ref.items() if k not in found}
            plain.append(ref)
        super().__init__(plain)
        for key, found in extra.items():
            reference = self[key]
            for name, value in found.items():
                py = name.replace("-", "_")
                reference[py] = (
                    self.parse_names(value) if py in EXTRA_NAMES else self.parse_date(value)
                )

    def parse_string(self, string: Any) -> Any:
        text = str(string)
        if "<" not in text:
            return MixedString([String(text)]) if text else MixedString()
        return super().parse_string(text)

    def parse_date(self, json_data: Any) -> Any:
        parts = json_data.get("date-parts") if isinstance(json_data, Mapping) else None
        if not isinstance(parts, list) or not any(
            isinstance(p, list)
            and len(p) > 1
            and str(p[1]).strip() not in {str(m) for m in range(1, 13)}
            for p in parts
        ):
            return super().parse_date(json_data)
        season = json_data.get("season")
        dates = []
        for part in parts[:2]:
            clean, part_season = _season_date(part, season)
            dates.append((clean, part_season))
        data = {k: v for k, v in json_data.items() if k not in ("date-parts", "season")}
        data["date-parts"] = [clean for clean, _ in dates]
        result = super().parse_date(data)
        targets = (
            [result] if len(dates) == 1 else [dict.get(result, "begin"), dict.get(result, "end")]
        )
        for target, (_, part_season) in zip(targets, dates, strict=False):
            if target is not None and part_season not in (None, ""):
                try:
                    target["season"] = int(part_season)
                except (TypeError, ValueError):
                    target["season"] = part_season
        return result


def _season_date(parts: Any, season: Any) -> Any:
    """CSL-JSON date parts with a month 13–24 read as a season (13, 17, 21: spring; as
    citeproc-js), an impossible month (and its day) dropped."""
    if not isinstance(parts, list) or len(parts) < 2:
        return parts, season
    try:
        month = int(str(parts[1]).strip())
    except ValueError:
        return parts[:1], season
    if 1 <= month <= 12:
        return parts, season
    if 13 <= month <= 24:
        return parts[:1], (month - 13) % 4 + 1
    return parts[:1], season


class _CachedReference:
    """A non-data descriptor: the first access looks the reference up, later ones find it in
    the instance's ``__dict__`` (no function call)."""

    def __get__(self, item: Any, owner: Any = None) -> Any:
        if item is None:
            return self
        ref = item.citation.bibliography.source[item.key]
        item.__dict__["reference"] = ref
        return ref


class Item(CitationItem):
    """citeproc-py's ``CitationItem`` with its reference looked up once (citeproc-py resolves
    ``item.reference`` through three dictionary lookups on every variable access)."""

    reference = _CachedReference()
