"""``citekit convert`` through the helpers the main CLI wires in."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

from citekit.formats.cli import add_convert_arguments, run_convert

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def _run(argv: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="citekit convert")
    add_convert_arguments(parser)
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    code = run_convert(args, io.BytesIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


def test_convert_file_to_csl_json() -> None:
    code, out, err = _run([str(FIXTURES / "cnki-refworks.txt"), "--to", "csl-json"])
    assert code == 0
    items = json.loads(out)
    assert len(items) == 5 and items[0]["language"] == "zh-CN"
    assert "F002" in err  # the AD lines are reported, not silently dropped


def test_convert_stdin_gbk_with_from(tmp_path: Path) -> None:
    data = "%0 Journal Article\n%A 胡重明\n%T 标题\n%J 中国行政管理\n%D 2020\n".encode("gbk")
    code, out, err = _run(["-", "--from", "endnote", "--to", "ris"], stdin=data)
    assert code == 0, err
    assert "AU  - 胡重明" in out and "T2  - 中国行政管理" in out


def test_convert_to_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bib"
    code, out, _ = _run([str(FIXTURES / "items.json"), "--to", "bibtex", "-o", str(target), "-q"])
    assert code == 0 and out == ""
    assert "@article{hu2020," in target.read_text(encoding="utf-8")


def test_unreadable_entry_exits_1() -> None:
    code, out, err = _run([str(FIXTURES / "english.bib"), "--to", "jsonl"])
    assert code == 1
    assert len(out.splitlines()) == 3
    assert "error F001" in err


def test_missing_file_exits_2_and_a_plain_list_is_parsed(tmp_path: Path) -> None:
    code, _, err = _run([str(tmp_path / "nope.bib"), "--to", "ris"])
    assert code == 2 and err.count("\n") == 1 and "cannot read" in err
    plain = tmp_path / "refs.txt"
    plain.write_text("[1] 张三. 标题[J]. 期刊, 2020.\n", encoding="utf-8")
    code, out, err = _run([str(plain), "--to", "ris"])  # a plain list is parsed (issue 13)
    assert code == 0 and out.startswith("TY  - JOUR")


def test_undecodable_input_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ris"
    bad.write_bytes("TY  - JOUR\nTI  - Müller café\nER  - \n".encode("latin-1"))
    code, _, err = _run([str(bad), "--to", "csl-json"])
    assert code == 2 and err.count("\n") == 1 and "encoding" in err
