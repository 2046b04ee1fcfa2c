"""citekit on Apache Spark (``pip install 'citekit[spark]'``: PySpark and PyArrow).

- :func:`parse_batches` / :func:`check_batches`: functions for ``DataFrame.mapInArrow``:
  Arrow record batches in, the same rows out with the output columns added (``id`` when the
  input has none, ``item``, ``language``, ``confidence``, ``diagnostics``).  The work is
  :mod:`citekit.partition`'s, which imports no engine; the model is loaded once per Python
  worker (Spark reuses its Python workers).
- :func:`parse` / :func:`check`: a DataFrame with a ``raw`` column in, that DataFrame with
  the output columns out.  N rows in, N rows out in every partition: a null, empty or junk
  row gets its diagnostics (S001, P001...), never a failed task.
- :func:`run_cli`: ``citekit spark INPUT OUTPUT`` (text, JSON Lines or Parquet in; Parquet or
  JSON Lines out).

Only :func:`parse`, :func:`check` and :func:`run_cli` import pyspark; the batch functions need
only pyarrow.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any, TextIO

from .errors import UsageError

__all__ = [
    "DIAGNOSTIC_TYPE",
    "OUTPUT_COLUMNS",
    "check",
    "check_batches",
    "parse",
    "parse_batches",
    "run_cli",
]

#: The columns added, as Spark DDL.
OUTPUT_COLUMNS = (
    ("id", "string"),
    ("item", "string"),
    ("language", "string"),
    ("confidence", "double"),
    (
        "diagnostics",
        "array<struct<code:string,severity:string,message:string,start:int,end:int,field:string>>",
    ),
)
DIAGNOSTIC_TYPE = OUTPUT_COLUMNS[-1][1]
INSTALL_HINT = (
    "citekit spark needs PySpark and PyArrow: pip install 'citekit[spark]' "
    "(and a Java runtime, 17 or later)"
)


def _arrow_types() -> dict[str, Any]:
    import pyarrow as pa

    diagnostic = pa.struct(
        [
            ("code", pa.string()),
            ("severity", pa.string()),
            ("message", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("field", pa.string()),
        ]
    )
    return {
        "id": pa.string(),
        "item": pa.string(),
        "language": pa.string(),
        "confidence": pa.float64(),
        "diagnostics": pa.list_(diagnostic),
    }


def parse_batches(
    batches: Iterable[Any], column: str = "raw", standard: str = "gbt7714-2015"
) -> Iterator[Any]:
    """For ``mapInArrow``: each batch with the parse's columns added (see the module)."""
    from .partition import parse_partition

    return _batches(batches, column, partial(parse_partition, standard=standard))


def check_batches(
    batches: Iterable[Any], column: str = "raw", standard: str = "gbt7714-2015"
) -> Iterator[Any]:
    """As :func:`parse_batches`, with the per-reference checks' diagnostics."""
    from .partition import check_partition

    return _batches(batches, column, partial(check_partition, standard=standard))


def _batches(batches: Iterable[Any], column: str, run: Any) -> Iterator[Any]:
    import pyarrow as pa

    types = _arrow_types()
    for batch in batches:
        names = batch.schema.names
        raws = batch.column(names.index(column)).to_pylist()
        ids = batch.column(names.index("id")).to_pylist() if "id" in names else None
        rows = list(zip(ids, raws, strict=True)) if ids is not None else raws
        records = list(run(rows))
        columns, fields = list(batch.columns), list(batch.schema)
        for name, type_ in types.items():
            if name == "id" and "id" in names:
                continue  # the caller's ids are kept as they are
            columns.append(pa.array([r[name] for r in records], type=type_))
            fields.append(pa.field(name, type_))
        yield pa.RecordBatch.from_arrays(columns, schema=pa.schema(fields))


def _output_schema(df: Any) -> Any:
    from pyspark.sql.types import StructType, _parse_datatype_string

    schema = StructType(list(df.schema.fields))
    for name, ddl in OUTPUT_COLUMNS:
        if name == "id" and "id" in df.columns:
            continue
        schema = schema.add(name, _parse_datatype_string(ddl))
    return schema


def parse(df: Any, column: str = "raw", standard: str = "gbt7714-2015") -> Any:
    """``df`` with the parse of its ``column`` added: ``id`` (when ``df`` has none:
    ``ref-`` and Spark's monotonically increasing id + 1, unique but not consecutive),
    ``item`` (CSL-JSON string), ``language``, ``confidence``, ``diagnostics``."""
    return _map(df, column, partial(parse_batches, column=column, standard=standard))


def check(df: Any, column: str = "raw", standard: str = "gbt7714-2015") -> Any:
    """As :func:`parse`, with the per-reference checks (list-level rules need a whole list)."""
    return _map(df, column, partial(check_batches, column=column, standard=standard))


def _map(df: Any, column: str, fn: Any) -> Any:
    from .config import STANDARDS

    standard = fn.keywords["standard"]
    if standard not in STANDARDS:
        raise UsageError(f"unknown standard '{standard}'; choose one of: {', '.join(STANDARDS)}")
    if column not in df.columns:
        raise UsageError(
            f"the DataFrame has no column '{column}' (columns: {', '.join(df.columns)})"
        )
    taken = [name for name, _ in OUTPUT_COLUMNS[1:] if name in df.columns]
    if taken:
        raise UsageError(f"the DataFrame already has the output column(s) {', '.join(taken)}")
    if "id" not in df.columns:
        df = _with_ids(df)
    return df.mapInArrow(fn, _output_schema(df))


def _with_ids(df: Any) -> Any:
    """``df`` with ``id``: ``ref-`` and Spark's monotonically increasing id + 1 (consecutive
    within a partition, unique across them)."""
    from pyspark.sql import functions as F

    return df.withColumn(
        "id", F.concat(F.lit("ref-"), (F.monotonically_increasing_id() + 1).cast("string"))
    )


# --- citekit spark INPUT OUTPUT ---------------------------------------------------------------


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="INPUT", help="text (a reference a line), .jsonl or .parquet")
    p.add_argument("output", metavar="OUTPUT", help="a directory: Parquet, or JSON Lines (.jsonl)")
    p.add_argument("--standard", default="gbt7714-2015", choices=["gbt7714-2015", "gbt7714-2025"])
    p.add_argument("--master", default="local[*]", help="Spark master (default: local[*])")
    p.add_argument(
        "--from",
        dest="from_format",
        choices=["text", "jsonl", "parquet"],
        help="input format (default: from INPUT's extension; text otherwise)",
    )
    p.add_argument(
        "--to",
        dest="to_format",
        choices=["parquet", "jsonl"],
        help="output format (default: jsonl for a .jsonl/.json OUTPUT, else parquet)",
    )
    p.add_argument("--column", default="raw", help="the reference column of JSONL/Parquet input")
    p.add_argument("--check", action="store_true", help="run the per-reference checks too")


def _format_of(path: str, choices: dict[str, str], default: str) -> str:
    lower = path.rstrip("/").lower()
    return next((fmt for ext, fmt in choices.items() if lower.endswith(ext)), default)


def run_cli(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    src = args.from_format or _format_of(
        args.input, {".parquet": "parquet", ".jsonl": "jsonl", ".json": "jsonl"}, "text"
    )
    dst = args.to_format or _format_of(
        args.output, {".jsonl": "jsonl", ".json": "jsonl"}, "parquet"
    )
    if args.master.startswith("local"):  # the workers run this Python, with citekit installed
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    ours = SparkSession.getActiveSession() is None  # a session of the caller's stays up
    spark = SparkSession.builder.master(args.master).appName("citekit").getOrCreate()
    try:
        if src == "text":
            df = spark.read.text(args.input).withColumnRenamed("value", "raw")
            column = "raw"
        elif src == "jsonl":
            df, column = spark.read.json(args.input), args.column
        else:
            df, column = spark.read.parquet(args.input), args.column
        if "id" not in df.columns:  # numbered in the input's order, before any shuffle
            df = _with_ids(df)
        # a file smaller than a split is one partition: spread it over the cores
        cores = spark.sparkContext.defaultParallelism
        if df.rdd.getNumPartitions() < cores:
            df = df.repartition(cores * 2)
        out = (check if args.check else parse)(df, column=column, standard=args.standard)
        writer = out.write.mode("errorifexists")
        (writer.json if dst == "jsonl" else writer.parquet)(args.output)
        stderr.write(f"citekit: wrote {dst} to {args.output}\n")
    except UsageError:
        raise
    except Exception as exc:  # Spark's errors (a path that exists, no such input...) in one line
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UsageError(f"spark: {message}") from None
    finally:
        if ours:
            spark.stop()
    return 0
