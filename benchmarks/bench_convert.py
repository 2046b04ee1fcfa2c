"""Benchmark: convert a 10,000-entry BibTeX file to CSL-JSON (target: under 5 seconds).

Run: ``python benchmarks/bench_convert.py [N]``.  The file is generated (half Chinese, half
English entries with accents, macros, ``--`` ranges and ``{}``-protected names), written as
BibTeX, then read back and written as CSL-JSON; the read+write time is reported.
"""

from __future__ import annotations

import sys
import time

from citekit.formats import read, write

_ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_ZH_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"


def make_bibtex(n: int) -> str:
    out = ['@string{jcs = "Journal of Computational Science"}\n']
    for i in range(n):
        if i % 2:
            a = _ZH_SURNAMES[i % 20] + _ZH_GIVEN[(i // 20) % 20] + _ZH_GIVEN[(i // 7) % 20]
            b = _ZH_SURNAMES[(i + 3) % 20] + _ZH_GIVEN[(i // 3) % 20]
            out.append(
                f"@article{{zh{i},\n  author = {{{a} and {b}}},\n"
                f"  title = {{数字化转型背景下的社会治理研究第{i}篇}},\n"
                f"  journal = {{中国行政管理}},\n  year = {{{1990 + i % 35}}},\n"
                f"  volume = {{{i % 40 + 1}}},\n  number = {{0{i % 9 + 1}}},\n"
                f"  pages = {{{i % 100 + 1}--{i % 100 + 12}}},\n  language = {{zh}},\n"
                f"  key = {{pinyin {i}}},\n}}\n"
            )
        else:
            out.append(
                f"@inproceedings{{en{i},\n"
                f'  author = {{M{{\\"u}}ller, J{{\\"o}}rg and van Beethoven, Ludwig and {{World Health Organization}}}},\n'
                f"  title = {{Caf\\'{{e}} culture \\& the {{Enlightenment}}, part {i}}},\n"
                f"  booktitle = jcs # {{ Proceedings}},\n  publisher = {{Springer}},\n"
                f"  address = {{Berlin}},\n  year = {1990 + i % 35},\n  month = mar,\n"
                f"  pages = {{{i % 500 + 1}--{i % 500 + 20}}},\n  doi = {{10.1000/bench.{i}}},\n}}\n"
            )
    return "\n".join(out)


def main(n: int = 10_000) -> float:
    text = make_bibtex(n)
    t0 = time.perf_counter()
    refs = read(text, "bibtex")
    out, _ = write([r.item for r in refs], "csl-json")
    elapsed = time.perf_counter() - t0
    assert len(refs) == n, len(refs)
    print(f"{n} BibTeX entries -> CSL-JSON in {elapsed:.2f} s ({len(out) / 1e6:.1f} MB out)")
    return elapsed


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
