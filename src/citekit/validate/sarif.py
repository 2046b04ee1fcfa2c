"""SARIF 2.1.0 output for CI systems (GitHub code scanning, GitLab, Azure DevOps).

One run; the driver lists the rules that produced results (id, name, descriptions, default
level, rules.md IDs as tags); each diagnostic is a result located in the input file by line
and column (code points: ``columnKind = unicodeCodePoints``), with its fix when it has one.
:func:`write_sarif` writes the log of a stream of references in bounded memory.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from ..codes import CODES
from ..model import Diagnostic, Reference, Severity
from ..report import location
from .registry import RULES

__all__ = ["sarif_log", "write_sarif"]

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _region(raw: str, first_line: int, start: int, end: int) -> dict[str, int]:
    sl, sc = location(raw, first_line, start)
    el, ec = location(raw, first_line, end)
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}


def _rule_descriptor(code: str, lang: str) -> dict[str, Any]:
    info = CODES[code]
    rule = RULES.get(code)
    short = info.summary_zh if lang.startswith("zh") else info.summary
    out: dict[str, Any] = {
        "id": code,
        "name": info.name,
        "shortDescription": {"text": short},
        "defaultConfiguration": {"level": _LEVEL[info.severity]},
    }
    if rule is not None:
        if rule.doc:
            out["fullDescription"] = {"text": rule.doc.split("\n\n")[0].replace("\n", " ")}
            out["help"] = {"text": rule.doc}
        out["properties"] = {"tags": list(rule.rule_ids), "editions": list(rule.editions)}
    return out


def _result(
    d: Diagnostic,
    uri: str,
    raw: str,
    first_line: int,
    index: dict[str, int],
    lang: str,
    ref_id: str | None,
) -> dict[str, Any]:
    res: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index[d.code],
        "level": _LEVEL[d.severity],
        "message": {"text": d.message_in(lang)},
    }
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
    if d.span is not None:
        location["physicalLocation"]["region"] = _region(raw, first_line, d.span.start, d.span.end)
    else:
        location["physicalLocation"]["region"] = {"startLine": first_line}
    if ref_id is not None:
        location["logicalLocations"] = [{"name": ref_id, "kind": "element"}]
    res["locations"] = [location]
    if d.fix is not None and d.fix.edits:
        res["fixes"] = [
            {
                "description": {"text": f"{d.fix.message} ({d.fix.applicability.value})"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {
                                "deletedRegion": _region(raw, first_line, e.span.start, e.span.end),
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in d.fix.edits
                        ],
                    }
                ],
            }
        ]
    return res


def sarif_log(
    refs: Sequence[Reference],
    uri: str,
    *,
    text_diagnostics: Iterable[Diagnostic] = (),
    text: str = "",
    text_uri: str | None = None,
    lang: str = "en",
    version: str = "",
) -> dict[str, Any]:
    """The SARIF log (a dict) of ``refs`` read from ``uri`` (and of the article ``text``)."""
    text_diagnostics = list(text_diagnostics)
    used = sorted(
        {d.code for r in refs for d in r.diagnostics} | {d.code for d in text_diagnostics}
    )
    index = {code: i for i, code in enumerate(used)}
    results = []
    for n, ref in enumerate(refs, start=1):
        first_line = ref.line or n
        for d in ref.diagnostics:
            results.append(_result(d, uri, ref.raw, first_line, index, lang, ref.id))
    for d in text_diagnostics:
        results.append(_result(d, text_uri or "article", text, 1, index, lang, None))
    return _log(used, results, lang, version)


def _log(used: Sequence[str], results: Any, lang: str, version: str) -> dict[str, Any]:
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citekit",
                        "version": version,
                        "rules": [_rule_descriptor(code, lang) for code in used],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


# stands for the results in the dump of the log around them (no diagnostic says this)
_RESULTS = "citekit: the results go here 1f0c8d2e"
_RESULT_INDENT = " " * 8  # a result's depth in the log: {runs[{results[


def write_sarif(
    refs: Iterable[Reference],
    out: TextIO,
    uri: str,
    *,
    text_diagnostics: Iterable[Diagnostic] = (),
    text: str = "",
    text_uri: str | None = None,
    lang: str = "en",
    version: str = "",
) -> None:
    """``json.dump(sarif_log(...), out, ensure_ascii=False, indent=2)`` and a newline, byte
    for byte, with ``refs`` read once as a stream (``text_diagnostics`` is read after them).

    The rules come first in the log, and which rules there are (and so each result's
    ``ruleIndex``) is known only at the end: the results wait in a temporary file, one JSON
    line each, and memory holds only the codes seen."""
    used: set[str] = set()
    zero: dict[str, int] = defaultdict(int)  # the index is set when the rules are known
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for n, ref in enumerate(refs, start=1):
            first_line = ref.line or n
            for d in ref.diagnostics:
                used.add(d.code)
                res = _result(d, uri, ref.raw, first_line, zero, lang, ref.id)
                spool.write(json.dumps(res, ensure_ascii=False) + "\n")
        for d in text_diagnostics:
            used.add(d.code)
            res = _result(d, text_uri or "article", text, 1, zero, lang, None)
            spool.write(json.dumps(res, ensure_ascii=False) + "\n")
        codes = sorted(used)
        index = {code: i for i, code in enumerate(codes)}
        if not codes:
            json.dump(_log(codes, [], lang, version), out, ensure_ascii=False, indent=2)
            out.write("\n")
            return
        head, tail = json.dumps(
            _log(codes, [_RESULTS], lang, version), ensure_ascii=False, indent=2
        ).split(json.dumps(_RESULTS))
        out.write(head)
        spool.seek(0)
        separator = ""
        for line in spool:
            res = json.loads(line)
            res["ruleIndex"] = index[res["ruleId"]]
            dumped = json.dumps(res, ensure_ascii=False, indent=2)
            out.write(separator + dumped.replace("\n", "\n" + _RESULT_INDENT))
            separator = ",\n" + _RESULT_INDENT
        out.write(tail + "\n")
