"""The engine behind the line-tagged formats: RIS, EndNote tagged, CNKI RefWorks, NoteExpress.

Each of those formats is a sequence of records, each record a sequence of ``TAG value`` lines
(values may run on over untagged continuation lines).  A format module supplies a
:class:`Spec` -- how a line is tagged, where records start and end, and a table from tags to
CSL variables -- and this module does the rest in both directions, keeping each record's exact
source text and the span of each line for diagnostics.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..codes import make
from ..csl import CslItem
from ..model import Diagnostic, Reference, Span
from ..text.identifiers import CN_SERIAL, ISBN_VALUE, ISSN_VALUE, strip_doi_resolver
from ..text.script import has_cjk
from ._common import (
    IdMaker,
    LineCounter,
    build_reference,
    date_year,
    failed_reference,
    format_date,
    format_tagged_name,
    line_of,
    norm_language,
    norm_number,
    norm_pages,
    parse_date,
    parse_tagged_name,
    split_name_list,
    unwritten,
)

__all__ = ["Spec", "read_tagged", "write_tagged", "TField", "TRecord"]

LineParser = Callable[[str], "tuple[str, str] | None"]


@dataclass(slots=True)
class TField:
    tag: str
    value: str
    start: int  # offsets into the record's raw text
    end: int


@dataclass(slots=True)
class TRecord:
    start: int  # offset of the record in the whole text
    end: int
    line: int
    fields: list[TField] = field(default_factory=list)


@dataclass
class Spec:
    """How one tagged format looks and maps to CSL.

    ``fields`` maps an (upper-case) tag to ``(kind, variable)``; kinds are interpreted by
    :func:`_apply`.  ``out`` is the ordered list of ``(tag, kind, variable)`` the writer emits.
    """

    name: str
    parse_line: LineParser
    type_tag: str
    type_map: Mapping[str, str]
    type_out: Mapping[str, str]
    fields: Mapping[str, tuple[str, str]]
    out: Sequence[tuple[str, str, str]]
    format_line: Callable[[str, str], str]
    end_tag: str | None = None
    blank_ends_record: bool = False
    default_type_out: str = "Generic"
    names_joiner: str | None = None  # "; " to write all names of a role on one line
    names_trailer: str = ""
    keywords_joiner: str | None = None
    record_separator: str = "\n"
    ignore: frozenset[str] = frozenset()
    id_tag: str | None = None


# --------------------------------------------------------------------------- splitting


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their ends; only CR and LF end a line (U+2028 and the like are
    text inside a value, as the tagged formats' specifications have it)."""
    for m in _LINE.finditer(text):
        yield m.group(0)


def split_records(text: str, spec: Spec) -> tuple[list[TRecord], list[tuple[int, int]]]:
    """Records (with field spans) and the spans of stray text outside every record."""
    records: list[TRecord] = []
    stray: list[tuple[int, int]] = []
    cur: TRecord | None = None
    closed = True  # no open record
    last_end = 0
    pos = 0
    type_tag = spec.type_tag
    lines = LineCounter(text)
    for line in _lines(text):
        start = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            if spec.blank_ends_record and cur is not None:
                closed = True
            continue
        parsed = spec.parse_line(body)
        if parsed is not None and (
            parsed[0].upper() == type_tag or (closed and spec.blank_ends_record)
        ):
            if cur is not None:
                cur.end = last_end
            cur = TRecord(start=start, end=start, line=lines.line(start))
            records.append(cur)
            closed = False
        if parsed is None or closed or cur is None:
            if cur is not None and not closed and cur.fields:
                # continuation line of the previous field
                f = cur.fields[-1]
                f.value = _join_lines(f.value, stripped)
                f.end = start + len(body) - cur.start
                last_end = start + len(body)
            else:
                stray.append((start, start + len(body)))
            continue
        tag, value = parsed
        cur.fields.append(
            TField(tag, value.strip(), start - cur.start, start + len(body) - cur.start)
        )
        last_end = start + len(body)
        if spec.end_tag and tag.upper() == spec.end_tag:
            cur.end = last_end
            cur = None
            closed = True
    if cur is not None:
        cur.end = last_end
    return records, stray


def _join_lines(a: str, b: str) -> str:
    if not a:
        return b
    if has_cjk(a[-1]) or has_cjk(b[0]) or b[0] in ",.;:，。；：、)）":
        return a + b
    return a + " " + b


# --------------------------------------------------------------------------- reading


def read_tagged(text: str, spec: Spec) -> list[Reference]:
    records, stray = split_records(text, spec)
    if not records:
        if text.strip():
            return [failed_reference("ref-1", text, f"no {spec.name} record found")]
        return []
    ids = IdMaker()
    refs: list[Reference] = []
    stray_before: dict[int, list[tuple[int, int]]] = {}
    for s in stray:
        # attach stray text to the record that follows it (or the last one)
        idx = next((i for i, r in enumerate(records) if r.start >= s[1]), len(records) - 1)
        stray_before.setdefault(idx, []).append(s)
    for i, rec in enumerate(records):
        raw = text[rec.start : rec.end]
        try:
            item, diags = _convert(rec, raw, spec)
        except Exception as exc:  # one bad record never spoils the batch
            rid, _ = ids(None, i + 1)
            refs.append(
                failed_reference(
                    rid, raw, f"{spec.name} record could not be read: {exc}", line=rec.line
                )
            )
            continue
        key = item.pop("_key", None)
        rid, dup = ids(key, i + 1)
        if dup:
            diags.append(dup)
        for s in stray_before.get(i, ()):
            diags.append(
                make(
                    "F009",
                    f"text outside any {spec.name} record was skipped: "
                    f"{text[s[0] : s[1]][:60]!r} (line {line_of(text, s[0])})",
                )
            )
        refs.append(build_reference(rid, raw, item, diags, line=rec.line))
    return refs


def _convert(rec: TRecord, raw: str, spec: Spec) -> tuple[CslItem, list[Diagnostic]]:
    item: CslItem = {}
    diags: list[Diagnostic] = []
    acc: dict[str, Any] = {"dates": [], "containers": [], "pages": {}}
    type_value = None
    for f in rec.fields:
        tag = f.tag.upper()
        if tag == spec.type_tag:
            type_value = f.value
            continue
        if tag in spec.ignore or (spec.end_tag and tag == spec.end_tag):
            continue
        span = Span(f.start, f.end)
        if not f.value:
            continue
        entry = spec.fields.get(tag)
        if entry is None:
            diags.append(
                make(
                    "F002",
                    f"{spec.name} field '{f.tag}' has no CSL-JSON equivalent; not converted",
                    span=span,
                    field=f.tag,
                )
            )
            continue
        kind, var = entry
        _apply(item, acc, diags, kind, var, f.value, span, tag, spec)
    # type
    csl_type = None
    if type_value is not None:
        csl_type = spec.type_map.get(type_value.strip().lower())
    if csl_type is None:
        diags.append(
            make(
                "F004",
                f"{spec.name} type {type_value!r} is not known; 'document' used",
                field="type",
            )
        )
        csl_type = "document"
    item["type"] = csl_type
    _finish(item, acc, diags, spec)
    return item, diags


def _apply(
    item: CslItem,
    acc: dict[str, Any],
    diags: list[Diagnostic],
    kind: str,
    var: str,
    value: str,
    span: Span,
    tag: str,
    spec: Spec,
) -> None:
    if kind == "text":
        if var in item and item[var] != value:
            diags.append(
                make(
                    "F005",
                    f"{spec.name} field '{tag}' repeats; only the first value was kept for '{var}'",
                    span=span,
                    field=var,
                )
            )
        else:
            item[var] = value
    elif kind == "textjoin":
        item[var] = item[var] + "\n" + value if var in item else value
    elif kind == "names":
        names, others = split_name_list(value)
        lst = item.setdefault(var, [])
        for n in names:
            parsed = parse_tagged_name(n)
            if parsed:
                lst.append(parsed)
        if others:
            diags.append(make("F008", span=span, field=var))
    elif kind == "supervisor":  # CNKI RefWorks A3: thesis supervisors / tertiary authors
        acc.setdefault("a3", []).append((value, span))
    elif kind in ("date", "year"):
        acc["dates"].append((kind, var, value, span))
    elif kind == "container":
        acc["containers"].append((int(var), value, span, tag))
    elif kind in ("sp", "ep", "op"):
        acc["pages"].setdefault(kind, value)
    elif kind == "page":
        item.setdefault("page", norm_pages(value))
    elif kind == "number":
        if var in item:
            diags.append(
                make(
                    "F005",
                    f"{spec.name} field '{tag}' repeats; only the first value was kept",
                    span=span,
                    field=var,
                )
            )
        else:
            item[var] = norm_number(value)
    elif kind == "keywords":
        kws = [k.strip() for k in re.split(r"[;；]", value) if k.strip()]
        acc.setdefault("keywords", []).extend(kws)
    elif kind == "serial":
        for part in re.split(r"[;；]|\s{2,}", value):
            part = part.strip()
            if not part:
                continue
            if ISSN_VALUE.match(part):
                item.setdefault("ISSN", part)
            elif CN_SERIAL.match(part):
                item.setdefault("custom", {}).setdefault("CN", part.replace("CN", "").strip())
            elif ISBN_VALUE.match(part):
                item.setdefault("ISBN", re.sub(r"^ISBN[:\s]*", "", part))
            else:
                item.setdefault("ISSN" if not item.get("ISSN") else "ISBN", part)
    elif kind == "language":
        item.setdefault("language", norm_language(value))
    elif kind == "doi":
        item.setdefault("DOI", strip_doi_resolver(value))
    elif kind == "url":
        urls = [u for u in re.split(r"\s*;\s*|\s+", value) if u]
        if "URL" not in item and urls:
            item["URL"] = urls.pop(0)
        for u in urls:
            if u != item.get("URL"):
                diags.append(
                    make("F005", f"a further URL was not kept: {u}", span=span, field="URL")
                )
    elif kind == "callnumber":  # CNKI puts the CN serial number where a call number goes
        if CN_SERIAL.match(value):
            item.setdefault("custom", {}).setdefault("CN", value.replace("CN", "").strip())
        else:
            _apply(item, acc, diags, "text", var, value, span, tag, spec)
    elif kind == "custom":
        item.setdefault("custom", {}).setdefault(var, value)
    elif kind == "customlist":
        names, _ = split_name_list(value)
        item.setdefault("custom", {}).setdefault(var, []).extend(names)
    elif kind == "key":
        item.setdefault("_key", value)
    elif kind == "refid":  # RefWorks ID: CNKI puts patent and standard numbers there
        item.setdefault("_key", value)
        acc["refid"] = value
    else:  # pragma: no cover - a bug in a spec table
        raise ValueError(f"unknown field kind {kind!r}")


def _finish(item: CslItem, acc: dict[str, Any], diags: list[Diagnostic], spec: Spec) -> None:
    # containers: lowest rank wins the full title; a differing other one becomes the short title
    conts = sorted(acc["containers"], key=lambda c: c[0])
    for rank, value, span, tag in conts:
        if "container-title" not in item:
            item["container-title"] = value
        elif value != item["container-title"]:
            if "container-title-short" not in item and rank >= 5:
                item["container-title-short"] = value
            elif value != item.get("container-title-short"):
                diags.append(
                    make(
                        "F005",
                        f"{spec.name} field '{tag}' ({value!r}) differs from the "
                        f"container title already read; not kept",
                        span=span,
                        field="container-title",
                    )
                )
    # dates: the most precise of the date fields wins
    best: tuple[int, dict[str, Any]] | None = None
    for _kind, var, value, span in acc["dates"]:
        date, ok = parse_date(value)
        if not ok:
            if var == "issued" and best is None:
                best = (0, date)
            if var != "issued":
                item[var] = date
            diags.append(
                make(
                    "F005", f"date {value!r} was not understood; kept as text", span=span, field=var
                )
            )
            continue
        if var != "issued":
            item[var] = date
            continue
        n = sum(len(p) for p in date["date-parts"])
        if best is None or n > best[0]:
            best = (n, date)
    if best is not None:
        item["issued"] = best[1]
    # pages
    pages = acc["pages"]
    if pages and "page" not in item:
        sp, ep, op = pages.get("sp"), pages.get("ep"), pages.get("op")
        end = ep or op
        if sp and end and re.fullmatch(r"\w+", end.strip()) and re.fullmatch(r"\w+", sp.strip()):
            item["page"] = (
                norm_pages(f"{sp}-{end}") if sp.strip() != end.strip() else norm_pages(sp)
            )
        elif sp and not end:
            item["page"] = norm_pages(sp)
        elif end and not sp:
            item["page"] = norm_pages(end)
        else:
            item["page"] = norm_pages(sp or "")
            diags.append(
                make(
                    "F005",
                    f"pages {sp!r} and {end!r} do not make one range; the end page was not kept",
                    field="page",
                )
            )
    if (
        acc.get("refid")
        and item.get("type") in _NUMBERED
        and "number" not in item
        and re.match(r"[A-Z]{2}", acc["refid"])
    ):
        item["number"] = acc["refid"]
    if acc.get("keywords"):
        item["keyword"] = ", ".join(dict.fromkeys(acc["keywords"]))
    for value, _span in acc.get("a3", ()):
        role = "contributor" if item.get("type") == "thesis" else "collection-editor"
        names, _ = split_name_list(value)
        item.setdefault(role, []).extend(n for n in map(parse_tagged_name, names) if n)


# --------------------------------------------------------------------------- writing

_RANGE = re.compile(r"^\s*(\w+)\s*[-–]\s*(\w+)\s*$")
# Characters that would end or corrupt a tagged line: C0/C1 controls (tab aside) and the Unicode
# line and paragraph separators.
_BREAKING = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def write_tagged(items: Sequence[Mapping[str, Any]], spec: Spec) -> tuple[str, list[Diagnostic]]:
    chunks: list[str] = []
    diags: list[Diagnostic] = []
    for item in items:
        lines, handled, d = _write_one(item, spec)
        diags.extend(d)
        diags.extend(unwritten(item, handled, spec.name))
        chunks.append("\n".join(lines) + "\n")
    return spec.record_separator.join(chunks), diags


def _write_one(item: Mapping[str, Any], spec: Spec) -> tuple[list[str], set[str], list[Diagnostic]]:
    fl = spec.format_line
    handled: set[str] = set()
    diags: list[Diagnostic] = []
    csl_type = str(item.get("type") or "document")
    t = spec.type_out.get(csl_type)
    if t is None:
        t = spec.default_type_out
    back = spec.type_map.get(t.lower())
    if back != csl_type:
        diags.append(
            make(
                "F003",
                f"{spec.name} has no type for '{csl_type}' of item "
                f"'{item.get('id', '?')}'; written as '{t}'",
                field="type",
            )
        )
    lines = [fl(spec.type_tag, t)]
    raw_custom = item.get("custom")
    custom: Mapping[str, Any] = raw_custom if isinstance(raw_custom, Mapping) else {}
    for tag, kind, var in spec.out:
        values = _out_values(item, custom, kind, var, csl_type, spec)
        if values is None:
            continue
        handled.update(values[1])
        for v in values[0]:
            if v is not None and str(v) != "":
                text, n = _BREAKING.subn(" ", str(v))
                if n:
                    diags.append(
                        make(
                            "F003",
                            f"{spec.name} cannot hold line breaks or control characters inside "
                            f"a field ({tag} of item '{item.get('id', '?')}'); written as spaces",
                            field=values[1][0] if values[1] else None,
                        )
                    )
                lines.append(fl(tag, text))
    if spec.end_tag:
        lines.append(fl(spec.end_tag, ""))
    return lines, handled, diags


def _out_values(
    item: Mapping[str, Any],
    custom: Mapping[str, Any],
    kind: str,
    var: str,
    csl_type: str,
    spec: Spec,
) -> tuple[list[Any], list[str]] | None:
    if kind == "names" or kind.startswith("names:"):
        # "names:thesis" - only for that type, "names:!thesis" - for every other type
        if ":" in kind:
            cond = kind.split(":", 1)[1]
            if (cond.startswith("!") and csl_type == cond[1:]) or (
                not cond.startswith("!") and csl_type != cond
            ):
                return None
        names = item.get(var)
        if not isinstance(names, list) or not names:
            return None
        formatted = [format_tagged_name(n) for n in names if isinstance(n, Mapping)]
        if spec.names_joiner:
            return [spec.names_joiner.join(formatted) + spec.names_trailer], [var]
        return formatted, [var]
    if kind.startswith("container"):
        # "container" always; "container:journal" only for periodical types; "container:other"
        periodical = csl_type in _PERIODICAL
        if (kind == "container:journal" and not periodical) or (
            kind == "container:other" and periodical
        ):
            return None
        return ([item.get(var)], [var]) if item.get(var) else None
    if kind == "year":
        y = date_year(item.get(var))
        if y is None:
            return None
        parts = (item.get(var) or {}).get("date-parts") or []
        complete = bool(parts) and len(parts) == 1 and len(parts[0]) == 1
        # the year alone carries the whole date: the date line is not needed
        return [y], [var] if complete or not parts else []
    if kind in ("date", "date-ris", "date-if-more"):
        d = item.get(var)
        if not d:
            return None
        parts = d.get("date-parts") if isinstance(d, Mapping) else None
        if kind != "date" and (not parts or (len(parts) == 1 and len(parts[0]) == 1)):
            return [], [var]  # the year line carries it
        if kind == "date-ris" and parts and len(parts) == 1:
            p = parts[0]
            s = "/".join([str(p[0]).zfill(4)] + [str(x).zfill(2) for x in p[1:3]])
            s += "/" * (3 - len(p)) + "/"
            return [s], [var]
        return [format_date(d)], [var]
    if kind in ("sp", "ep"):
        page = item.get("page")
        if not page:
            return None
        m = _RANGE.match(str(page))
        if m:
            return [m.group(1) if kind == "sp" else m.group(2)], ["page"]
        return ([str(page)] if kind == "sp" else []), ["page"]
    if kind == "keywords":
        kw = item.get("keyword")
        if not kw:
            return None
        parts = [k.strip() for k in re.split(r"[,;，；]", str(kw)) if k.strip()]
        if spec.keywords_joiner:
            return [spec.keywords_joiner.join(parts)], ["keyword"]
        return parts, ["keyword"]
    if kind == "serial":
        vals = [item.get(v) for v in ("ISSN", "ISBN") if item.get(v)]
        return (vals, ["ISSN", "ISBN"]) if vals else None
    if kind == "custom":
        v = custom.get(var)
        if v in (None, "", []):
            return None
        if isinstance(v, list):
            if spec.names_joiner:
                return [spec.names_joiner.join(map(str, v)) + spec.names_trailer], [f"custom.{var}"]
            return [str(x) for x in v], [f"custom.{var}"]
        return [v], [f"custom.{var}"]
    if kind == "callnumber":
        vals = []
        if item.get(var):
            vals.append(item[var])
        if custom.get("CN"):
            vals.append(custom["CN"])
        return (vals, [var, "custom.CN"]) if vals else None
    if kind == "id":
        return [item.get("id")], ["id"]
    # plain text / number
    v = item.get(var)
    if v in (None, "", []):
        return None
    if isinstance(v, (dict, list)):
        return None
    return [v], [var]


_NUMBERED = frozenset({"patent", "standard"})

_PERIODICAL = frozenset(
    {
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "article",
        "review",
        "review-book",
        "periodical",
    }
)


def lenient_line(tag_re: re.Pattern[str]) -> LineParser:
    def parse(line: str) -> tuple[str, str] | None:
        m = tag_re.match(line)
        if not m:
            return None
        return m.group(1), m.group(2) or ""

    return parse


def names_in(value: Iterable[Any]) -> list[Mapping[str, Any]]:
    return [n for n in value if isinstance(n, Mapping)]
