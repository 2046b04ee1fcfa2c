"""Start-up of a one-line parse: modules only a worker pool needs are not imported before a pool
starts (multiprocessing and concurrent.futures were ~15% of a one-line parse's start-up).  No
timing here: the test checks what gets imported."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

_PROBE = """
import contextlib, io, json, sys
from citekit.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(sys.argv[1:])
pool = sorted(m for m in sys.modules if m.split(".")[0] in ("multiprocessing", "concurrent"))
print(json.dumps({"code": code, "lines": out.getvalue().count("\\n"), "pool": pool}))
"""


def _run(tmp_path, *args: str) -> dict:
    refs = tmp_path / "refs.txt"
    refs.write_text("Smith, J. (2019). A title. Journal of Things, 12(3), 4-5.\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "parse", "--lines", str(refs), "-f", "jsonl", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_one_line_parse_imports_no_process_pool(tmp_path):
    result = _run(tmp_path, "--fail-on", "never")
    assert result["lines"] == 1
    assert result["pool"] == []


@pytest.mark.skipif(sys.platform == "win32", reason="fork start-up differs")
def test_a_parse_on_worker_processes_still_starts_its_pool(tmp_path):
    result = _run(tmp_path, "--fail-on", "never", "--jobs", "2")
    assert result["lines"] == 1
    assert "concurrent.futures.process" in result["pool"]
