"""Per-journal profiles from ``[tool.citekit]`` in ``pyproject.toml`` or from ``citekit.toml``.

::

    [tool.citekit]                 # in citekit.toml the same keys may stand at the top level
    standard = "gbt7714-2015"
    select = ["G", "I", "W"]
    ignore = ["G035"]
    punctuation = "any"            # any | ascii | gb2025 | fullwidth-zh   (W001/W002)
    uppercase-names = true         # G014 (2015) / G015 (2025)
    citation-system = "auto"       # auto | numeric | author-date   (L008-L010)
    western-first = false          # L008: Western entries before Chinese ones
    max-per-code = 10              # findings of one code listed per reference (0: all)
    name-year-delimiter = "comma"  # comma | period   (G046)
    profile = "zjss"               # the default profile (``--profile`` overrides it)

    [tool.citekit.severity]
    G024 = "error"

    [tool.citekit.profiles.zjss]   # a journal's house style: overrides the keys above
    punctuation = "fullwidth-zh"
    uppercase-names = false
    ignore = ["G014", "G042"]

Unknown keys and bad values raise :class:`citekit.errors.UsageError` (exit status 2).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..codes import CODES
from ..config import STANDARDS, Config
from ..errors import UsageError

__all__ = ["OPTIONS", "Profile", "find_config", "load_profile"]

# option name → allowed values (None: any bool), with its default
OPTIONS: dict[str, tuple[tuple[Any, ...] | None, Any]] = {
    "punctuation": (("any", "ascii", "gb2025", "fullwidth-zh"), "any"),
    "uppercase-names": (None, None),  # None: follow the edition (2015 yes, 2025 no)
    "page-dash": (("lenient", "strict"), "lenient"),
    "final-period": (None, True),
    "label-format": (("brackets", "any"), "brackets"),
    "name-year-delimiter": (
        ("comma", "period"),
        "comma",
    ),  # G046: 'Name, Year.' or the old 'Name. Year.'
    "citation-system": (("auto", "numeric", "author-date"), "auto"),  # L008-L010: author-date list?
    "western-first": (None, False),  # L008: Western group before Chinese (GBT-DEV-10)
    "min-year": ((int,), 1000),
    "max-year": ((int,), None),  # D002; None: the year after the reference date's
    "reference-date": ((str,), None),  # YYYY-MM-DD "today" for D002 (reproducible runs)
    "max-per-code": ((int,), 10),  # findings listed per code and reference; 0: all
}
_LIST_KEYS = ("select", "ignore")
_KEYS = {
    "standard",
    "select",
    "ignore",
    "severity",
    "profile",
    "profiles",
    "extend-ignore",
    "extend-select",
    *OPTIONS,
}


@dataclass(frozen=True, slots=True)
class Profile:
    """Settings read from a config file; :meth:`apply` puts them into a pipeline Config."""

    standard: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    severity: Mapping[str, str] = field(default_factory=dict)
    name: str | None = None
    source: str | None = None

    def apply(
        self,
        config: Config,
        *,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
    ) -> Config:
        """``config`` (a :class:`citekit.config.Config`) with this profile's settings; the
        command line's ``select``/``ignore`` (if given) come on top."""
        options = {**config.options, **self.options}
        sel = tuple(select) if select else (self.select or config.select)
        ign = config.ignore + self.ignore + tuple(ignore or ())
        changes: dict[str, Any] = {
            "select": sel,
            "ignore": ign,
            "options": options,
            "severity": {**config.severity, **self.severity},
        }
        if self.standard:
            changes["standard"] = self.standard
        return replace(config, **changes)


def _codes(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{where}: '{key}' must be a list of codes or prefixes")
    return tuple(v.strip().upper() for v in value if v.strip())


def _parse(table: Mapping[str, Any], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {"options": {}, "severity": {}}
    for key, value in table.items():
        if key not in _KEYS:
            raise UsageError(f"{where}: unknown key '{key}'")
        if key in ("select", "extend-select"):
            out["select"] = out.get("select", ()) + _codes(value, key, where)
        elif key in ("ignore", "extend-ignore"):
            out["ignore"] = out.get("ignore", ()) + _codes(value, key, where)
        elif key == "standard":
            if value not in STANDARDS:
                raise UsageError(
                    f"{where}: unknown standard '{value}'; choose one of: {', '.join(STANDARDS)}"
                )
            out["standard"] = value
        elif key == "severity":
            if not isinstance(value, dict):
                raise UsageError(
                    f"{where}: 'severity' must be a table of CODE = \"error|warning|info\""
                )
            for code, sev in value.items():
                if code.upper() not in CODES or sev not in ("error", "warning", "info"):
                    raise UsageError(f"{where}: bad severity override {code} = {sev!r}")
                out["severity"][code.upper()] = sev
        elif key in OPTIONS:
            allowed, _ = OPTIONS[key]
            if allowed is None:
                if not isinstance(value, bool):
                    raise UsageError(f"{where}: '{key}' must be true or false")
            elif allowed == (int,):
                if not isinstance(value, int):
                    raise UsageError(f"{where}: '{key}' must be an integer")
            elif allowed == (str,):
                if not (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
                    raise UsageError(f"{where}: '{key}' must be a date YYYY-MM-DD")
            elif value not in allowed:
                raise UsageError(f"{where}: '{key}' must be one of: {', '.join(allowed)}")
            out["options"][key.replace("-", "_")] = value
        else:  # profile, profiles: handled by the caller
            out[key] = value
    return out


def find_config(start: str | Path | None = None) -> Path | None:
    """The nearest ``citekit.toml``, or ``pyproject.toml`` with a ``[tool.citekit]`` table,
    in ``start`` (default: the working directory) or its parents."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "citekit.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text("utf-8"))
            except (OSError, tomllib.TOMLDecodeError):
                continue
            if "citekit" in data.get("tool", {}):
                return candidate
    return None


def load_profile(path: str | Path | None = None, profile: str | None = None) -> Profile:
    """The settings of ``path`` (default: :func:`find_config`), with ``profile`` (or the
    file's ``profile`` key) applied on top.  No file: an empty profile (or an error if a
    profile was named)."""
    if path is None:
        path = find_config()
        if path is None:
            if profile:
                raise UsageError(
                    f"profile '{profile}' requested but no citekit.toml or [tool.citekit] found"
                )
            return Profile()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read config '{path}': {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"config '{path}' is not valid TOML: {exc}") from None
    table = data.get("tool", {}).get("citekit")
    if table is None:
        table = (
            {k: v for k, v in data.items() if k != "tool"} if path.name != "pyproject.toml" else {}
        )
    where = f"{path}"
    base = _parse(table, where)
    profiles = base.pop("profiles", {}) or {}
    chosen = profile or base.pop("profile", None)
    base.pop("profile", None)
    if chosen:
        if chosen not in profiles:
            known = ", ".join(sorted(profiles)) or "none defined"
            raise UsageError(f"{where}: unknown profile '{chosen}' ({known})")
        over = _parse(profiles[chosen], f"{where} [profiles.{chosen}]")
        over.pop("profiles", None)
        over.pop("profile", None)
        base["options"] = {**base["options"], **over.pop("options")}
        base["severity"] = {**base["severity"], **over.pop("severity")}
        base["ignore"] = base.get("ignore", ()) + over.pop("ignore", ())
        if "select" in over:
            base["select"] = over.pop("select")
        base.update(over)
    return Profile(
        standard=base.get("standard"),
        select=base.get("select", ()),
        ignore=base.get("ignore", ()),
        options=base["options"],
        severity=base["severity"],
        name=chosen,
        source=str(path),
    )
