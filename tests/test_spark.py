"""citekit on Spark (local[2]): N rows in, N rows out, the records of `citekit parse --lines`.

Needs PySpark and a Java runtime (the test extra and .ci/run install them).  One Spark session
for the module: starting Spark takes seconds.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import sys
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):  # pragma: no cover
    pytest.skip("Spark needs a Java runtime (.ci/run installs one)", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402

import citekit.spark as ckspark  # noqa: E402
from citekit.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("citekit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def mixed_strings(n: int) -> list[str]:
    """n strings: the frozen Chinese benchmark lines, the English training corpora, junk."""
    rng = random.Random(15)
    zh = [
        line.partition("\t")[2]
        for line in (ROOT / "benchmarks" / "data" / "zh-synthetic.tsv")
        .read_text("utf-8")
        .splitlines()
    ]
    en = []
    for name in ("anystyle-core.jsonl", "grobid-corpus.jsonl"):
        path = ROOT / "training" / "data" / name
        if path.exists():
            en += [
                json.loads(line)["text"]
                for line in path.read_text("utf-8").splitlines()
                if line.strip()
            ]
    pool = [s for s in zh + en if "\n" not in s and "\r" not in s]
    out = [rng.choice(pool) for _ in range(n)]
    for i in range(0, n, 97):  # a few short or odd strings among them
        out[i] = rng.choice(["x", "2020", "[3]", "   ", "《》", "DOI:10.1000/xyz", "http://a.b/c"])
    return out


def cli_records(lines: list[str], tmp_path: Path) -> list[dict]:
    path = tmp_path / "lines.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    out = io.StringIO()
    main(["parse", "--lines", str(path), "--fail-on", "never"], stdout=out, stderr=io.StringIO())
    return [json.loads(line) for line in out.getvalue().splitlines()]


def comparable_cli(rec: dict) -> tuple:
    diags = [
        (d["code"], d["severity"], d["message"], d["span"], d["field"]) for d in rec["diagnostics"]
    ]
    return rec["id"], rec["raw"], rec["item"], rec["language"], rec["confidence"], diags


def comparable_spark(row) -> tuple:
    diags = [
        (
            d["code"],
            d["severity"],
            d["message"],
            None if d["start"] is None else [d["start"], d["end"]],
            d["field"],
        )
        for d in row["diagnostics"]
    ]
    return (
        row["id"],
        row["raw"],
        json.loads(row["item"]),
        row["language"],
        round(row["confidence"], 4),
        diags,
    )


def test_example_list_and_10000_mixed_strings_equal_citekit_parse_lines(spark, tmp_path):
    lines = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8").splitlines()
    lines += mixed_strings(10_000)
    ids = [f"ref-{i}" for i in range(1, len(lines) + 1)]
    df = spark.createDataFrame(
        list(zip(ids, lines, strict=True)), "id string, raw string"
    ).repartition(4)
    rows = ckspark.parse(df).collect()
    assert len(rows) == len(lines)
    got = sorted((comparable_spark(r) for r in rows), key=lambda t: int(t[0][4:]))
    want = [comparable_cli(r) for r in cli_records(lines, tmp_path)]
    assert got == want


def test_empty_partitions_null_empty_junk_and_a_1mb_row(spark):
    rng = random.Random(3)
    junk = bytes(rng.randrange(256) for _ in range(300)).decode("latin-1")
    control = "".join(chr(rng.randrange(0, 32)) for _ in range(50))
    line = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8").replace("\n", " ")
    big = (line * (1_000_000 // len(line) + 1))[:1_000_000]
    raws = [
        None,
        "",
        "   ",
        junk,
        control,
        "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
        big,
        "ZHANG S. Title[J]. J, 2020.",
    ]
    # more partitions than rows: some partitions are empty
    df = spark.createDataFrame([(r,) for r in raws], "raw string").repartition(12)
    out = ckspark.check(df).collect()
    assert len(out) == len(raws)
    by_raw = {r["raw"]: r for r in out}
    assert by_raw[None]["diagnostics"][0]["code"] == "S001"
    assert by_raw[""]["diagnostics"][0]["code"] == "S001"
    assert len(by_raw[big]["raw"]) == 1_000_000
    assert json.loads(by_raw[big]["item"])["type"]
    assert len({r["id"] for r in out}) == len(raws)  # generated ids are unique
    for r in out:
        assert json.loads(r["item"])["id"] == r["id"]


def test_batches_function_keeps_row_count_without_spark():
    pa = pytest.importorskip("pyarrow")
    batch = pa.RecordBatch.from_pydict({"raw": ["A B. T[J]. J, 2001.", None], "n": [1, 2]})
    empty = pa.RecordBatch.from_pydict(
        {"raw": pa.array([], pa.string()), "n": pa.array([], pa.int64())}
    )
    out = list(ckspark.parse_batches([empty, batch]))
    assert [b.num_rows for b in out] == [0, 2]
    assert out[1].column("n").to_pylist() == [1, 2]  # the input's columns are kept
    assert out[1].schema.names[-4:] == ["item", "language", "confidence", "diagnostics"]


def test_spark_command_text_in_jsonl_and_parquet_out(spark, tmp_path):
    src = tmp_path / "refs.txt"
    lines = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8").splitlines()
    src.write_text("\n".join(lines) + "\n", "utf-8")
    err = io.StringIO()
    assert (
        main(
            ["spark", str(src), str(tmp_path / "out.jsonl"), "--master", "local[2]"],
            stdout=io.StringIO(),
            stderr=err,
        )
        == 0
    )
    rows = [
        json.loads(line)
        for f in sorted((tmp_path / "out.jsonl").glob("part-*"))
        for line in f.read_text("utf-8").splitlines()
    ]
    assert sorted(r["raw"] for r in rows) == sorted(lines)
    jsonl = tmp_path / "refs.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"raw": line}, ensure_ascii=False) + "\n" for line in lines), "utf-8"
    )
    assert (
        main(
            ["spark", str(jsonl), str(tmp_path / "out.parquet"), "--master", "local[2]"],
            stdout=io.StringIO(),
            stderr=err,
        )
        == 0
    )
    assert spark.read.parquet(str(tmp_path / "out.parquet")).count() == len(lines)
    # an output that exists: one line, exit 2
    err = io.StringIO()
    assert (
        main(["spark", str(src), str(tmp_path / "out.jsonl")], stdout=io.StringIO(), stderr=err)
        == 2
    )
    assert err.getvalue().startswith("citekit: error: spark:") and err.getvalue().count("\n") == 1
