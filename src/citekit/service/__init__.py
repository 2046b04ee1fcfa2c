"""citekit's HTTP service and editor's page: ``citekit serve`` or, in a journal system's own
ASGI application, :func:`create_app`.

Needs the optional extra ``citekit[serve]`` (Starlette, Uvicorn, python-docx,
python-multipart).  The API is described at ``/api/openapi.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .config import ServiceConfig

__all__ = ["ServiceConfig", "create_app"]


def create_app(config: ServiceConfig | Mapping[str, Any] | None = None) -> Any:
    """The ASGI application; see :func:`citekit.service.app.create_app`."""
    from .app import create_app as make

    return make(config)
