"""Word documents: the reference section of a manuscript (``.docx`` in), a bibliography
(``.docx`` out).  python-docx (MIT) reads and writes the package.

A manuscript's references are the paragraphs after its last heading named 参考文献,
References, Bibliography, Works Cited (and a few kin), up to the next heading or a closing
section (附录, 致谢, Appendix, Acknowledgements...).  Word's automatic numbering is not in a
paragraph's text: it is computed from ``numbering.xml`` (``[%1]``, ``%1.``, ①...) and put in
front of the paragraph, as the editor sees it.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .errors import ApiError

__all__ = ["Manuscript", "bibliography_docx", "is_docx", "read_manuscript"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Headings of a reference section, compared without spaces, case or a trailing colon.
_REFERENCE_HEADINGS = {
    "参考文献",
    "主要参考文献",
    "参考书目",
    "引用文献",
    "文献",
    "references",
    "reference",
    "bibliography",
    "workscited",
    "literaturecited",
    "referencesandnotes",
    "sourcescited",
}
# Sections that may follow the list and end it.
_CLOSING = re.compile(
    r"^(附录|附表|致谢|致\s*谢|后记|作者简介|作者贡献|基金项目|注释|appendix|appendices|"
    r"acknowledge?ments?|about the authors?|author contributions|supplementary|notes)\b",
    re.I,
)
# A heading's own number: 六、 / 5. / 5 / V. / （五）
_HEADING_NUMBER = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十百]+[)）、.．]|[0-9IVXivx]+[.．、]?)\s*"
)
# A heading inside the list that groups it (中文文献, 英文文献, Primary sources).
_SUB_HEADING = re.compile(r"文献|资料|sources|references|works", re.I)
_MAX_UNPACKED = 200 * 1024 * 1024  # a .docx that unpacks to more is refused (zip bomb)


@dataclass(frozen=True, slots=True)
class Manuscript:
    references: str  # the reference list, one paragraph a line
    article: str  # the text before the reference section (for the citation cross-check)
    heading: str | None  # the heading found, or None when the whole document was taken


def is_docx(data: bytes, name: str | None) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    if name and name.lower().endswith(".docx"):
        return True
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def _open(data: bytes) -> Any:
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > _MAX_UNPACKED:
                raise ApiError(413, "docx-too-large", "the .docx unpacks to more than 200 MB")
        return docx.Document(io.BytesIO(data))
    except ApiError:
        raise
    except Exception as exc:  # python-docx and zipfile raise many kinds for a damaged file
        raise ApiError(422, "bad-docx", f"the .docx file cannot be read: {exc}") from None


def read_manuscript(data: bytes, limit: int | None = None) -> Manuscript:
    """The reference section of a ``.docx`` manuscript (raises :class:`ApiError` 422 for a
    file that is not a readable Word document)."""
    document = _open(data)
    numbering = _Numbering(document)
    paragraphs: list[tuple[str, bool]] = []  # (text with its list number, looks like a heading)
    for p in document.paragraphs:
        text = p.text.replace("\n", " ").replace("\u000b", " ").strip()
        number = numbering.label(p)
        style = (p.style.name if p.style is not None else "") or ""
        level = _outline_level(p)
        heading = style.lower().startswith(("heading", "title", "标题")) or (
            level is not None and level < 9
        )
        if number and text:
            text = f"{number} {text}"
        paragraphs.append((text, heading))
    start = None
    for i, (text, _) in enumerate(paragraphs):
        if _is_reference_heading(text):
            start = i
    if start is None:
        body = [t for t, _ in paragraphs if t]
        return Manuscript("\n".join(body), "", None)
    refs: list[str] = []
    for text, heading in paragraphs[start + 1 :]:
        if not text:
            continue
        if len(text) < 40 and _CLOSING.match(text):
            break
        if heading:
            if _SUB_HEADING.search(text):  # 中文文献 / English sources: the list goes on
                continue
            break
        refs.append(text)
    article = "\n".join(t for t, _ in paragraphs[:start] if t)
    return Manuscript("\n".join(refs), article, paragraphs[start][0])


def _outline_level(p: Any) -> int | None:
    ppr = p._p.pPr
    if ppr is None:
        return None
    lvl = ppr.find(f"{_W}outlineLvl")
    return int(lvl.get(f"{_W}val")) if lvl is not None else None


def _is_reference_heading(text: str) -> bool:
    if not text or len(text) > 40:
        return False
    key = _HEADING_NUMBER.sub("", text.strip())
    key = re.sub(r"[\s:：]+", "", key).lower()
    return key in _REFERENCE_HEADINGS


# --- Word's automatic numbering --------------------------------------------------------------

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE = "零一二三四五六七八九十"


def _roman(n: int) -> str:
    out = ""
    for value, digits in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out += digits
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalEnclosedCircle" and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional") and n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE[tens] + "十")
        return head + (_CHINESE[ones] if ones or not head else "")
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)  # decimal and anything else


class _Numbering:
    """Counters of the document's numbered lists, advanced paragraph by paragraph."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> fmt
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = document.styles
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for a in root.iter(f"{_W}abstractNum"):
            abstract[a.get(f"{_W}abstractNumId")] = {
                int(lvl.get(f"{_W}ilvl", "0")): _level(lvl) for lvl in a.iter(f"{_W}lvl")
            }
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            levels = dict(abstract.get(ref.get(f"{_W}val"), {}))
            for over in num.iter(f"{_W}lvlOverride"):
                ilvl = int(over.get(f"{_W}ilvl", "0"))
                start = over.find(f"{_W}startOverride")
                if start is not None and ilvl in levels:
                    _, fmt, text = levels[ilvl]
                    levels[ilvl] = (int(start.get(f"{_W}val")), fmt, text)
            self.levels[num.get(f"{_W}numId")] = levels

    def _num_pr(self, p: Any) -> tuple[str | None, int]:
        ppr = p._p.pPr
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        style = p.style
        while num_pr is None and style is not None:  # numbering given by the paragraph style
            sppr = style.element.find(f"{_W}pPr")
            num_pr = sppr.find(f"{_W}numPr") if sppr is not None else None
            style = style.base_style
        if num_pr is None:
            return None, 0
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        return (
            num_id.get(f"{_W}val") if num_id is not None else None,
            int(ilvl.get(f"{_W}val")) if ilvl is not None else 0,
        )

    def label(self, p: Any) -> str:
        """The number Word shows before ``p`` (``"[3]"``), or ``""``."""
        num_id, ilvl = self._num_pr(p)
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start, fmt, text = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt in ("none", "bullet"):
            return ""

        def value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl_start, lvl_fmt, _ = levels.get(k, (1, "decimal", ""))
            return _format(counters.get(k, lvl_start), lvl_fmt)

        return re.sub(r"%([1-9])", value, text).strip()


def _level(lvl: Any) -> tuple[int, str, str]:
    start = lvl.find(f"{_W}start")
    fmt = lvl.find(f"{_W}numFmt")
    text = lvl.find(f"{_W}lvlText")
    return (
        int(start.get(f"{_W}val")) if start is not None else 1,
        fmt.get(f"{_W}val") if fmt is not None else "decimal",
        text.get(f"{_W}val") if text is not None else "%1.",
    )


# --- writing ---------------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)(i|b|sup|sub|span)\b[^>]*>|<[^>]+>")


def bibliography_docx(entries_html: Iterable[str]) -> bytes:
    """A ``.docx`` with one paragraph per entry; the entries' italics, bold, superscript and
    subscript kept as run formatting (the HTML is the renderer's: escaped text and those tags)."""
    import docx

    document = docx.Document()
    for entry in entries_html:
        paragraph = document.add_paragraph()
        state = {"i": 0, "b": 0, "sup": 0, "sub": 0}
        pos = 0
        for m in _TAG.finditer(entry):
            _run(paragraph, entry[pos : m.start()], state)
            pos = m.end()
            tag = m.group(2)
            if tag in state:
                state[tag] += -1 if m.group(1) else 1
        _run(paragraph, entry[pos:], state)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _run(paragraph: Any, text: str, state: dict[str, int]) -> None:
    if not text:
        return
    run = paragraph.add_run(html.unescape(text))
    run.italic = state["i"] > 0 or None
    run.bold = state["b"] > 0 or None
    if state["sup"] > 0:
        run.font.superscript = True
    if state["sub"] > 0:
        run.font.subscript = True
