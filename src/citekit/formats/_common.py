"""Helpers shared by the format readers and writers: names, dates, pages, languages, ids."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import regex

from ..codes import make
from ..csl import CslItem
from ..language import detect_language
from ..model import Diagnostic, Reference, Span
from ..text.numerals import decimal_int
from ..text.script import has_cjk

__all__ = [
    "IdMaker",
    "finish_item",
    "format_date",
    "format_tagged_name",
    "name_text",
    "norm_language",
    "norm_number",
    "norm_pages",
    "parse_date",
    "parse_tagged_name",
    "split_name_list",
    "unwritten",
]

_LATIN = regex.compile(r"\p{Latin}")


# --------------------------------------------------------------------------- names

_OTHERS = {"others", "et al", "et al.", "etal", "等", "等.", "et. al."}


def is_others(text: str) -> bool:
    return text.strip().lower() in _OTHERS


def split_name_list(value: str) -> tuple[list[str], bool]:
    """Split a list of names as Chinese databases write them (``胡重明;邢润杰;``).

    Semicolons always separate; commas separate only between CJK names (``颜宏,石德成``), because
    ``Smith, John`` is one Western name.  Returns the names and whether an "others" marker was
    dropped.
    """
    parts = [p.strip() for p in re.split(r"[;；]", value)]
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        if has_cjk(part) and not _LATIN.search(part) and re.search(r"[,，、]", part):
            out.extend(p.strip() for p in re.split(r"[,，、]", part) if p.strip())
        else:
            out.append(part)
    others = False
    names = []
    for n in out:
        if is_others(n):
            others = True
        else:
            names.append(n)
    return names, others


def parse_tagged_name(text: str) -> dict[str, str] | None:
    """A name as tagged formats (RIS, EndNote, RefWorks, NoteExpress) write it.

    ``Family, Given[, Suffix]`` is a personal name; a name without a comma, or ending in a comma
    (EndNote's mark for a corporate author), is kept whole as ``literal``; CJK names are literal
    (citekit's convention: a Chinese name is not split into family and given).
    """
    s = text.strip()
    if not s:
        return None
    if has_cjk(s) and not _LATIN.search(s):
        return {"literal": re.sub(r"\s*[,，]\s*|\s+", "", s)}
    if s.endswith(","):
        return {"literal": s[:-1].strip()}
    if "," not in s:
        return {"literal": s}
    parts = [p.strip() for p in s.split(",")]
    name: dict[str, str] = {"family": parts[0]}
    words = parts[0].split()
    k = 0
    while k < len(words) - 1 and words[k][:1].islower():
        k += 1
    if k:  # "van Beethoven, Ludwig": lower-case particles before the family name
        name = {"family": " ".join(words[k:]), "non-dropping-particle": " ".join(words[:k])}
    if len(parts) >= 2 and parts[1]:
        name["given"] = parts[1]
    if len(parts) >= 3 and parts[2]:
        name["suffix"] = ", ".join(p for p in parts[2:] if p)
    return name


def name_text(name: Mapping[str, Any]) -> str:
    """A name as one display string, for messages and for formats with a single name field."""
    if name.get("literal"):
        return str(name["literal"])
    family = " ".join(str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(str(p) for p in (name.get("given"), name.get("dropping-particle")) if p)
    if has_cjk(family + given):
        return family + given
    return " ".join(p for p in (given, family) if p)


def format_tagged_name(name: Mapping[str, Any]) -> str:
    """Inverse of :func:`parse_tagged_name`."""
    if name.get("literal"):
        lit = str(name["literal"])
        return lit + "," if "," in lit else lit
    family = " ".join(str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(str(p) for p in (name.get("given"), name.get("dropping-particle")) if p)
    if has_cjk(family + given) and not _LATIN.search(family + given):
        return family + given
    out = family
    if given or name.get("suffix"):
        out += ", " + given
    if name.get("suffix"):
        out += ", " + str(name["suffix"])
    return out


# --------------------------------------------------------------------------- dates

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}

_ISO = r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?"
_ISO_RE = re.compile(rf"^{_ISO}(?:T[\d:.]+Z?)?$")
_RANGE_RE = re.compile(rf"^{_ISO}/{_ISO}$")
_SLASH_RE = re.compile(r"^(\d{4})(?:[/.](\d{1,2})?(?:[/.](\d{1,2})?)?)?(?:/[^/]*)?/*$")
_ZH_RE = re.compile(r"^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$")
_EN_RE = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?,?\s+(?:(\d{1,2}),?\s+)?(\d{4})$")


def _parts(y: str, m: str | None, d: str | None) -> list[int] | None:
    out = [int(y)]
    if m:
        if not 1 <= int(m) <= 12:
            return None
        out.append(int(m))
        if d:
            if not 1 <= int(d) <= 31:
                return None
            out.append(int(d))
    return out


def parse_date(text: str) -> tuple[dict[str, Any], bool]:
    """A CSL date from the date strings exports carry; ``(date, understood)``.

    Understood: ``2020``, ``2020-03``, ``2020-03-01``, ranges ``2019/2020``, RIS ``2020/03/01/``,
    ``2020年3月``, ``March 2020``, ``1 March 2020``.  Anything else becomes ``{"literal": text}``.
    """
    s = text.strip()
    m = _RANGE_RE.match(s)
    if m:
        a = _parts(m.group(1), m.group(2), m.group(3))
        b = _parts(m.group(4), m.group(5), m.group(6))
        if a and b:
            return {"date-parts": [a, b]}, True
    m = _ISO_RE.match(s) or _SLASH_RE.match(s) or _ZH_RE.match(s)
    if m:
        p = _parts(m.group(1), m.group(2), m.group(3))
        if p:
            return {"date-parts": [p]}, True
    m = _EN_RE.match(s)
    if m and m.group(2).lower() in _MONTHS:
        day = m.group(1) or m.group(3)
        p = _parts(m.group(4), str(_MONTHS[m.group(2).lower()]), day)
        if p:
            return {"date-parts": [p]}, True
    return {"literal": s}, False


def month_number(text: str) -> int | None:
    s = text.strip().lower().rstrip(".")
    n = decimal_int(s)
    if n is not None:
        return n if 1 <= n <= 12 else None
    return _MONTHS.get(s)


def format_date(date: Any) -> str | None:
    """``YYYY[-MM[-DD]]`` (``a/b`` for a range), or the literal/raw text."""
    if not isinstance(date, Mapping):
        return None
    parts = date.get("date-parts")
    if parts:
        out = []
        for p in parts[:2]:
            if not p:
                continue
            bits = [str(p[0]).zfill(4) if str(p[0]).isdigit() else str(p[0])]
            bits += [str(x).zfill(2) for x in p[1:3]]
            out.append("-".join(bits))
        if out:
            return "/".join(out)
    for key in ("literal", "raw"):
        if date.get(key):
            return str(date[key])
    return None


def date_year(date: Any) -> str | None:
    if isinstance(date, Mapping):
        parts = date.get("date-parts")
        if parts and parts[0]:
            return str(parts[0][0])
        for key in ("literal", "raw"):
            if date.get(key):
                return str(date[key])
    return None


# --------------------------------------------------------------------------- numbers etc.

_LEADING_ZEROS = re.compile(r"(?<![\w.])0+(?=\d)")
_RANGE_DASH = re.compile(r"-{1,3}|[–—~～]")


def norm_pages(text: str) -> str:
    """``64--76`` → ``64-76``; en/em dashes and ``~`` as ranges; CNKI's ``004`` → ``4``."""
    # Split and strip rather than a ``\s*dash\s*`` pattern, which retries its leading ``\s*``
    # at every space of a long run without a dash (quadratic: 10,000 spaces took 2.5 s).
    s = "-".join(part.strip() for part in _RANGE_DASH.split(text.strip()))
    return _LEADING_ZEROS.sub("", s)


def norm_number(text: str) -> str:
    """Volume and issue: CNKI's ``02`` → ``2``; anything else kept."""
    s = text.strip()
    n = decimal_int(s)
    return s if n is None else str(n)


_LANGS = {
    "zh": "zh-CN",
    "zh-cn": "zh-CN",
    "zh_cn": "zh-CN",
    "chinese": "zh-CN",
    "chi": "zh-CN",
    "zho": "zh-CN",
    "cn": "zh-CN",
    "中文": "zh-CN",
    "汉语": "zh-CN",
    "chs": "zh-CN",
    "简体中文": "zh-CN",
    "zh-hans": "zh-CN",
    "pinyin": "zh-CN",
    "zh-tw": "zh-TW",
    "zh-hant": "zh-TW",
    "繁体中文": "zh-TW",
    "en": "en",
    "english": "en",
    "eng": "en",
    "英文": "en",
    "英语": "en",
    "en-us": "en-US",
    "american": "en-US",
    "usenglish": "en-US",
    "en-gb": "en-GB",
    "british": "en-GB",
    "ukenglish": "en-GB",
    "german": "de-DE",
    "ngerman": "de-DE",
    "ger": "de-DE",
    "deu": "de-DE",
    "de": "de-DE",
    "french": "fr-FR",
    "fre": "fr-FR",
    "fra": "fr-FR",
    "fr": "fr-FR",
    "japanese": "ja-JP",
    "jpn": "ja-JP",
    "ja": "ja-JP",
    "日文": "ja-JP",
    "korean": "ko-KR",
    "kor": "ko-KR",
    "ko": "ko-KR",
    "russian": "ru-RU",
    "rus": "ru-RU",
    "ru": "ru-RU",
    "spanish": "es-ES",
    "spa": "es-ES",
    "es": "es-ES",
}


def norm_language(text: str) -> str:
    """A BCP 47 tag for the language names and codes exports use (``中文;`` → ``zh-CN``)."""
    s = text.strip().strip(";；").strip()
    key = s.lower().replace(" ", "")
    if key in _LANGS:
        return _LANGS[key]
    if re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", s):
        return s
    return s


# --------------------------------------------------------------------------- items


class IdMaker:
    """Hands out ids: the entry's own key when it has one, else ``ref-N``; unique per file."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, key: str | None, index: int) -> tuple[str, Diagnostic | None]:
        base = (key or "").strip() or f"ref-{index}"
        if base not in self.seen:
            self.seen.add(base)
            return base, None
        n = 2
        while f"{base}-{n}" in self.seen:
            n += 1
        new = f"{base}-{n}"
        self.seen.add(new)
        return new, make(
            "F006", f"the key '{base}' is used more than once; this entry's id is '{new}'"
        )


_TEXT_FOR_LANGUAGE = ("title", "container-title", "publisher")


def finish_item(item: CslItem) -> CslItem:
    """Drop empty values; set ``language`` to ``zh-CN`` for a Chinese item that has none."""
    out: CslItem = {}
    for k, v in item.items():
        if v is None or v == "" or v == [] or v == {}:
            continue
        out[k] = v
    if "language" not in out:
        sample = " ".join(str(out.get(k, "")) for k in _TEXT_FOR_LANGUAGE)
        names = out.get("author") or out.get("editor") or []
        sample += " " + " ".join(name_text(n) for n in names if isinstance(n, Mapping))
        if detect_language(sample) == "zh-CN":
            out["language"] = "zh-CN"
    return out


def build_reference(
    ref_id: str,
    raw: str,
    item: CslItem,
    diagnostics: Iterable[Diagnostic],
    *,
    line: int | None = None,
    failed: bool = False,
) -> Reference:
    item = dict(item)
    if not failed:
        item = finish_item(item)
        item["id"] = ref_id
        # id first, then type, then the rest: easier to read
        item = {"id": ref_id, "type": item.get("type", "document"), **item}
    lang = item.get("language") if isinstance(item.get("language"), str) else None
    return Reference(
        id=ref_id,
        raw=raw,
        item=item,
        language=lang or detect_language(raw),
        confidence=0.0 if failed else 1.0,
        diagnostics=tuple(diagnostics),
        line=line,
    )


def failed_reference(ref_id: str, raw: str, message: str, *, line: int | None = None) -> Reference:
    return build_reference(
        ref_id, raw, {}, [make("F001", message, span=Span(0, len(raw)))], line=line, failed=True
    )


def unwritten(item: Mapping[str, Any], handled: Iterable[str], fmt: str) -> list[Diagnostic]:
    """F003 warnings for the item's variables the target format did not take."""
    done = set(handled) | {"id", "type"}
    out = []
    ident = item.get("id", "?")
    for key, value in item.items():
        if key in done or value in (None, "", [], {}):
            continue
        if key == "custom" and isinstance(value, Mapping):
            for ck in value:
                if f"custom.{ck}" not in done:
                    out.append(
                        make(
                            "F003",
                            f"{fmt} cannot hold 'custom.{ck}' of item '{ident}'; left out",
                            field=f"custom.{ck}",
                        )
                    )
            continue
        out.append(
            make("F003", f"{fmt} cannot hold '{key}' of item '{ident}'; left out", field=key)
        )
    return out


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset``."""
    return text.count("\n", 0, offset) + 1


class LineCounter:
    """1-based line numbers of increasing offsets into one text, in time linear in the text
    (a reader asks for each record's line in order; counting from the start each time would be
    quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.count = 1

    def line(self, offset: int) -> int:
        if offset < self.offset:  # out of order: count afresh
            self.offset, self.count = 0, 1
        self.count += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.count
