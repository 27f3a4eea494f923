"""The values that flow from rules to reporters."""


from typing import Literal, NamedTuple

from auroralint.sourcemap import Span

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
# Messages quote the config's own values, which can be megabytes long (a 5000-digit number, a
# string built in a loop): a report keeps both ends of such a message and drops the middle.
MESSAGE_LIMIT = 1000


def bounded(text: str, limit: int = MESSAGE_LIMIT) -> str:
    if len(text) <= limit:
        return text
    keep = limit // 2
    return f"{text[:keep]} [... {len(text) - 2 * keep} characters ...] {text[-keep:]}"


class Finding(NamedTuple):
    """What a rule reports: a message and the field at fault; the engine works out where.

    ``field`` is a path inside the job (``task.processes[1].cmdline``, ``container.image``,
    ``constraints[dedicated]``; empty for the job itself). Load rules use it for the keyword at
    fault in the failing call. ``ref`` narrows the location to a ``{{mustache}}`` inside the
    field's string, and ``fragment`` to any other text written in it (the bad field of a cron
    schedule); ``occurrence`` picks which one when it appears several times.
    ``severity`` replaces the rule's default for this finding (a rule that knows the cluster's
    scheduler reports an error, one guessing from Aurora's defaults a warning); a severity the
    user configured for the rule still wins.
    """

    message: str
    field: str = ""
    hint: str = ""
    ref: str = ""
    occurrence: int = 0
    severity: Severity | None = None
    fragment: str = ""


class Related(NamedTuple):
    """A secondary location: an include or a helper-function call on the way to the primary one."""

    span: Span
    note: str


class Diagnostic(NamedTuple):
    """A located finding; tuples sort by file, line, column and code."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    hint: str = ""
    job: str = ""
    related: tuple[Related, ...] = ()

    @classmethod
    def at(
        cls,
        span: Span,
        code: str,
        name: str,
        severity: Severity,
        finding: Finding,
        job: str = "",
        related: tuple[Related, ...] = (),
        context: str = "",
    ) -> "Diagnostic":
        """``context`` follows the message whole, however long the message is cut."""
        return cls(
            span.path,
            span.line,
            span.column,
            span.end_line,
            span.end_column,
            code,
            name,
            severity,
            bounded(finding.message) + context,
            bounded(finding.hint),
            bounded(job),
            related,
        )

    @property
    def span(self) -> Span:
        return Span(self.path, self.line, self.column, self.end_line, self.end_column)
