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
    "error_line",
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


# The error lines of the command line (``citekit: error: ...``, exit 2) in Chinese: the English
# message's shape -> its Chinese form; names, paths and codes are carried over.  The reasons the
# system gives (``strerror``) are translated when known.
_ERRORS_ZH: tuple[tuple[regex.Pattern[str], str], ...] = tuple(
    (regex.compile(pattern), zh)
    for pattern, zh in (
        (r"^(?P<f>.+) is empty: there is no reference to read$", "{f} 为空：没有可读的参考文献"),
        (
            r"^no input: give a file \(citekit (?P<c>[\w-]+) refs\.txt\) or pipe a list in "
            r"\(citekit [\w-]+ - < refs\.txt\); see citekit [\w-]+ --help$",
            "没有输入：请给出文件（citekit {c} refs.txt）或用管道输入列表"
            "（citekit {c} - < refs.txt）；参见 citekit {c} --help",
        ),
        (r"^cannot read '(?P<f>[^']*)': (?P<why>.+)$", "无法读取“{f}”：{why}"),
        (
            r"^'(?P<c>[^']*)' matches no diagnostic code \(see `citekit rules`\)$",
            "“{c}”不是任何诊断代码（参见 `citekit rules`）",
        ),
        (
            r"^unknown code '(?P<c>[^']*)'; codes of that family: (?P<l>.+)$",
            "未知代码“{c}”；同类代码：{l}",
        ),
        (r"^unknown code '(?P<c>[^']*)'$", "未知代码“{c}”"),
        (
            r"^(?:(?P<w>.+): )?unknown standard '(?P<s>[^']*)'; choose one of: (?P<l>.+)$",
            "{w}未知标准“{s}”；可选：{l}",
        ),
        (
            r"^argument (?P<a>\S+): invalid choice: '(?P<v>[^']*)' \(choose from (?P<l>.+)\)$",
            "参数 {a} 的值“{v}”无效（可选：{l}）",
        ),
        (r"^argument (?P<a>\S+): expected one argument$", "参数 {a} 需要一个值"),
        (r"^the following arguments are required: (?P<a>.+)$", "缺少参数：{a}"),
        (r"^unrecognized arguments: (?P<a>.+)$", "无法识别的参数：{a}"),
        (
            r"^profile '(?P<p>[^']*)' requested but no citekit\.toml or \[tool\.citekit\] found$",
            "指定了配置“{p}”，但找不到 citekit.toml 或 [tool.citekit]",
        ),
        (r"^(?P<w>.+): unknown key '(?P<k>[^']*)'$", "{w}：未知设置项“{k}”"),
        (r"^(?P<w>.+): unknown profile '(?P<p>[^']*)' \((?P<l>.*)\)$", "{w}：未知配置“{p}”（{l}）"),
        (r"^cannot read config '(?P<f>[^']*)': (?P<why>.+)$", "无法读取配置文件“{f}”：{why}"),
        (
            r"^config '(?P<f>[^']*)' is not valid TOML: (?P<why>.+)$",
            "配置文件“{f}”不是有效的 TOML：{why}",
        ),
    )
)
_REASONS_ZH = {
    "No such file or directory": "文件不存在",
    "Permission denied": "没有读取权限",
    "it is a directory": "这是一个目录",
    "Is a directory": "这是一个目录",
}
_NOT_VALID = regex.compile(r"^not valid (?P<codec>[\w-]+) \(byte (?P<n>\d+)\)$")


def error_line(message: str, lang: str = "en") -> str:
    """The line ``citekit`` prints for an error (``CitekitError``) in ``lang``.  In Chinese,
    a message of a shape not in the table keeps its English words after the Chinese head."""
    if not _zh(lang):
        return f"citekit: error: {message}"
    for pattern, zh in _ERRORS_ZH:
        m = pattern.match(message)
        if m:
            values = {k: _reason_zh(v or "") for k, v in m.groupdict().items()}
            if values.get("w"):
                values["w"] += "：" if "s" in values else ""
            message = zh.format(**values)
            break
    return f"citekit：错误：{zh_punctuation(message)}"


def _reason_zh(text: str) -> str:
    m = _NOT_VALID.match(text)
    if m:
        return f"不是有效的 {m['codec']} 编码（第 {m['n']} 字节）"
    return _REASONS_ZH.get(text, text)
