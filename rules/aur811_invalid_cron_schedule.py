"""A cron schedule that Aurora's scheduler cannot parse.

The scheduler only checks ``cron_schedule`` when ``aurora cron schedule`` submits the job, and
then rejects it with "Invalid cron schedule". Its syntax is stricter than most crons': exactly
five fields (minute 0-59, hour 0-23, day-of-month 1-31, month 1-12 or JAN-DEC, day-of-week 0-6
or SUN-SAT; 7 is not Sunday), each a comma list of ``*``, ``N``, ``A-B``, ``*/S`` or ``A-B/S``
(S at least 1 and, for ``A-B/S``, smaller than B). Day-of-month and day-of-week cannot both be
restricted; there are no ``@daily`` macros, no Quartz ``?``, ``L``, ``W``, ``#``, no seconds or
year field, and no whitespace around the schedule. The message names the field at fault.
Schedules holding an unbound ``{{ref}}`` are not judged.

Options:
    none

Bad::

    nightly = Job(cluster='devcluster', role='www-data', environment='prod', name='nightly',
                  task=task, cron_schedule='0 3 * * 7')  # expect: AUR811
    jobs = [nightly, nightly(name='hourly', cron_schedule='@hourly')]  # expect: AUR811

Good::

    nightly = Job(cluster='devcluster', role='www-data', environment='prod', name='nightly',
                  task=task, cron_schedule='0 3 * * SUN')
    jobs = [nightly, nightly(name='hourly', cron_schedule='0 * * * *')]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._cron import problems
from auroralint.rules._scheduler import text


@job_rule("AUR811", "invalid-cron-schedule", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    schedule = text(job, "cron_schedule")
    if schedule is None:
        return
    for problem in problems(schedule):
        yield Finding(problem.message, field="cron_schedule", hint=problem.hint)
