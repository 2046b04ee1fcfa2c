"""SARIF 2.1.0 output for CI systems (GitHub code scanning, GitLab, Azure DevOps).

One run; the driver lists the rules that produced results (id, name, descriptions, default
level, rules.md IDs as tags); each diagnostic is a result located in the input file by line
and column (code points: ``columnKind = unicodeCodePoints``), with its fix when it has one.
"""

from __future__ import annotations

import json
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


def write_sarif(refs: Sequence[Reference], out: TextIO, uri: str, **kwargs: Any) -> None:
    json.dump(sarif_log(refs, uri, **kwargs), out, ensure_ascii=False, indent=2)
    out.write("\n")
