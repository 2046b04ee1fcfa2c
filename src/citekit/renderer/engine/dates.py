"""Dates: ``cs:date`` and ``cs:date-part`` (localized forms, ranges, seasons, year suffixes)."""

from __future__ import annotations

from typing import Any

import citeproc.model as cm
from citeproc.source import CitationItem, DateRange, VariableError
from citeproc.source import Date as SourceDate
from citeproc.string import (
    String,
)

from .keys import _CK_SUBSTITUTED, _CK_SUFFIX_DONE, _MISSING, CK_PROBE, EXPLICIT_SUFFIX_KEY
from .numbers import _ordinal_suffix, _term_gender


class Date(cm.Date):
    """``cs:date`` that appends the reference's disambiguating ``year-suffix`` to the first
    rendered ``issued`` date of a cite or entry, unless the style prints ``year-suffix`` itself
    (CSL 1.0.2, Disambiguation)."""

    def process(
        self,
        item: Any,
        variable: Any = None,
        show_parts: Any = None,
        context: Any = None,
        **kwargs: Any,
    ) -> Any:
        form = self.get("form")
        # (citeproc-py renders a localized form in this element's context whatever ``context``)
        if form is not None and variable is None and not self.is_locale_date():
            value = dict.get(
                item.reference, str(self.get("variable", "")).replace("-", "_"), _MISSING
            )
            if value is _MISSING:  # (what the locale's cs:date would raise, without its lookups)
                raise VariableError
            if isinstance(value, DateRange):
                # a range in a localized date: the locale's cs:date is citeproc-py's own
                # class, so its range rendering (seasons, range delimiters) is run here
                date_parts = self.get("date-parts")
                parts = date_parts.split("-") if date_parts else ["year", "month", "day"]
                text = Date.render_date_range(self.get_date(form), value, parts, self)
                return None if text is None else self.wrap(text)
            if isinstance(value, SourceDate):
                return self._ck_localized_single(form, value, show_parts)
        return super().process(item, variable, show_parts, context, **kwargs)

    def _ck_localized_single(self, form: str, date: Any, show_parts: Any) -> Any:
        """What citeproc-py's ``Date.process`` does for one date in a localized form (the
        locale's ``cs:date``, each of its parts rendered in this element's context, joined and
        affixed here), with the locale's date and its parts looked up once per style: the
        locale elements are citeproc-py's own classes, whose XPath lookups are not cached."""
        key = ("ck-locale-date-parts", form)
        parts = self._ck_cache.get(key)
        if parts is None:
            localized = self.get_date(form)
            parts = self._ck_cache[key] = (
                localized,
                [(part.get("name"), part) for part in localized.iterchildren()],
            )
        date_parts = self.get("date-parts")
        if date_parts is not None:
            show_parts = date_parts.split("-")
        elif show_parts is None:
            show_parts = ["year", "month", "day"]
        output = []
        for name, part in parts[1]:
            if name in show_parts:
                try:
                    text = part.render(date, self)
                except VariableError:
                    continue
                if text is not None:
                    output.append(text)
        if not output:
            return None
        if self.get("delimiter") is None and parts[0].get("delimiter") is not None:
            return self.wrap(_ck_date_join(parts[0], self, output))
        return self.wrap(self.join(output))

    def render_date_range(
        self, date_range: Any, show_parts: Any = None, context: Any = None
    ) -> Any:
        """citeproc-py's, with parts a date lacks (no month, a season instead) compared
        without raising (citeproc-py lets ``VariableError`` end the whole date)."""
        begin, end = date_range.begin, dict.get(date_range, "end")
        if end is None or end.is_nil():
            return cm.Date.render_date_range(self, date_range, show_parts, context)
        show_parts = list(show_parts)
        same_parts: list[str] = []

        def month(date: Any) -> Any:
            value = _date_field(date, "month")
            return ("m", value) if value is not None else ("s", _date_field(date, "season"))

        if begin.year == end.year and "year" in show_parts:
            show_parts.remove("year")
            same_parts.append("year")
            if "month" in show_parts and month(begin) == month(end):
                show_parts.remove("month")
                same_parts.append("month")
                if "day" in show_parts and _date_field(begin, "day") == _date_field(end, "day"):
                    show_parts.remove("day")
                    same_parts.append("day")
        same = _ck_single_date(self, end, same_parts, context) if same_parts else None
        diff_begin = _ck_single_date(self, begin, show_parts, context)
        diff_end = _ck_single_date(self, end, show_parts, context)
        if not diff_begin:
            return None
        largest = next((name for name in ("year", "month", "day") if name in show_parts), None)
        dash = _ck_range_delimiter(self, context, largest) or self.unicode_character("EN DASH")
        diff = diff_begin.rstrip() + dash + (diff_end or "")
        if not same:
            return diff
        if self.is_locale_date():
            return _ck_date_join(self, context, [diff, same.rstrip()])
        return context.join([diff, same.rstrip()])

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        if dict.get(item, CK_PROBE) and self.get("variable") == "accessed":
            raise VariableError  # the accessed date does not tell cites apart (citeproc-js)
        if dict.get(item, _CK_SUBSTITUTED) and kwargs.get("sort_options") is None:
            # a date a cs:substitute printed is not printed again
            try:
                context = kwargs.get("context")
                done = (self if context is None else context).get_layout().repressed.get(self.tag)
            except (AttributeError, IndexError):
                done = None
            if done and self.get("variable") in done:
                raise VariableError
        text = super().render(item, *args, **kwargs)
        if text is None or self.get("variable") != "issued" or not isinstance(item, CitationItem):
            return text
        reference = item.reference
        suffix = dict.get(reference, "year_suffix")
        if (
            not suffix
            or dict.get(item, _CK_SUFFIX_DONE)
            or dict.get(reference, EXPLICIT_SUFFIX_KEY)
        ):
            return text
        if kwargs.get("sort_options") is not None or self.xpath_search("./ancestor::cs:sort"):
            return text
        item[_CK_SUFFIX_DONE] = True
        affix = self.get("suffix", "")
        raw = str(text)
        if affix and raw.endswith(affix):  # inside the date's own affixes: (2000a)
            return String(raw[: -len(affix)] + str(suffix) + affix)
        return text + String(str(suffix))


def _ck_date_join(date: Any, context: Any, parts: list[Any]) -> Any:
    """Date parts joined with the style's ``cs:date`` delimiter, or for a localized date
    whose style element sets none, the locale's ``cs:date`` delimiter (as citeproc-js)."""
    if (
        context is not None
        and context is not date
        and date.is_locale_date()
        and context.get("delimiter") is None
        and date.get("delimiter") is not None
    ):
        return date.join(parts)
    return (context if date.is_locale_date() and context is not None else date).join(parts)


def _ck_single_date(date: Any, value: Any, show_parts: Any, context: Any) -> Any:
    """citeproc-py's ``render_single_date`` with :func:`_ck_date_join`."""
    parts = (
        date.parts(value, show_parts, context)
        if context is not date
        else date.parts(value, show_parts)
    )
    return _ck_date_join(date, context, parts) if parts else None


def _ck_range_delimiter(date: Any, context: Any, name: Any) -> Any:
    """The ``range-delimiter`` of the largest date part that differs in a range (CSL 1.0.2,
    Date-part): the style's ``cs:date-part`` first, then the locale's."""
    if name is None:
        return None
    for element in (context, date):
        if element is None:
            continue
        for part in element.iterchildren():
            if part.get("name") == name and part.get("range-delimiter") is not None:
                return part.get("range-delimiter")
    return None


def _date_field(date: Any, name: str) -> Any:
    """A part of a citeproc ``Date`` (``None`` when it has none; citeproc-py raises)."""
    return dict.get(date, name)


class Date_Part(cm.Date_Part):  # noqa: N801 - citeproc-py's name
    """``cs:date-part`` with seasons (a month 13–16 or 21–24 in the data, or ``season``: the
    ``season-0N`` term whatever the month form), as citeproc-js prints them."""

    def process(self, date: Any, context: Any = None) -> Any:
        name = self.get("name")
        if name == "month" and _date_field(date, "month") is None:
            season = _date_field(date, "season")
            if season is None:
                raise VariableError
            if context is None:
                context = self
            try:
                attrib = dict(context.xpath_search('./cs:date-part[@name="month"]')[0].attrib)
            except (AttributeError, IndexError):
                attrib = {}
            form = attrib.get("form", self.get("form", "long"))
            return context.get_single_term(
                name=f"season-{int(season):02}", form="short" if form == "short" else None
            )
        if name == "day":
            day = _date_field(date, "day")
            ctx = self if context is None else context
            if (
                day is not None
                and self._ck_day_form(ctx) == "ordinal"
                and not (
                    day > 1
                    and self.get_locale_option("limit-day-ordinals-to-day-1").lower() == "true"
                )
            ):
                # the ordinal takes the gender of the month's name (French: 1er octobre)
                month = _date_field(date, "month")
                gender = _term_gender(ctx, f"month-{int(month):02}") if month else None
                return str(day) + _ordinal_suffix(int(day), ctx, gender)
        return super().process(date, context)

    def _ck_day_form(self, context: Any) -> str:
        """The day's ``form``: the style's ``cs:date-part`` over the locale's (citeproc-py)."""
        try:
            found = context.xpath_search('./cs:date-part[@name="day"]')
        except AttributeError:
            found = []
        if found and found[0].get("form") is not None:
            return found[0].get("form")
        return self.get("form", "numeric")
