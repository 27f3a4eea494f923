"""What a run imports: startup is paid on every pre-commit run, so it is kept lean."""

from __future__ import annotations

import subprocess
import sys


def python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip()  # fmt: skip


def test_pystachio_is_imported_without_pprint_and_repr_still_works() -> None:
    out = python(
        "import sys, auroralint.model\n"
        "print('pprint' in sys.modules, 'dataclasses' in sys.modules)\n"
        "from pystachio import Environment\n"
        "print(repr(Environment({'a': 1})))\n"
        "import pprint; print(pprint.pformat({'b': 2}))"
    )
    assert out.splitlines() == ["False False", "Environment({Ref(a): '1'})", "{'b': 2}"]


def test_version_and_help_import_nothing_heavy() -> None:
    out = python(
        "import sys\n"
        "from auroralint.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('pystachio', 'jsonschema', 'auroralint.engine') if m in sys.modules))"
    )
    assert out.splitlines()[-1] == "[]"


def test_a_lint_run_imports_neither_jsonschema_nor_pickle_without_need() -> None:
    out = python(
        "import sys, os, tempfile\n"
        "d = tempfile.mkdtemp(); p = os.path.join(d, 'a.aurora')\n"
        "open(p, 'w').write('x = 1\\n')\n"
        "os.environ['AURORA_CONFIG_ROOT'] = d; os.environ['HOME'] = d\n"
        "from auroralint.cli import main\n"
        "sys.stdout = open(os.devnull, 'w')\n"
        "main([p])\n"
        "sys.stdout = sys.__stdout__\n"
        "print(sorted(m for m in ('jsonschema', 'pickle', 'pprint', 'tomllib', 'difflib', 'selectors', 'signal') if m in sys.modules))"
    )
    assert out.splitlines()[-1] == "[]"
