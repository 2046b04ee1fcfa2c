"""Reading a request: the body (bounded), JSON or a multipart upload, into a checked
:class:`~citekit.service.work.Request`.

A JSON body names its input ``text`` (a pasted list; ``"lines": true`` for one reference a
line), ``references`` (a list of strings) or ``items`` (CSL-JSON), with the options beside it.
A multipart body carries the input as the file field ``file`` (a ``.docx`` manuscript is read
for its reference section), an optional CSL style as the file field ``style``, and the options
as form fields (``options_json`` may hold them all as one JSON object).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from starlette.requests import Request as HttpRequest

from ..config import STANDARDS
from ..errors import InputError
from ..formats import FORMATS, decode
from .errors import ApiError
from .work import Request

__all__ = ["ENDPOINT_OPTIONS", "read_body", "read_request"]

_INPUTS = ("text", "references", "items")


def _bool(name: str, v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.lower() in ("true", "false", "1", "0", "yes", "no"):
        return v.lower() in ("true", "1", "yes")
    raise ValueError(f"'{name}' must be true or false")


def _choice(*allowed: str) -> Callable[[str, Any], str]:
    def check(name: str, v: Any) -> str:
        if v not in allowed:
            raise ValueError(f"'{name}' must be one of: {', '.join(allowed)}")
        return v

    return check


def _string(name: str, v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError(f"'{name}' must be a string")
    return v


def _codes(name: str, v: Any) -> list[str]:
    if isinstance(v, str):
        return [v]
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return v
    raise ValueError(f"'{name}' must be a string of codes or a list of them")


def _table(name: str, v: Any) -> dict[str, Any]:
    if isinstance(v, str):  # a form field
        try:
            v = json.loads(v)
        except ValueError:
            raise ValueError(f"'{name}' must be a JSON object") from None
    if not isinstance(v, dict):
        raise ValueError(f"'{name}' must be an object")
    return v


def _fixes(name: str, v: Any) -> Any:
    if v == "safe":
        return v
    if isinstance(v, str):
        v = [x.strip() for x in v.split(",") if x.strip()]
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return v
    raise ValueError("'fixes' must be \"safe\" or a list of fix ids ('ref-3:0')")


_CHECK = {
    "standard": _choice(*STANDARDS),
    "select": _codes,
    "ignore": _codes,
    "profile": _string,
    "options": _table,
    "lang": _choice("en", "zh"),
    "article": _string,
}
_COMMON = {"lines": _bool, "from": _choice("text", *FORMATS)}

#: endpoint -> option name -> validator (each returns the value or raises ValueError)
ENDPOINT_OPTIONS: dict[str, dict[str, Callable[[str, Any], Any]]] = {
    "parse": {**_COMMON, "standard": _CHECK["standard"], "lang": _CHECK["lang"]},
    "check": {**_COMMON, **_CHECK, "format": _choice("json", "sarif")},
    "fix": {**_COMMON, **_CHECK, "fixes": _fixes},
    "format": {
        **_COMMON,
        **_CHECK,
        "style": _string,
        "style_xml": _string,
        "locale": _string,
        "output": _choice("text", "html", "docx"),
    },
    "convert": {"from": _choice(*FORMATS), "to": _choice(*FORMATS)},
}
_REQUIRED = {"convert": ("to",)}


async def read_body(request: HttpRequest, limit: int) -> bytes:
    """The body, refused with 413 as soon as it passes ``limit`` bytes (by its declared length
    when it has one, else while it streams in)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise _too_big(limit)
        except ValueError:
            raise ApiError(400, "bad-request", "Content-Length is not a number") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_big(limit)
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # noqa: SLF001 - lets request.form() read the body already read
    return body


def _too_big(limit: int) -> ApiError:
    return ApiError(413, "body-too-large", f"request body larger than {limit} bytes")


async def read_request(
    request: HttpRequest, endpoint: str, *, limit: int, max_style: int
) -> tuple[Request, bytes | None]:
    """The request's input and options, and an uploaded style's bytes (multipart only)."""
    body = await read_body(request, limit)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        return await _from_form(request, endpoint, limit, max_style)
    if ctype not in ("application/json", ""):
        raise ApiError(
            415,
            "unsupported-media-type",
            "send application/json or multipart/form-data (a file in the field 'file')",
        )
    try:
        data = json.loads(body.decode("utf-8-sig")) if body.strip() else None
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, "bad-json", f"the body is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ApiError(422, "invalid-request", "the body must be a JSON object")
    return _validated(data, endpoint), None


def _validated(data: Mapping[str, Any], endpoint: str, *, has_file: bool = False) -> Request:
    allowed = ENDPOINT_OPTIONS[endpoint]
    given = [k for k in _INPUTS if data.get(k) is not None]
    if has_file:
        given.append("file")
    if len(given) != 1:
        what = " and ".join(given) if given else "none"
        raise ApiError(
            422,
            "invalid-input",
            f"give exactly one input: 'text', 'references' or 'items' (or a file); got {what}",
        )
    options: dict[str, Any] = {}
    for key, value in data.items():
        if key in _INPUTS or value is None:
            continue
        check = allowed.get(key)
        if check is None:
            known = ", ".join(sorted([*_INPUTS, *allowed]))
            raise ApiError(422, "unknown-option", f"unknown option '{key}'; known: {known}")
        try:
            options[key] = check(key, value)
        except ValueError as exc:
            raise ApiError(422, "invalid-option", str(exc)) from None
    for key in _REQUIRED.get(endpoint, ()):
        if key not in options:
            raise ApiError(422, "missing-option", f"'{key}' is required")
    req = Request(options=options)
    text, refs, items = data.get("text"), data.get("references"), data.get("items")
    if text is not None and not isinstance(text, str):
        raise ApiError(422, "invalid-input", "'text' must be a string")
    if refs is not None and not (isinstance(refs, list) and all(isinstance(r, str) for r in refs)):
        raise ApiError(422, "invalid-input", "'references' must be a list of strings")
    if items is not None:
        if isinstance(items, dict):
            items = [items]
        if not isinstance(items, list):
            raise ApiError(422, "invalid-input", "'items' must be a list of CSL-JSON objects")
    req.text, req.references, req.items = text, refs, items
    return req


async def _from_form(
    request: HttpRequest, endpoint: str, limit: int, max_style: int
) -> tuple[Request, bytes | None]:
    try:
        form = await request.form(max_files=2, max_fields=40, max_part_size=limit)
    except Exception as exc:  # the multipart parser's own errors: a malformed body
        raise ApiError(400, "bad-multipart", f"the multipart body cannot be read: {exc}") from None
    data: dict[str, Any] = {}
    upload = style = None
    for key, value in form.multi_items():
        if hasattr(value, "read"):
            if key == "file":
                upload = value
            elif key == "style" and endpoint == "format":
                style = value
            else:
                raise ApiError(422, "unknown-option", f"unexpected file field '{key}'")
        elif key == "options_json":
            try:
                extra = json.loads(value)
            except ValueError:
                raise ApiError(422, "invalid-option", "'options_json' is not JSON") from None
            if not isinstance(extra, dict):
                raise ApiError(422, "invalid-option", "'options_json' must be a JSON object")
            data.update(extra)
        else:
            data[key] = value
    req = _validated(data, endpoint, has_file=upload is not None)
    style_bytes = None
    if style is not None:
        style_bytes = await style.read()
        if len(style_bytes) > max_style:
            raise ApiError(413, "style-too-large", f"style larger than {max_style} bytes")
    if upload is not None and not isinstance(upload, str):
        raw = await upload.read()
        name = upload.filename or "upload"
        req.filename = name
        _read_upload(req, raw, name, limit)
    return req, style_bytes


def _read_upload(req: Request, raw: bytes, name: str, limit: int) -> None:
    from .docx import is_docx, read_manuscript

    if is_docx(raw, name):
        manuscript = read_manuscript(raw, limit)
        req.text = manuscript.references
        req.source = {
            "name": name,
            "format": "docx",
            "heading": manuscript.heading,
            "text": manuscript.references,
            "article": manuscript.article,
        }
        req.options.setdefault("from", "text")
        return
    try:
        req.text = decode(raw)
    except InputError as exc:
        raise ApiError(422, "undecodable", f"cannot read '{name}': {exc}") from None
    req.source = {"name": name, "format": None, "text": req.text}
