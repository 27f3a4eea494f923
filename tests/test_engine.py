"""The engine keeps going when one rule breaks, and says so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from auroralint import Finding, JobView, Options, job_rule
from auroralint.engine import EngineSettings, lint_file
from auroralint.registry import by_code_or_name
from helpers import write


@job_rule("AUR999", "always-crashes", "error")
def crashing(job: JobView, options: Options) -> Iterator[Finding]:
    raise RuntimeError("boom")
    yield  # pragma: no cover - a generator, like every rule


def test_a_crashing_rule_is_an_internal_error_and_the_others_still_run(tmp_path: Path) -> None:
    config = write(tmp_path, "jobs.aurora", """
        task = Task(processes=[Process(name='p', cmdline='c')],
                    resources=Resources(cpu=1, ram=16*MB, disk=16*MB))
        jobs = [Service(cluster='devcluster', role='www-data', environment='production',
                        name='hello', task=task)]
    """)
    environment = by_code_or_name("invalid-environment")
    result = lint_file(str(config), EngineSettings(rules=(crashing, environment)))
    assert [d.code for d in result.diagnostics] == ["AUR402"]
    (error,) = result.internal_errors
    assert error.startswith("rule AUR999 (always-crashes) failed on ")
    assert "devcluster/www-data/production/hello" in error and "RuntimeError: boom" in error
