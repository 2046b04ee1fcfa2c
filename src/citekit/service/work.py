"""The work behind each endpoint, as plain synchronous functions run on a worker thread.

Everything here goes through citekit's own functions (the pipeline, the format readers and
writers, the validator, the renderer) so that an answer holds the same records as the CLI's
JSON output for the same input and options.  A :class:`Deadline` is checked between references:
a request that has run out of time stops at the next reference instead of running on unseen.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..errors import CitekitError, UsageError
from ..fixes import apply_fixes
from ..formats import read, sniff, with_item_defaults, write
from ..model import Applicability, Diagnostic, Reference, Severity
from ..pipeline import (
    DEFAULT_STAGES,
    PARSE_STAGES,
    Config,
    process_iter,
    references_from_text,
    run_stages_many,
    stage_check,
)
from .errors import ApiError

__all__ = [
    "ENDPOINTS",
    "Deadline",
    "Request",
    "TimeUp",
    "do_check",
    "do_convert",
    "do_fix",
    "do_format",
    "do_parse",
    "rule_list",
    "rule_one",
]


#: the POST endpoints, each ``do_<name>(request, deadline, limit, server_config[, style])``
ENDPOINTS = ("parse", "check", "fix", "format", "convert")


class TimeUp(Exception):
    """The request's time is spent (the caller has already answered 503)."""


@dataclass(slots=True)
class Deadline:
    at: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds)

    def check(self) -> None:
        if time.monotonic() > self.at:
            raise TimeUp()


@dataclass(slots=True)
class Request:
    """A validated request: exactly one input (text, reference strings or CSL-JSON items) and
    the options beside it (see :mod:`citekit.service.inputs`)."""

    text: str | None = None
    references: list[str] | None = None
    items: list[Any] | None = None
    filename: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    #: where an uploaded manuscript's list came from, for the answer (``source``)
    source: dict[str, Any] | None = None

    def opt(self, name: str, default: Any = None) -> Any:
        value = self.options.get(name)
        return default if value is None else value


# --- input -> references ------------------------------------------------------------------


def _config(req: Request, server_config: str | None) -> Config:
    """The pipeline Config for the request's options: edition, --select/--ignore, a profile of
    the server's config file, profile options given in the request."""
    import argparse

    from ..validate.cli import config_from_args
    from ..validate.profile import _parse

    args = argparse.Namespace(
        standard=req.opt("standard", "gbt7714-2015"),
        lines=bool(req.opt("lines", False)),
        select=_codes_arg(req.opt("select")),
        ignore=_codes_arg(req.opt("ignore")),
        config=server_config,
        profile=req.opt("profile"),
    )
    if args.profile and server_config is None:
        raise UsageError("this server has no config file, so no profile can be named")
    if server_config is None:
        # no file is searched for: a request never makes the server read a file of its choice
        config = Config(standard=args.standard, lines=args.lines)
        config = _with_codes(config, args)
    else:
        config = config_from_args(args)
    extra = req.opt("options")
    if extra:
        parsed = _parse(extra, "options")
        unknown = set(parsed) - {"options", "severity"}
        if unknown:
            raise UsageError(f"options: '{sorted(unknown)[0]}' is not a profile option")
        config = replace(
            config,
            options={**dict(config.options), **parsed["options"]},
            severity={**dict(config.severity), **parsed["severity"]},
        )
    return config


def _codes_arg(value: Any) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else [",".join(value)]


def _with_codes(config: Config, args: Any) -> Config:
    from ..validate.cli import _codes

    return replace(config, select=_codes(args.select), ignore=_codes(args.ignore))


def _limited(refs: Sequence[Any], limit: int) -> None:
    if len(refs) > limit:
        raise ApiError(
            413,
            "too-many-references",
            f"{len(refs)} references in one request; this server takes at most {limit}",
        )


def _run(refs: Iterable[Reference], deadline: Deadline) -> list[Reference]:
    out = []
    for ref in refs:
        deadline.check()
        out.append(ref)
    return out


def load(
    req: Request,
    config: Config,
    deadline: Deadline,
    limit: int,
    *,
    validate: bool,
) -> tuple[list[Reference], str]:
    """The references of the request, parsed (text) or read (exports, CSL-JSON items) and,
    with ``validate``, checked per reference, as ``citekit parse``/``check`` read a file.
    Returns them and the input's format (``text`` or an exchange format)."""
    stages = DEFAULT_STAGES if validate else PARSE_STAGES
    if req.references is not None:
        _limited(req.references, limit)
        refs = process_iter(req.references, config, stages=stages)
        return _run(refs, deadline), "text"
    if req.items is not None:
        _limited(req.items, limit)
        fmt: str | None
        text, fmt = json.dumps(req.items, ensure_ascii=False), "csl-json"
    else:
        text = req.text or ""
        fmt = req.opt("from")
        if fmt is None and not config.lines:
            fmt = sniff(text, req.filename)
    if fmt in (None, "text"):
        unparsed = references_from_text(text, lines=config.lines)
        _limited(unparsed, limit)
        refs = run_stages_many(unparsed, config, stages)
        return _run(refs, deadline), "text"
    entries = read(text, fmt)
    _limited(entries, limit)
    checked = (
        with_item_defaults(r) if not validate else stage_check(with_item_defaults(r), config)
        for r in entries
    )
    return _run(checked, deadline), fmt


# --- answers -----------------------------------------------------------------------------


def _summary(refs: Sequence[Reference], text_diags: Sequence[Diagnostic] = ()) -> dict[str, int]:
    counts = {"references": len(refs), "error": 0, "warning": 0, "info": 0}
    for d in [d for r in refs for d in r.diagnostics] + list(text_diags):
        counts[d.severity.value] += 1
    return counts


def _localised(refs: Sequence[Reference], lang: str) -> list[Reference]:
    from ..validate.cli import _localise  # one home: the messages of `check --lang`

    return _localise(refs, lang)


def _answer(
    req: Request, refs: Sequence[Reference], fmt: str, text_diags: Sequence[Diagnostic] = ()
) -> dict[str, Any]:
    lang = req.opt("lang", "en")
    refs = _localised(refs, lang)
    out: dict[str, Any] = {
        "references": [r.to_json() for r in refs],
        "summary": _summary(refs, text_diags),
        "input_format": fmt,
    }
    if req.opt("article") is not None or text_diags:
        out["text_diagnostics"] = [
            replace(d, message=d.message_in(lang)).to_json() for d in text_diags
        ]
    if req.source is not None:
        out["source"] = req.source
    return out


def do_parse(req: Request, deadline: Deadline, limit: int, server_config: str | None) -> Any:
    config = _config(req, server_config)
    refs, fmt = load(req, config, deadline, limit, validate=False)
    return _answer(req, refs, fmt)


def _checked(
    req: Request, deadline: Deadline, limit: int, server_config: str | None
) -> tuple[list[Reference], list[Diagnostic], str, Config]:
    from ..validate.core import check_list

    config = _config(req, server_config)
    refs, fmt = load(req, config, deadline, limit, validate=True)
    deadline.check()
    from ..validate.rules_style import style_findings, with_style_findings

    result = check_list(refs, config, text=req.opt("article"))
    found = style_findings(refs, config) if fmt == "text" else {}  # the list's style (L012/L013)
    return list(with_style_findings(result.references, found)), result.text_diagnostics, fmt, config


def do_check(req: Request, deadline: Deadline, limit: int, server_config: str | None) -> Any:
    refs, text_diags, fmt, _ = _checked(req, deadline, limit, server_config)
    if req.opt("format", "json") == "sarif":
        return _sarif(req, refs, text_diags)
    return _answer(req, refs, fmt, text_diags)


def _sarif(req: Request, refs: list[Reference], text_diags: list[Diagnostic]) -> Any:
    from .. import __version__
    from ..validate.sarif import sarif_log

    lang = req.opt("lang", "en")
    refs = _localised(refs, lang)
    return sarif_log(
        refs,
        req.filename or "references.txt",
        text_diagnostics=[replace(d, message=d.message_in(lang)) for d in text_diags],
        text=req.opt("article") or "",
        text_uri="article.txt" if req.opt("article") else None,
        lang=lang,
        version=__version__,
    )


def fix_ids(ref: Reference) -> Iterator[tuple[str, Diagnostic]]:
    """``(fix id, diagnostic)`` for each diagnostic of ``ref`` with a fix; a fix id is
    ``<reference id>:<index of the diagnostic in the record>``."""
    for index, d in enumerate(ref.diagnostics):
        if d.fix is not None and d.fix.edits:
            yield f"{ref.id}:{index}", d


def do_fix(req: Request, deadline: Deadline, limit: int, server_config: str | None) -> Any:
    """Check, apply the chosen fixes (ids, or ``"safe"`` for every safe fix) to the raw
    strings, check again: what ``citekit check --fix`` does, for the chosen fixes."""
    from ..pipeline import run_stages
    from ..validate.core import check_list

    refs, _, fmt, config = _checked(req, deadline, limit, server_config)
    chosen = req.opt("fixes", "safe")
    if fmt != "text" and chosen != []:
        # a fix edits a reference string; an export's entry is fixed in its fields
        raise ApiError(
            422, "not-fixable", f"fixes apply to reference strings, not to {fmt} entries"
        )
    wanted = None if chosen == "safe" else set(chosen)
    known = {fid for r in refs for fid, _ in fix_ids(r)}
    if wanted is not None and wanted - known:
        missing = sorted(wanted - known)
        raise ApiError(
            422,
            "unknown-fix",
            f"no fix with id {missing[0]!r} for this input (fix ids are '<reference id>:<index "
            "of the diagnostic>' of a check of the same input)",
        )
    applied: list[str] = []
    fixed: list[Reference] = []
    for ref in refs:
        deadline.check()
        take = []
        for fid, d in fix_ids(ref):
            safe = d.fix is not None and d.fix.applicability is Applicability.SAFE
            if safe if wanted is None else fid in wanted:
                take.append(d)
                applied.append(fid)
        raw = apply_fixes(ref.raw, take, allow=frozenset(Applicability)) if take else ref.raw
        if raw == ref.raw:
            fixed.append(ref)
            continue
        again = replace(
            ref, raw=raw, item={"id": ref.id, "type": "document"}, fields={}, diagnostics=()
        )
        fixed.append(run_stages(again, config))
    # the list-level findings (L codes) are made again over the fixed list
    result = check_list(
        [
            replace(r, diagnostics=tuple(d for d in r.diagnostics if d.code[0] != "L"))
            for r in fixed
        ],
        config,
        text=req.opt("article"),
    )
    out = _answer(req, result.references, fmt, result.text_diagnostics)
    out["applied"] = applied
    out["text"] = "\n".join(r.raw for r in result.references)
    return out


def do_format(
    req: Request, deadline: Deadline, limit: int, server_config: str | None, style: str
) -> Any:
    """Render the references in ``style`` (a resolved path or safe CSL XML text): entries as
    ``citekit format -f jsonl`` writes them, with the whole list as text or HTML beside them."""
    from ..renderer import Renderer

    locale = req.opt("locale")
    renderer = Renderer(style, locale=locale, per_item_locale=locale is None)
    # the items are what parsing (or reading) gives; the checks would not change them
    refs, _ = load(req, _config(req, server_config), deadline, limit, validate=False)
    deadline.check()
    output = req.opt("output", "text")
    entries = renderer.bibliography(
        [r.item for r in refs], format="html" if output == "html" else "text"
    )
    out: dict[str, Any] = {
        "entries": [{"id": e.id, "text": e.text, "html": e.html} for e in entries],
        "errors": [{"id": e.id, "message": e.error.message} for e in entries if e.error],
    }
    if output == "docx":
        from .docx import bibliography_docx

        return bibliography_docx([e.html for e in entries])
    if output == "html":
        body = "".join(f'  <div class="csl-entry">{e.html}</div>\n' for e in entries)
        out["bibliography"] = f'<div class="csl-bib-body">\n{body}</div>\n'
    else:
        out["bibliography"] = "".join(e.text + "\n" for e in entries)
    return out


def do_convert(req: Request, deadline: Deadline, limit: int, server_config: str | None) -> Any:
    """``citekit convert``: an export (or CSL-JSON items) read, then written in ``to``."""
    to = req.opt("to")
    if req.items is not None:
        _limited(req.items, limit)
        fmt: str | None
        text, fmt = json.dumps(req.items, ensure_ascii=False), "csl-json"
    elif req.references is not None:
        raise UsageError("convert reads an export ('text' or a file) or CSL-JSON 'items'")
    else:
        text = req.text or ""
        fmt = req.opt("from") or sniff(text, req.filename)
        if fmt is None:
            raise UsageError(
                "cannot tell the format of the input; give 'from' (csl-json, jsonl, bibtex, ris, "
                "endnote, endnote-xml, noteexpress, refworks)"
            )
    refs = read(text, fmt)
    _limited(refs, limit)
    deadline.check()
    output, write_diags = write([r.item for r in refs if r.item], to)
    diags = [{"id": r.id, **d.to_json()} for r in refs for d in r.diagnostics] + [
        {"id": None, **d.to_json()} for d in write_diags
    ]
    return {
        "output": output,
        "from": fmt,
        "to": to,
        "entries": len(refs),
        "diagnostics": diags,
        "errors": sum(1 for d in diags if d["severity"] == Severity.ERROR.value),
    }


# --- rules -------------------------------------------------------------------------------


@lru_cache(maxsize=128)
def rule_list(standard: str | None, select: str | None, ignore: str | None, lang: str) -> Any:
    """``citekit rules -f json`` (cached: the rules do not change while the server runs, and the
    answer is read on the event loop)."""
    from ..validate.cli import run_rules

    out = io.StringIO()
    run_rules(
        out,
        standard=standard,
        select=[select] if select else (),
        ignore=[ignore] if ignore else (),
        lang=lang,
        fmt="json",
    )
    return {"rules": json.loads(out.getvalue())}


@lru_cache(maxsize=512)
def rule_one(code: str, lang: str) -> Any:
    from ..validate.cli import run_rule

    out = io.StringIO()
    try:
        run_rule(code, out, lang=lang, fmt="json")
    except CitekitError as exc:
        raise ApiError(404, "unknown-code", str(exc)) from None
    return json.loads(out.getvalue())
