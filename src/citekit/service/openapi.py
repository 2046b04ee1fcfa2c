"""The OpenAPI 3.1 document served at ``/api/openapi.json``.  Request bodies are built from
:data:`citekit.service.inputs.ENDPOINT_OPTIONS`, so the document names exactly the options the
server accepts."""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..config import STANDARDS
from ..formats import FORMATS
from .config import ServiceConfig
from .inputs import ENDPOINT_OPTIONS

__all__ = ["document"]

_CODES = {"type": "array", "items": {"type": "string"}}
_OPTION_SCHEMAS: dict[str, dict[str, Any]] = {
    "lines": {"type": "boolean", "description": "every line of 'text' is one reference"},
    "from": {
        "type": "string",
        "enum": ["text", *FORMATS],
        "description": "input format; detected from the content (then the file name) by default",
    },
    "standard": {"type": "string", "enum": list(STANDARDS), "default": STANDARDS[0]},
    "select": {**_CODES, "description": "only these codes or prefixes (G, I, G014)"},
    "ignore": {**_CODES, "description": "skip these codes or prefixes"},
    "profile": {"type": "string", "description": "a profile of the server's config file"},
    "options": {
        "type": "object",
        "description": "profile options, as in citekit.toml: punctuation, uppercase-names, "
        "citation-system, severity = {CODE: level}, ...",
    },
    "lang": {"type": "string", "enum": ["en", "zh"], "description": "language of the messages"},
    "article": {
        "type": "string",
        "description": "the article text: citations without a reference, references never "
        "cited, citation order (answered in text_diagnostics)",
    },
    "format": {
        "type": "string",
        "enum": ["json", "sarif"],
        "description": "sarif: a SARIF 2.1.0 log",
    },
    "fixes": {
        "oneOf": [{"const": "safe"}, {"type": "array", "items": {"type": "string"}}],
        "description": "\"safe\" (every safe fix) or fix ids '<reference id>:<diagnostic index>'",
    },
    "style": {"type": "string", "description": "a style id of GET /api/styles"},
    "style_xml": {"type": "string", "description": "a CSL style (XML text) instead of an id"},
    "locale": {"type": "string", "description": "one locale for every entry (zh-CN, en-US...)"},
    "output": {
        "type": "string",
        "enum": ["text", "html", "docx"],
        "description": "bibliography as text or HTML in the JSON answer, or a .docx file",
    },
    "to": {"type": "string", "enum": list(FORMATS)},
}
_INPUT = {
    "text": {"type": "string", "description": "a pasted reference list, or an export's text"},
    "references": {
        "type": "array",
        "items": {"type": "string"},
        "description": "reference strings",
    },
    "items": {"type": "array", "items": {"type": "object"}, "description": "CSL-JSON items"},
}
_SUMMARIES = {
    "parse": "Parse references into CSL-JSON records (the records of `citekit parse`)",
    "check": "Parse and check references (the records of `citekit check -f jsonl`)",
    "fix": "Apply chosen fixes by id (or every safe fix) and check again",
    "format": "Render references in a CSL style (the entries of `citekit format -f jsonl`)",
    "convert": "Convert an export or CSL-JSON items to another format (`citekit convert`)",
}
_ANSWERS = {
    "parse": "References",
    "check": "References",
    "fix": "References",
    "format": "Entries",
    "convert": "Converted",
}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


_ERRORS = {
    "400": _error("malformed body (JSON or multipart)"),
    "413": _error("body, uploaded file or number of references over the limit"),
    "415": _error("neither application/json nor multipart/form-data"),
    "422": _error("bad input or option (unknown style, unknown code, ...)"),
    "429": _error("too many requests in progress (Retry-After)"),
    "503": _error("the request ran over the time limit (Retry-After)"),
}


def _post(name: str) -> dict[str, Any]:
    options = {k: _OPTION_SCHEMAS[k] for k in ENDPOINT_OPTIONS[name]}
    inputs = _INPUT if name != "convert" else {k: _INPUT[k] for k in ("text", "items")}
    body = {"type": "object", "properties": {**inputs, **options}, "additionalProperties": False}
    if name == "convert":
        body["required"] = ["to"]
    form = {
        "type": "object",
        "properties": {
            "file": {
                "type": "string",
                "format": "binary",
                "description": "the input file "
                "(.txt, .docx manuscript, .bib, .ris, .json, EndNote, NoteExpress, RefWorks)",
            },
            **({"style": {"type": "string", "format": "binary"}} if name == "format" else {}),
            "options_json": {"type": "string", "description": "the options as one JSON object"},
            **{k: {"type": "string"} for k in options},
        },
    }
    ok: dict[str, Any] = {
        "application/json": {"schema": {"$ref": f"#/components/schemas/{_ANSWERS[name]}"}}
    }
    if name == "format":
        ok["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = {
            "schema": {"type": "string", "format": "binary"}
        }
    return {
        "post": {
            "operationId": name,
            "summary": _SUMMARIES[name],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": body},
                    "multipart/form-data": {"schema": form},
                },
            },
            "responses": {"200": {"description": "done", "content": ok}, **_ERRORS},
        }
    }


def _get(
    op: str, summary: str, params: list[dict[str, Any]], extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "get": {
            "operationId": op,
            "summary": summary,
            "parameters": params,
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                **(extra or {}),
            },
        }
    }


def _query(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": schema}


def document(config: ServiceConfig) -> dict[str, Any]:
    record = {
        "type": "object",
        "description": "one reference, as a line of `citekit parse -f jsonl` (spans are "
        "[start, end) code-point offsets into raw)",
        "required": ["id", "raw", "item", "fields", "diagnostics"],
        "properties": {
            "id": {"type": "string"},
            "raw": {"type": "string"},
            "label": {"type": ["string", "null"]},
            "line": {
                "type": ["integer", "null"],
                "description": "the line of the input the reference starts on (1-based)",
            },
            "item": {"type": "object", "description": "CSL-JSON"},
            "language": {"type": ["string", "null"]},
            "confidence": {"type": "number"},
            "fields": {"type": "object"},
            "diagnostics": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}},
        },
    }
    lang = _query("lang", {"type": "string", "enum": ["en", "zh"]})
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "citekit",
            "version": __version__,
            "description": "Parse, check (GB/T 7714) and re-render reference lists. Limits: "
            f"{config.max_body_bytes} bytes a body, {config.max_references} references a "
            f"request, {config.timeout:g} s a request, {config.workers} at work and "
            f"{config.queue} waiting.",
        },
        "paths": {
            **{f"/api/{n}": _post(n) for n in ENDPOINT_OPTIONS},
            "/api/styles": _get("styles", "Style ids the server can render", []),
            "/api/rules": _get(
                "rules",
                "Every diagnostic code (`citekit rules -f json`)",
                [
                    _query("standard", {"type": "string", "enum": list(STANDARDS)}),
                    _query("select", {"type": "string"}),
                    _query("ignore", {"type": "string"}),
                    lang,
                ],
            ),
            "/api/rules/{code}": _get(
                "rule",
                "One code explained, with examples (`citekit rule CODE -f json`)",
                [
                    {"name": "code", "in": "path", "required": True, "schema": {"type": "string"}},
                    lang,
                ],
                {"404": _error("unknown code")},
            ),
            "/api/health": _get("health", "Liveness, load and limits", []),
            "/api/openapi.json": _get("openapi", "This document", []),
        },
        "components": {
            "schemas": {
                "Record": record,
                "Diagnostic": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string"},
                        "severity": {"type": "string", "enum": ["error", "warning", "info"]},
                        "message": {"type": "string"},
                        "span": {"type": ["array", "null"], "items": {"type": "integer"}},
                        "line": {
                            "type": ["integer", "null"],
                            "description": "the input's line of the span's start (1-based)",
                        },
                        "column": {
                            "type": ["integer", "null"],
                            "description": "its column (1-based, in code points)",
                        },
                        "field": {"type": ["string", "null"]},
                        "fix": {"type": ["object", "null"]},
                    },
                },
                "References": {
                    "type": "object",
                    "properties": {
                        "references": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Record"},
                        },
                        "summary": {"type": "object"},
                        "text_diagnostics": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Diagnostic"},
                        },
                        "source": {
                            "type": "object",
                            "description": "an uploaded file: name, "
                            "format, the list read from it (and a manuscript's article text)",
                        },
                        "applied": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "Entries": {
                    "type": "object",
                    "properties": {
                        "entries": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "id": {"type": "string"},
                                    "text": {"type": "string"},
                                    "html": {"type": "string"},
                                },
                            },
                        },
                        "bibliography": {"type": "string"},
                        "errors": {"type": "array", "items": {"type": "object"}},
                    },
                },
                "Converted": {
                    "type": "object",
                    "properties": {
                        "output": {"type": "string"},
                        "diagnostics": {"type": "array", "items": {"type": "object"}},
                    },
                },
                "Error": {
                    "type": "object",
                    "properties": {
                        "error": {
                            "type": "object",
                            "properties": {
                                "status": {"type": "integer"},
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                            },
                        }
                    },
                },
            }
        },
    }
