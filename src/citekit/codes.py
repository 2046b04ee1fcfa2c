"""The diagnostic code registry.

Codes are API: a family letter plus three digits, never renumbered and never reused; a code
that is retired stays here marked deprecated.  Families:

- ``S`` segmentation, ``P`` parsing, ``D`` dates, ``E`` encoding and characters,
  ``B`` brackets and quotes, ``F`` exchange formats (BibTeX, RIS, EndNote, NoteExpress,
  RefWorks, CSL-JSON), ``X`` internal errors.
- Later families (validator issue): ``N`` names, ``I`` identifiers, ``T`` type codes,
  ``G`` GB/T 7714 rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Diagnostic, Fix, Severity, Span

__all__ = ["CODES", "CodeInfo", "make"]


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    name: str
    severity: Severity
    summary: str
    summary_zh: str
    deprecated: bool = False


def _c(code: str, name: str, severity: str, summary: str, summary_zh: str) -> CodeInfo:
    return CodeInfo(code, name, Severity(severity), summary, summary_zh)


CODES: dict[str, CodeInfo] = {
    c.code: c
    for c in (
        _c("S001", "empty-reference", "error", "the reference is empty", "参考文献条目为空"),
        _c("P001", "unparsed-reference", "error",
           "the reference could not be parsed into fields", "无法识别该条参考文献的著录项目"),
        _c("P002", "low-confidence-field", "warning",
           "a field was recognised with low confidence", "著录项目识别置信度低"),
        _c("P003", "unrecognised-text", "info",
           "part of the reference was not assigned to any field", "部分文字未能归入任何著录项目"),
        _c("P004", "input-truncated", "warning",
           "the reference is too long; only its start was parsed", "条目过长, 仅解析了开头部分"),
        _c("D001", "missing-year", "warning",
           "the reference has no year of publication", "缺少出版年"),
        _c("E001", "replacement-character", "error",
           "U+FFFD replacement character: text was lost in an encoding conversion",
           "含有替换字符 U+FFFD, 说明编码转换时丢失了文字"),
        _c("E002", "placeholder-square", "error",
           "'□' stands where a character could not be displayed or converted",
           "含有“□”, 可能是无法显示或转换的字符"),
        _c("E003", "gbk-utf8-mojibake", "error",
           "'锟斤拷'-style mojibake: UTF-8 decoded as GBK", "含有“锟斤拷”类乱码(UTF-8 被当作 GBK 解码)"),
        _c("E004", "double-encoded-utf8", "error",
           "double-encoded UTF-8 such as 'Ã©' for 'é'", "含有双重编码的 UTF-8 乱码(如“Ã©”应为“é”)"),
        _c("E005", "control-character", "error",
           "control or non-text characters in the reference", "含有控制字符或非文本字符"),
        _c("B001", "unbalanced-bracket", "warning",
           "a bracket is not closed or not opened", "括号不配对"),
        _c("B002", "unbalanced-quote", "warning",
           "a quotation mark or title mark is not closed or not opened", "引号或书名号不配对"),
        _c("F001", "unreadable-entry", "error",
           "an entry could not be read; it is kept with its raw text",
           "无法读取该条目, 已保留其原文"),
        _c("F002", "unmapped-field", "warning",
           "a field of the source format has no CSL-JSON equivalent and was not converted",
           "该字段在 CSL-JSON 中没有对应项, 未转换"),
        _c("F003", "field-not-written", "warning",
           "the target format cannot hold this field; it was left out",
           "目标格式无法容纳该字段, 已略去"),
        _c("F004", "unknown-entry-type", "warning",
           "the entry type is not known; a generic type was used",
           "未知的文献类型, 已按通用类型处理"),
        _c("F005", "uninterpreted-value", "warning",
           "a field value could not be interpreted; it was kept as text",
           "字段值无法解析, 已按原文保留"),
        _c("F006", "duplicate-key", "warning",
           "the entry key is used more than once; the id was made unique",
           "条目键重复, 已改为唯一的 id"),
        _c("F007", "undefined-macro", "warning",
           "a BibTeX @string macro is not defined; its name was kept as text",
           "BibTeX @string 宏未定义, 已按原文保留"),
        _c("F008", "others-in-name-list", "info",
           "'others' / 'et al.' / '等' in a name list is not a name; it was dropped",
           "姓名列表中的“others”“et al.”“等”不是姓名, 已略去"),
        _c("F009", "text-outside-entries", "warning",
           "text outside any entry was skipped",
           "条目之外的文字已略过"),
        _c("X001", "internal-error", "error",
           "citekit failed inside a pipeline stage; the reference keeps what it had",
           "citekit 在处理该条目时出现内部错误"),
    )
}


def make(
    code: str,
    message: str | None = None,
    *,
    span: Span | None = None,
    field: str | None = None,
    fix: Fix | None = None,
    severity: Severity | None = None,
) -> Diagnostic:
    """A diagnostic for a registered code; the message defaults to the code's summary."""
    info = CODES[code]
    return Diagnostic(
        code=code,
        severity=severity or info.severity,
        message=message or info.summary,
        span=span,
        field=field,
        fix=fix,
    )
