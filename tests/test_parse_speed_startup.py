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
crf = sorted(m for m in sys.modules if m in ("pycrfsuite", "citekit.parser.features",
    "citekit.parser._crftag"))
print(json.dumps({"code": code, "lines": out.getvalue().count("\\n"), "pool": pool, "crf": crf}))
"""


ENGLISH = "Smith, J. (2019). A title. Journal of Things, 12(3), 4-5."
# from examples/zjss-2026-03-references.txt: the rules parse it (《》 house style), no CRF needed
CHINESE = (
    "戴维·H.罗森布鲁姆、罗伯特·S.克拉夫丘克、德博拉·戈德曼·罗森布鲁姆:《公共行政学:管理、政治和"
    "法律的途径》(第五版),张成福等译,中国人民大学出版社2002年版。"
)


def _run(tmp_path, *args: str, line: str = ENGLISH) -> dict:
    refs = tmp_path / "refs.txt"
    refs.write_text(line + "\n", "utf-8")
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


def test_a_line_the_rules_parse_loads_no_crf_features(tmp_path):
    result = _run(tmp_path, "--fail-on", "never", line=CHINESE)
    assert result["lines"] == 1
    assert result["crf"] == []


def test_a_line_for_the_crf_loads_its_features(tmp_path):
    result = _run(tmp_path, "--fail-on", "never", line=ENGLISH)
    # and a tagger: python-crfsuite's, or the compiled one when the model's arrays are in the
    # cache folder (parser/fasttag.py)
    assert result["crf"] in (
        ["citekit.parser.features", "pycrfsuite"],
        ["citekit.parser._crftag", "citekit.parser.features"],
    )
