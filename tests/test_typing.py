"""The public API as a type checker and a user meet it: tests/typing/client.py uses every name of
``citekit.__all__``, passes ``mypy --strict`` and runs."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest
from conftest import ROOT

import citekit

CLIENT = ROOT / "tests" / "typing" / "client.py"


def test_client_uses_every_public_name():
    tree = ast.parse(CLIENT.read_text("utf-8"))
    imported = {
        a.name
        for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom) and n.module == "citekit"
        for a in n.names
    }
    assert imported == set(citekit.__all__)
    assert "ParseOutcome" not in citekit.__all__  # the parser's return type is not public API


def test_every_public_name_is_importable():
    for name in citekit.__all__:
        assert getattr(citekit, name) is not None


def test_client_runs():
    done = subprocess.run(
        [sys.executable, str(CLIENT)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "streamed" in done.stdout


def test_client_passes_mypy_strict():
    pytest.importorskip("mypy")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--follow-imports=silent",
            "--no-incremental",
            "--cache-dir",
            "/dev/null",
            str(CLIENT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-3000:]
