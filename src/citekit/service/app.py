"""The Starlette application: routes, limits, JSON errors, the page's static files.

Work runs on a small pool of worker threads (the event loop only reads requests and writes
answers, so ``/api/health`` and the page stay quick while a big list is checked).  Admission:
``workers`` requests run, ``queue`` more wait; beyond that 429.  A request still working after
``timeout`` seconds is answered 503 and its worker stops at the next reference.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request as HttpRequest
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..errors import CitekitError
from . import work
from .config import ServiceConfig
from .errors import ApiError, error_body
from .inputs import read_request
from .styles import MAINTAINED, known_styles, service_style, uploaded_style

__all__ = ["create_app"]

log = logging.getLogger("citekit.service")
STATIC = Path(__file__).resolve().parent / "static"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# The page loads only its own files; nothing inline, nothing remote.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


class _Gate:
    """Admission and the worker pool."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        self.capacity = config.workers + config.queue
        self.busy = 0  # admitted and not finished on their worker
        self.lock = threading.Lock()
        self.pool = ThreadPoolExecutor(config.workers, thread_name_prefix="citekit-serve")

    def _release(self, _: Any = None) -> None:
        with self.lock:
            self.busy -= 1

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        with self.lock:
            if self.busy >= self.capacity:
                raise ApiError(
                    429,
                    "too-many-requests",
                    f"{self.busy} requests are in progress; try again shortly",
                    {"Retry-After": "1"},
                )
            self.busy += 1
        deadline = work.Deadline.after(self.config.timeout)
        try:
            future = self.pool.submit(fn, deadline, *args)
        except RuntimeError:  # shutting down
            self._release()
            raise ApiError(503, "unavailable", "the server is shutting down") from None
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(
                asyncio.shield(asyncio.wrap_future(future)), self.config.timeout
            )
        except (TimeoutError, work.TimeUp):
            raise ApiError(
                503,
                "timeout",
                f"the request took longer than {self.config.timeout:g} s; send fewer references",
                {"Retry-After": "5"},
            ) from None


def _json(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status, headers=dict(headers or {}), media_type="application/json")


def _encoded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn``'s answer encoded on the worker (a big answer is costly to encode), errors mapped."""

    def call(deadline: work.Deadline, *args: Any) -> Any:
        try:
            out = fn(*args, deadline=deadline)
        except (ApiError, work.TimeUp):
            raise
        except CitekitError as exc:
            raise ApiError(422, "invalid-request", str(exc)) from None
        if isinstance(out, bytes):
            return out
        return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    return call


def create_app(config: ServiceConfig | Mapping[str, Any] | None = None) -> Starlette:
    """The ASGI application (Starlette) serving the API under ``/api`` and the page at ``/``.

    ``config`` is a :class:`~citekit.service.ServiceConfig` or a mapping of its fields
    (``{"max_references": 1000, "cors_origins": ["https://journal.example"]}``); a journal
    system may mount the app in its own ASGI application.
    """
    settings = ServiceConfig.from_mapping(config)
    gate = _Gate(settings)
    limit = settings.max_references

    async def endpoint_work(request: HttpRequest, name: str) -> Response:
        req, style_bytes = await read_request(
            request,
            name,
            limit=settings.max_body_bytes,
            max_style=settings.max_style_bytes,
        )
        args: tuple[Any, ...] = (req, limit, settings.config_path)
        if name == "format":
            args += (_style_for(req, style_bytes, settings.max_style_bytes),)
        table: dict[str, Callable[..., Any]] = {
            "parse": work.do_parse,
            "check": work.do_check,
            "fix": work.do_fix,
            "format": work.do_format,
            "convert": work.do_convert,
        }
        fn = table[name]

        def run(*a: Any, deadline: work.Deadline) -> Any:
            return fn(a[0], deadline, *a[1:])

        body = await gate.run(_encoded(run), *args)
        if name == "format" and req.opt("output") == "docx":
            return Response(
                body,
                media_type=DOCX_TYPE,
                headers={"Content-Disposition": 'attachment; filename="references.docx"'},
            )
        return Response(body, media_type="application/json")

    def route(name: str) -> Callable[[HttpRequest], Any]:
        async def handler(request: HttpRequest) -> Response:
            return await endpoint_work(request, name)

        handler.__name__ = f"api_{name}"
        return handler

    async def styles(request: HttpRequest) -> Response:
        return Response(_styles_body(), media_type="application/json")

    async def rules(request: HttpRequest) -> Response:
        q = request.query_params
        _only(q, ("standard", "select", "ignore", "lang"))
        lang = _lang(q.get("lang"))
        standard = q.get("standard")
        if standard not in (None, "gbt7714-2015", "gbt7714-2025"):
            raise ApiError(422, "invalid-option", "'standard' must be gbt7714-2015 or gbt7714-2025")
        try:
            return Response(
                _rules_body(standard, q.get("select"), q.get("ignore"), lang),
                media_type="application/json",
            )
        except CitekitError as exc:
            raise ApiError(422, "invalid-option", str(exc)) from None

    async def rule(request: HttpRequest) -> Response:
        _only(request.query_params, ("lang",))
        return _json(
            work.rule_one(request.path_params["code"], _lang(request.query_params.get("lang")))
        )

    async def health(request: HttpRequest) -> Response:
        return _json(
            {
                "status": "ok",
                "version": __version__,
                "busy": gate.busy,
                "workers": settings.workers,
                "queue": settings.queue,
                "limits": {
                    "max_body_bytes": settings.max_body_bytes,
                    "max_references": settings.max_references,
                    "timeout": settings.timeout,
                },
            }
        )

    async def openapi(request: HttpRequest) -> Response:
        from .openapi import document

        return _json(document(settings))

    async def page(request: HttpRequest) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    routes = [
        Route("/", page, methods=["GET", "HEAD"]),
        *(Route(f"/api/{n}", route(n), methods=["POST"]) for n in work.ENDPOINTS),
        Route("/api/styles", styles, methods=["GET"]),
        Route("/api/rules", rules, methods=["GET"]),
        Route("/api/rules/{code}", rule, methods=["GET"]),
        Route("/api/health", health, methods=["GET"]),
        Route("/api/openapi.json", openapi, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(_SecurityHeaders)]
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type"],
            )
        )

    async def on_api_error(request: HttpRequest, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return _json(error_body(exc.status, exc.code, exc.message), exc.status, exc.headers)

    async def on_http_error(request: HttpRequest, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        code = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        message = {
            404: f"no such path: {request.url.path}",
            405: f"{request.method} is not allowed on {request.url.path}",
        }.get(exc.status_code, str(exc.detail))
        return _json(error_body(exc.status_code, code, message), exc.status_code, exc.headers)

    async def on_crash(request: HttpRequest, exc: Exception) -> Response:
        log.error("internal error on %s", request.url.path, exc_info=exc)
        return _json(
            error_body(500, "internal-error", f"internal error: {type(exc).__name__}"), 500
        )

    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={
            ApiError: on_api_error,
            HTTPException: on_http_error,
            Exception: on_crash,
        },
        lifespan=_lifespan(gate),
    )
    app.state.config = settings
    app.state.gate = gate
    return app


@lru_cache(maxsize=1)
def _styles_body() -> bytes:
    maintained = set(MAINTAINED)
    ids = known_styles()
    return bytes(
        _json(
            {
                "default": MAINTAINED[0],
                "maintained": list(MAINTAINED),
                "styles": [{"id": s, "maintained": s in maintained} for s in ids],
            }
        ).body
    )


@lru_cache(maxsize=128)
def _rules_body(standard: str | None, select: str | None, ignore: str | None, lang: str) -> bytes:
    return bytes(_json(work.rule_list(standard, select, ignore, lang)).body)


def _lifespan(gate: _Gate) -> Any:
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        # what the GET endpoints answer is static: made once, off the event loop
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(gate.pool, _styles_body)
        await loop.run_in_executor(gate.pool, _rules_body, None, None, None, "zh")
        await loop.run_in_executor(gate.pool, _rules_body, None, None, None, "en")
        yield
        gate.pool.shutdown(wait=False, cancel_futures=True)

    return lifespan


def _style_for(req: work.Request, style_bytes: bytes | None, max_style: int) -> str:
    xml = style_bytes if style_bytes is not None else req.opt("style_xml")
    if xml is not None:
        if req.opt("style"):
            raise ApiError(422, "invalid-option", "give 'style' or an uploaded style, not both")
        if len(xml) > max_style:
            raise ApiError(413, "style-too-large", f"style larger than {max_style} bytes")
        return uploaded_style(xml)
    return service_style(req.opt("style", MAINTAINED[0]))


def _lang(value: str | None) -> str:
    if value in (None, "en", "zh"):
        return value or "en"
    raise ApiError(422, "invalid-option", "'lang' must be en or zh")


def _only(params: Any, allowed: tuple[str, ...]) -> None:
    for key in params.keys():
        if key not in allowed:
            raise ApiError(
                422, "unknown-option", f"unknown parameter '{key}'; known: {', '.join(allowed)}"
            )


class _SecurityHeaders:
    """nosniff everywhere; the page's Content-Security-Policy (no inline or remote code)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"content-security-policy", _CSP.encode()))
                headers.append((b"referrer-policy", b"no-referrer"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
