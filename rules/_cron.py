"""The cron syntax Aurora's scheduler accepts (its ``CrontabEntry``), for the cron rules.

A schedule is exactly five fields separated by whitespace, with nothing before or after:
minute, hour, day of month, month, day of week. A field is a comma list of ``*``, ``N``,
``A-B``, ``*/S`` and ``A-B/S``. Month and day-of-week also take the names JAN-DEC and SUN-SAT
in any case. Day of week runs 0-6: unlike many crons, 7 is not Sunday. Day of month and day of
week may not both be restricted. There are no ``@hourly`` macros, no Quartz ``?``, ``L``,
``W`` or ``#``, and no seconds or year field. The scheduler runs schedules in its own time zone
(GMT by default).
"""


from typing import NamedTuple

from auroralint.patterns import lazy_pattern

# The scheduler splits on Java's \s and \S: ASCII whitespace only.
_WHITESPACE = " \t\n\x0b\f\r"
_FIELDS = lazy_pattern(f"[^{_WHITESPACE}]+")
_NUMBER = "([0-9]+)"
_PATTERNS = {
    "number": lazy_pattern(rf"^{_NUMBER}$"),
    "range": lazy_pattern(rf"^{_NUMBER}-{_NUMBER}$"),
    "every": lazy_pattern(rf"^\*/{_NUMBER}$"),
    "range-every": lazy_pattern(rf"^{_NUMBER}-{_NUMBER}/{_NUMBER}$"),
}
_JAVA_INT_MAX = 2**31 - 1  # a larger number does not even parse on the scheduler
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_DAYS = ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")
MACROS = {
    "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}  # fmt: skip


class Field(NamedTuple):
    name: str
    low: int
    high: int
    names: dict[str, int]  # aliases the scheduler replaces by their number

    def bounds(self) -> str:
        if not self.names:
            return f"{self.low}-{self.high}"
        first, last = list(self.names)[0], list(self.names)[-1]
        return f"{self.low}-{self.high} or {first}-{last}"


FIELDS = (
    Field("minute", 0, 59, {}),
    Field("hour", 0, 23, {}),
    Field("day-of-month", 1, 31, {}),
    Field("month", 1, 12, {name: number for number, name in enumerate(_MONTHS, start=1)}),
    Field("day-of-week", 0, 6, {name: number for number, name in enumerate(_DAYS)}),
)


class CronProblem(NamedTuple):
    message: str  # lower-case, names the cron field at fault when there is one
    hint: str = ""
    field: str = ""  # the cron field's name, or "" for the whole schedule


def problems(schedule: str) -> list[CronProblem]:
    """Everything the scheduler would reject in ``schedule``, one problem per fault."""
    stripped = schedule.strip(_WHITESPACE)
    if not stripped:
        return [CronProblem(
            f"the cron schedule {schedule!r} is blank: the client treats the job as a cron job "
            "('aurora job create' refuses it) but the scheduler finds no schedule to run",
            "write a schedule such as '0 * * * *', or remove cron_schedule")]  # fmt: skip
    found = []
    if stripped != schedule:
        found.append(CronProblem(
            f"the cron schedule {schedule!r} has leading or trailing whitespace, which the "
            "scheduler does not accept", f"write {stripped!r}"))  # fmt: skip
    if stripped.startswith("@"):
        macro = stripped.split()[0].lower()
        instead = f"write {MACROS[macro]!r} instead" if macro in MACROS else ""
        return [*found, CronProblem(
            f"the cron schedule {schedule!r} uses the macro {macro!r}, which Aurora's scheduler "
            "does not support", instead)]  # fmt: skip
    fields = _FIELDS.findall(stripped)
    if len(fields) != len(FIELDS):
        return [*found, _field_count(schedule, len(fields))]
    values: list[set[int] | None] = []
    for field, text in zip(FIELDS, fields):
        numbers, wrong = _parse_field(schedule, field, text)
        found.extend(wrong)
        values.append(None if wrong else numbers)
    day_of_month, day_of_week = values[2], values[4]
    if day_of_month is not None and day_of_week is not None:
        if len(day_of_month) < 31 and len(day_of_week) < 7:
            found.append(CronProblem(
                f"the cron schedule {schedule!r} restricts both day-of-month ({fields[2]!r}) "
                f"and day-of-week ({fields[4]!r}), which Aurora's scheduler does not support",
                "set one of the two to '*'", "day-of-week"))  # fmt: skip
    return found


def _field_count(schedule: str, count: int) -> CronProblem:
    why = ""
    if count in (6, 7):
        why = ": there is no seconds or year field (Quartz syntax is not accepted)"
    return CronProblem(
        f"the cron schedule {schedule!r} has {count} fields, Aurora's scheduler expects exactly "
        f"5 (minute hour day-of-month month day-of-week){why}",
        "write five fields separated by spaces, e.g. '*/5 * * * *'")  # fmt: skip


def _parse_field(schedule: str, field: Field, text: str) -> tuple[set[int], list[CronProblem]]:
    numbers: set[int] = set()
    wrong = []
    components = [component for component in text.split(",") if component]
    if not components:
        wrong.append(_problem(schedule, field, text, "has no value"))
    for component in components:
        values, why, hint = _parse_component(field, component)
        if why:
            wrong.append(_problem(schedule, field, component, why, hint))
        numbers |= values
    return numbers, wrong


def _problem(schedule: str, field: Field, text: str, why: str, hint: str = "") -> CronProblem:
    return CronProblem(f"{field.name} {text!r} in the cron schedule {schedule!r} {why}",
                       hint, field.name)  # fmt: skip


def _parse_component(field: Field, component: str) -> tuple[set[int], str, str]:
    """The values of one comma-separated component, or why the scheduler rejects it."""
    text = component
    if field.names:
        # The scheduler upper-cases and replaces every name it finds, wherever it is.
        text = component.upper()
        for name, number in field.names.items():
            text = text.replace(name, str(number))
    if text == "*":
        return set(range(field.low, field.high + 1)), "", ""
    for kind, pattern in _PATTERNS.items():
        match = pattern.match(text)
        if match:
            return _values(field, kind, [int(group) for group in match.groups()])
    return set(), _unknown_syntax(text), "use *, N, A-B, */S or A-B/S, comma-separated"


def _values(field: Field, kind: str, numbers: list[int]) -> tuple[set[int], str, str]:
    if any(number > _JAVA_INT_MAX for number in numbers):
        return set(), "has a number too large for the scheduler to read", ""
    if kind == "every":
        (step,) = numbers
        if step == 0:
            return set(), "has a step of 0", "the step after / must be at least 1"
        return set(range(field.low, field.high + 1, step)), "", ""
    low, high = numbers[0], numbers[-1] if kind == "number" else numbers[1]
    if low > high:
        return set(), f"is a range from {low} down to {high}", f"ranges go upwards: write {high}-{low}"
    if low < field.low or high > field.high:
        return set(), _out_of_range(field, low, high), ""
    if kind == "range-every":
        step = numbers[2]
        if step == 0:
            return set(), "has a step of 0", "the step after / must be at least 1"
        if step >= high:
            return set(), (f"has a step of {step}, but the scheduler requires the step of A-B/S "
                           f"to be smaller than B ({high})"), ""  # fmt: skip
        return set(range(low, high + 1, step)), "", ""
    return set(range(low, high + 1)), "", ""


def _out_of_range(field: Field, low: int, high: int) -> str:
    why = f"is outside {field.bounds()}"
    if field.name == "day-of-week" and high == 7:
        return f"{why}: 7 is not Sunday for Aurora's scheduler (use 0 or SUN)"
    return why


def _unknown_syntax(text: str) -> str:
    # After name replacement, so that a month like JUL does not look like Quartz's L.
    if any(mark in text.upper() for mark in "?LW#"):
        return "uses Quartz syntax (?, L, W or #), which Aurora's scheduler does not accept"
    return "is not a value, range or step Aurora's scheduler understands"
