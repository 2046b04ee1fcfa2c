"""The README's Python example runs as written."""

import contextlib
import io
import os
import re

from conftest import ROOT


def test_readme_python_example_runs():
    readme = (ROOT / "README.md").read_text("utf-8")
    python_section = readme[readme.index("\n## Python\n") :]
    code = re.search(r"```python\n(.*?)```", python_section, re.S).group(1)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    assert "ref-30 Strategic Public Value(s) Governance" in out.getvalue()
