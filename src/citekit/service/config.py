"""Settings of the HTTP service: limits, CORS, the journal profile file.  One frozen record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from ..errors import UsageError

__all__ = ["ServiceConfig"]


@dataclass(frozen=True, slots=True)
class ServiceConfig:
    """What :func:`citekit.service.create_app` needs to know.  Every limit answers with a JSON
    error: body too big or too many references 413, a request that runs too long 503, too many
    requests at once 429."""

    #: bytes in one request body (JSON or an uploaded file)
    max_body_bytes: int = 8 * 1024 * 1024
    #: references (or entries of an export) in one request
    max_references: int = 5000
    #: seconds one request may spend on its work before it is answered 503
    timeout: float = 60.0
    #: requests doing work at the same time (worker threads)
    workers: int = 2
    #: requests allowed to wait for a worker; beyond workers + queue, 429
    queue: int = 64
    #: origins allowed to call the API from another site's page; empty: CORS off
    cors_origins: tuple[str, ...] = ()
    #: citekit.toml / pyproject.toml whose profiles requests may name (``"profile"``); ``None``:
    #: no file (requests cannot make the server read files)
    config_path: str | None = None
    #: bytes of an uploaded CSL style
    max_style_bytes: int = 512 * 1024

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_references", "workers", "max_style_bytes"):
            if int(getattr(self, name)) < 1:
                raise UsageError(f"service setting '{name}' must be at least 1")
        if self.queue < 0:
            raise UsageError("service setting 'queue' must be 0 or more")
        if not self.timeout > 0:
            raise UsageError("service setting 'timeout' must be more than 0 seconds")

    @classmethod
    def from_mapping(cls, data: ServiceConfig | Mapping[str, Any] | None) -> ServiceConfig:
        """A config from a plain mapping (``create_app({"max_references": 100})``); unknown keys
        raise :class:`~citekit.errors.UsageError`."""
        if data is None:
            return cls()
        if isinstance(data, ServiceConfig):
            return data
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise UsageError(
                f"unknown service setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        values = dict(data)
        if "cors_origins" in values:
            origins = values["cors_origins"]
            values["cors_origins"] = (origins,) if isinstance(origins, str) else tuple(origins)
        return cls(**values)
