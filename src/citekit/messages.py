"""The words citekit itself prints around diagnostics, in English and Chinese.

Diagnostic messages carry their own two languages (:meth:`Diagnostic.message_in`); this module
has the rest of a report: severities, the fix line, the summary, the ``citekit rule`` headings,
and :func:`zh_punctuation`, which gives a Chinese sentence its full-width marks (the code
summaries are written with ASCII ``, : ; ( )`` between Chinese words).
"""

from __future__ import annotations

import regex

from .model import Diagnostic, Fix, Severity

__all__ = [
    "fix_description",
    "localised_message",
    "severity_word",
    "summary_line",
    "word",
    "zh_punctuation",
]

_WORDS: dict[str, tuple[str, str]] = {
    "fix": ("fix", "修正"),
    "safe": ("safe", "安全"),
    "unsafe": ("unsafe", "需确认"),
    "editions": ("editions", "适用版本"),
    "rule_ids": ("GB/T 7714 rules (gbt7714/rules.md)", "对应 GB/T 7714 条款(gbt7714/rules.md)"),
    "fixable": ("fix: yes (safe fixes are applied by --fix)", "可自动修正：是(--fix 应用安全修正)"),
    "bad": ("Bad", "错误示例"),
    "good": ("Good", "正确示例"),
    "codes": ("codes", "个代码"),
    "fixed": ("fixed {n} reference(s)", "已修正 {n} 条参考文献"),
}
_SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def _zh(lang: str | None) -> bool:
    return bool(lang) and lang.startswith("zh")  # type: ignore[union-attr]


def word(key: str, lang: str = "en", **values: object) -> str:
    text = _WORDS[key][1 if _zh(lang) else 0]
    return text.format(**values) if values else text


def severity_word(severity: Severity, lang: str = "en") -> str:
    return _SEVERITY_ZH[severity] if _zh(lang) else severity.value


def summary_line(references: int, counts: dict[Severity, int], lang: str = "en") -> str:
    """``3 references: 0 errors, 1 warning, 1 note`` (or ``no problems found``), in ``lang``."""
    errors, warnings, notes = (counts[s] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    if _zh(lang):
        if not errors + warnings + notes:
            return f"共 {references} 条参考文献，未发现问题"
        return f"共 {references} 条参考文献：{errors} 个错误，{warnings} 个警告，{notes} 条提示"
    if not errors + warnings + notes:
        return f"{_plural(references, 'reference')}, no problems found"
    parts = [_plural(errors, "error"), _plural(warnings, "warning"), _plural(notes, "note")]
    return f"{_plural(references, 'reference')}: {', '.join(parts)}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


_QUOTED = regex.compile(r"'([^']{1,200})'|“[^”]{1,200}”")


def localised_message(d: Diagnostic, lang: str) -> str:
    """The message of ``d`` in ``lang``.  A message written in English only (``message_zh``
    unset, e.g. the parser's P003 with the text it could not place) becomes the code's Chinese
    summary, followed by the text it quoted."""
    if not _zh(lang):
        return d.message
    if d.message_zh:
        return zh_punctuation(d.message_zh)
    from .codes import CODES

    info = CODES.get(d.code)
    if info is None:
        return d.message
    quoted = [m.group(1) or m.group(0)[1:-1] for m in _QUOTED.finditer(d.message)]
    tail = "：" + "，".join(f"“{q}”" for q in quoted) if quoted else ""
    return zh_punctuation(info.summary_zh) + tail


# An ASCII mark next to a Chinese character (the marks inside quotations are left alone: they
# are the reference's own text).
_HAN = r"[\p{Han}\p{Bopomofo}“”]"
# (the second branch starts where the search does or after a non-space: linear over space runs)
_MARK = regex.compile(
    rf"(?<={_HAN})\s*([,:;?!])\s*|(?:\G|(?<!\s))\s*([,:;?!])\s*(?={_HAN})"
    rf"|(?<={_HAN})\s*\(|\(\s*(?={_HAN})|(?<={_HAN})\s*\)|\)\s*(?={_HAN})"
)
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_QUOTE_SPAN = regex.compile(r"“[^”]*”|'[^']*'")


def zh_punctuation(text: str) -> str:
    """Full-width ``，：；？！（）`` where ASCII marks sit next to Chinese words.

    >>> zh_punctuation("条目过长, 仅解析了开头部分 (第 2 条): “北京: 科学出版社”")
    '条目过长，仅解析了开头部分（第 2 条）：“北京: 科学出版社”'
    """
    quotes = [m.span() for m in _QUOTE_SPAN.finditer(text)]

    def repl(m: regex.Match[str]) -> str:
        if any(a < m.start() + 1 < b for a, b in quotes):  # the reference's own text
            return m.group(0)
        mark = m.group(1) or m.group(2)
        if mark:
            return _FULL[mark]
        return "（" if "(" in m.group(0) else "）"

    return _MARK.sub(repl, text)


def fix_description(fix: Fix, raw: str, lang: str = "en") -> str:
    """What ``fix`` does to ``raw``: its own (English) message, or in Chinese, its edits."""
    if not _zh(lang):
        return fix.message
    parts = []
    for e in fix.edits:
        old = raw[e.span.start : e.span.end]
        if not e.replacement:
            parts.append(f"删除“{old}”")
        elif not old:
            parts.append(f"插入“{e.replacement}”")
        else:
            parts.append(f"将“{old}”改为“{e.replacement}”")
    return "；".join(parts) or fix.message
