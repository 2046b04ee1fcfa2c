"""``citekit serve``: run the app under Uvicorn."""

from __future__ import annotations

import importlib.util
from typing import TextIO

from ..errors import UsageError

__all__ = ["serve"]

_NEEDED = ("starlette", "uvicorn", "docx", "multipart")


def serve(host: str, port: int, stderr: TextIO) -> int:
    """Serve until interrupted; a missing extra is a usage error (exit 2, one line)."""
    missing = [m for m in _NEEDED if importlib.util.find_spec(m) is None]
    if missing:
        raise UsageError(
            f"serve needs the optional extra: pip install 'citekit[serve]' "
            f"(missing: {', '.join(missing)})"
        )
    if not 0 < port < 65536:
        raise UsageError(f"port {port} is out of range (1-65535)")
    import uvicorn

    from .app import create_app

    where = f"[{host}]" if ":" in host else host
    stderr.write(f"citekit: serving the page at http://{where}:{port}/ (Ctrl-C stops)\n")
    if host not in ("127.0.0.1", "localhost", "::1"):
        stderr.write(f"citekit: warning: bound to {host}, reachable from other machines\n")
    stderr.flush()
    uvicorn.run(create_app(), host=host, port=port, log_level="warning", server_header=False)
    return 0
