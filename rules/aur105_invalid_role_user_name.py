"""A job with a Mesos container image has a role that ``useradd`` would refuse as a user name.

With ``Mesos(image=...)``, Aurora runs the job's processes as the Linux user named like its
``role`` and, when the image has no such user, creates it inside the image with ``useradd``.
By default ``useradd`` accepts only names that start with a lower-case letter or ``_``,
continue with lower-case letters, digits, ``_`` or ``-``, and have at most 32 characters;
Aurora's own role check is looser (``John.Doe`` passes it), so the task fails only when it
starts. It still works when the image already has that user, with the host's uid and gid.

Options:
    none

Bad::

    image = Mesos(image=DockerImage(name='debian', tag='bookworm'))
    jobs = [job(role='Web.Team', container=image)]  # expect: AUR105

Good::

    image = Mesos(image=DockerImage(name='debian', tag='bookworm'))
    jobs = [job(role='web-team', container=image)]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.patterns import lazy_pattern

_USER_NAME = lazy_pattern(r"^[a-z_][a-z0-9_-]{0,31}$")


@job_rule("AUR105", "invalid-role-user-name", "warning")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if job.kind("container") != "Mesos" or not job.has("container.image"):
        return  # the host's own user runs the task: it exists already
    role = job.get("role")
    if not isinstance(role, str) or "{{" in role or _USER_NAME.match(role):
        return
    why = "is longer than 32 characters" if len(role) > 32 else "is not a valid user name"
    yield Finding(
        f"role {role!r} {why} for useradd, which Aurora runs to create the role's user "
        "inside the Mesos container image",
        field="role",
        hint="use a role of lower-case letters, digits, '_' and '-' that starts with a letter "
        "or '_', or make sure the image already has that user with the host's uid and gid",
    )
