"""--jobs and citekit.process_many: worker processes give the same output, in order; a failing
reference (or a dying worker) costs only its own record an X001; Ctrl-C stops everything."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import citekit
from citekit.cli import main
from citekit.errors import UsageError
from citekit.pipeline import PARSE_STAGES, Config
from citekit.report import write_jsonl

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "parse" / "dev"


def dev_lines() -> list[str]:
    lines = []
    for name in ("zh", "en", "mixed"):
        for row in (DEV / f"{name}.jsonl").read_text("utf-8").splitlines():
            if row.strip():
                lines.append(json.loads(row)["raw"].replace("\n", " "))
    return lines


def bench_lines(n: int) -> list[str]:
    """n lines cycled from the repository's benchmark data and the bundled example list."""
    base = [
        line.partition("\t")[2]
        for line in (ROOT / "benchmarks" / "data" / "zh-synthetic.tsv")
        .read_text("utf-8")
        .splitlines()
    ]
    base += (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8").splitlines()
    base += dev_lines()
    return [base[i % len(base)] for i in range(n)]


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# stages the workers import by name (they are sent to them as references to this module)
def poison_stage(ref, config):
    if "POISON" in ref.raw:
        raise RuntimeError("poisoned reference")
    return ref


def crash_stage(ref, config):
    if "CRASH" in ref.raw:
        os._exit(3)  # the worker dies, as in a crash in native code
    return ref


def jsonl(refs) -> str:
    buf = io.StringIO()
    write_jsonl(refs, buf)
    return buf.getvalue()


@pytest.mark.parametrize("command", ["parse", "check"])
def test_jobs_2_equals_jobs_1_on_the_dev_sets(tmp_path, command):
    path = tmp_path / "dev.txt"
    path.write_text("\n".join(dev_lines()) + "\n", "utf-8")
    fmt = "jsonl"
    one = run_cli([command, "--lines", str(path), "-f", fmt, "--jobs", "1"])
    two = run_cli([command, "--lines", str(path), "-f", fmt, "--jobs", "2"])
    assert two == one
    assert len(one[1].splitlines()) == len(dev_lines())


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_jobs_2_writes_what_jobs_1_writes_with_list_findings(tmp_path, fmt, lang):
    # the workers write each reference's report (SARIF: the parent does); the list rules
    # (here duplicates and numbering across chunks) add to some of them in the parent
    lines = dev_lines()[:400]
    lines = [f"[{i + 1}] {s}" for i, s in enumerate(lines + lines[:100])]
    lines[300] = "[305]" + lines[300].split("]", 1)[1]  # a gap
    path = tmp_path / "list.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    argv = ["check", "--lines", str(path), "-f", fmt, "--lang", lang]
    one = run_cli([*argv, "--jobs", "1"])
    two = run_cli([*argv, "--jobs", "2"])
    assert two == one
    assert "L002" in one[1] and "L003" in one[1]


def test_jobs_2_equals_jobs_1_on_50000_lines_in_order(tmp_path):
    lines = bench_lines(50_000)
    path = tmp_path / "big.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    code1, one, _ = run_cli(["parse", "--lines", str(path), "--jobs", "1", "--fail-on", "never"])
    code2, two, _ = run_cli(["parse", "--lines", str(path), "--jobs", "2", "--fail-on", "never"])
    assert (code1, code2) == (0, 0)
    assert two == one
    records = [json.loads(line) for line in two.splitlines()]
    assert [r["raw"] for r in records] == lines
    assert [r["id"] for r in records] == [f"ref-{i}" for i in range(1, len(lines) + 1)]


@pytest.mark.parametrize("fmt", ["jsonl", "csl-json"])
def test_parse_jobs_2_writes_what_jobs_1_writes_through_a_real_stdout(tmp_path, fmt):
    # the workers' bytes go to the byte buffer of a real stdout; blank and labelled lines too
    lines = dev_lines()[:300] + ["", "   ", "[7] 李明. 题名[J]. 期刊, 2020(1): 1-2."]
    path = tmp_path / "dev.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    _, want, _ = run_cli(["parse", "--lines", str(path), "-f", fmt, "--jobs", "1"])
    proc = subprocess.run(
        [sys.executable, "-c", "from citekit.cli import entry; entry()", "parse", "--lines"]
        + [str(path), "-f", fmt, "--jobs", "2"],
        capture_output=True,
        check=False,
    )
    assert proc.stdout.decode("utf-8") == want
    assert len(json.loads(want) if fmt == "csl-json" else want.splitlines()) == len(lines)


@pytest.mark.parametrize("fmt", ["jsonl", "csl-json"])
def test_parse_jobs_2_on_an_empty_input(tmp_path, fmt):
    path = tmp_path / "empty.txt"
    path.write_text("", "utf-8")
    one = run_cli(["parse", "--lines", str(path), "-f", fmt, "--jobs", "1"])
    two = run_cli(["parse", "--lines", str(path), "-f", fmt, "--jobs", "2"])
    assert two == one
    # an empty input is a mistake (issue 13): exit 2 with one line, whatever the jobs
    assert one[0] == 2 and one[1] == "" and one[2].count("\n") == 1 and "empty" in one[2]


def test_exit_status_and_summary_counts_come_from_the_workers(tmp_path):
    # parse exits 1 when a record has an error: the workers count the diagnostics
    lines = ["", *dev_lines()[:60]]  # an empty line: S001, an error
    path = tmp_path / "dev.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    one = run_cli(["parse", "--lines", str(path), "--jobs", "1"])
    two = run_cli(["parse", "--lines", str(path), "--jobs", "2"])
    assert one[0] == 1 and two == one
    assert run_cli(["parse", "--lines", str(path), "--jobs", "2", "--fail-on", "never"])[0] == 0


def test_encoded_chunks_of_lines_with_a_dying_worker():
    # run_chunks as `parse --lines --jobs` drives it: lines out, encoded JSON Lines back
    from functools import partial

    from citekit.parallel import encoded, run_chunks
    from citekit.pipeline import line_references
    from citekit.report import jsonl_bytes

    lines = bench_lines(700)
    lines[260] = "CRASH " + lines[260]
    stages = PARSE_STAGES + (("crash", crash_stage),)
    config = Config(lines=True)
    chunks = list(
        run_chunks(
            lines,
            config,
            stages,
            jobs=2,
            make=line_references,
            encode=partial(encoded, write=jsonl_bytes),
        )
    )
    out = b"".join(c.data for c in chunks).decode("utf-8").splitlines(keepends=True)
    records = [json.loads(line) for line in out]
    assert [r["raw"] for r in records] == lines
    assert [r["id"] for r in records] == [f"ref-{i}" for i in range(1, 701)]
    assert [d["code"] for d in records[260]["diagnostics"]] == ["X001"]
    assert sum(c.references for c in chunks) == 700
    assert "".join(out[:260]) == jsonl(
        citekit.process_many(lines[:260], config, stages=PARSE_STAGES)
    )


def test_process_many_keeps_order_and_a_poisoned_reference_gets_x001():
    lines = bench_lines(3000)
    lines[1500] = "POISON " + lines[1500]
    stages = PARSE_STAGES + (("poison", poison_stage),)
    config = Config(lines=True)
    one = list(citekit.process_many(lines, config, jobs=1, stages=stages))
    two = list(citekit.process_many(iter(lines), config, jobs=2, stages=stages))
    assert jsonl(two) == jsonl(one)
    assert [r.raw for r in two] == lines
    bad = two[1500]
    assert [d.code for d in bad.diagnostics][-1] == "X001"
    assert "stage 'poison'" in bad.diagnostics[-1].message
    assert bad.item == one[1500].item  # what the stages before it did is kept
    assert not any(d.code == "X001" for r in two[:1500] + two[1501:] for d in r.diagnostics)


def test_a_reference_that_kills_its_worker_gets_x001_and_the_rest_go_on():
    lines = bench_lines(400)
    lines[250] = "CRASH " + lines[250]
    stages = PARSE_STAGES + (("crash", crash_stage),)
    out = list(citekit.process_many(lines, Config(lines=True), jobs=2, stages=stages))
    assert [r.raw for r in out] == lines
    assert [d.code for d in out[250].diagnostics] == ["X001"]
    assert "worker process died" in out[250].diagnostics[0].message
    ok = list(citekit.process_many(lines[:250], Config(lines=True), jobs=1, stages=PARSE_STAGES))
    assert jsonl(out[:250]) == jsonl(ok)


def test_jobs_must_be_a_whole_number():
    with pytest.raises(UsageError):
        list(citekit.process_many(["x"], jobs=-1))
    code, _, err = run_cli(["parse", "--jobs", "-2"])
    assert code == 2 and "jobs" in err


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        out += [int(k) for k in kids]
        todo += [int(k) for k in kids]
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_ctrl_c_stops_the_workers_without_a_traceback(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("\n".join(bench_lines(200_000)) + "\n", "utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from citekit.cli import entry; entry()",
            "parse",
            "--lines",
            str(path),
            "--jobs",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # a background job of a shell starts with SIGINT ignored, and Python then installs no
        # handler for it: give the command the default a user's terminal gives it
        preexec_fn=_default_sigint,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline()  # the workers are running
    workers = _descendants(proc.pid)
    assert len(workers) >= 2
    proc.send_signal(signal.SIGINT)
    _, err_bytes = proc.communicate(timeout=120)
    code, err = proc.returncode, err_bytes.decode()
    assert code == 130
    assert "interrupted" in err and "Traceback" not in err
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)


def test_partition_function_as_dask_calls_it(tmp_path):
    from citekit.partition import parse_partition

    lines = bench_lines(120)
    # Dask's read_text gives a partition's lines with their line terminators
    parts = [[line + "\n" for line in lines[:70]], [line + "\r\n" for line in lines[70:]], []]
    records = [r for part in parts for r in list(parse_partition(part))]
    assert [r["raw"] for r in records] == lines
    want = list(citekit.process_many(lines, Config(lines=True), stages=PARSE_STAGES))
    assert [
        json.loads(r["item"])["title"] for r in records[:70] if "title" in json.loads(r["item"])
    ] == [w.item["title"] for w in want[:70] if "title" in w.item]


def test_readme_dask_example(tmp_path):
    db = pytest.importorskip("dask.bag")
    from citekit.partition import parse_partition

    lines = bench_lines(60)
    (tmp_path / "refs-1.txt").write_text("\n".join(lines[:25]) + "\n", "utf-8")
    (tmp_path / "refs-2.txt").write_text("\n".join(lines[25:]) + "\n", "utf-8")
    bag = db.read_text(str(tmp_path / "refs-*.txt"))
    records = bag.map_partitions(lambda rows: list(parse_partition(rows))).compute()
    assert [r["raw"] for r in records] == lines
