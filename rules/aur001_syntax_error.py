"""The config is not valid Python 3 syntax, so nothing in it can be checked.

Aurora's client runs configs with Python 2.7, auroralint with Python 3. A config that Python 3
cannot parse cannot be linted at all; when the reason is Python 2-only syntax (the ``print``
statement, ``except X, e``, ``0777``, ``<>``, backquotes), the message says so and the hint gives
the spelling that both Python 2 and Python 3 accept, so the config keeps working in Aurora.

Options:
    none

Bad::

    print "deploying hello"  # expect: AUR001

Good::

    print("deploying hello")
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule

# (what Python 3 says, what it means, the portable spelling)
_PYTHON2_MESSAGES = (
    ("Missing parentheses in call to 'print'", "the Python 2 print statement", "print(...)"),
    ("Missing parentheses in call to 'exec'", "the Python 2 exec statement", "exec(...)"),
    ("multiple exception types must be parenthesized", "Python 2's `except X, e:`",
     "except X as e:"),
    ("leading zeros in decimal integer literals", "a Python 2 octal literal", "0o777"),
    ("parameters cannot be parenthesized", "Python 2 tuple parameters",
     "one parameter, unpacked in the body"),
)  # fmt: skip
# (text at the error, what it means, the portable spelling)
_PYTHON2_TEXT = (
    ("<>", "Python 2's `<>` operator", "!="),
    ("`", "Python 2 backquotes", "repr(...)"),
    ("ur'", "Python 2's ur'' string prefix", "u'' or r''"),
    ('ur"', "Python 2's ur\"\" string prefix", "u\"\" or r\"\""),
)  # fmt: skip


@load_rule("AUR001", "syntax-error", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    error = failure.error
    if not isinstance(error, SyntaxError):
        return
    if isinstance(error, TabError):
        yield Finding(
            "indentation mixes tabs and spaces (Python 2 allowed this, Python 3 does not)",
            hint="indent with spaces only",
        )
        return
    for fragment, meaning, spelling in _PYTHON2_MESSAGES:
        if fragment in (error.msg or ""):
            yield _python2(meaning, spelling)
            return
    text = (error.text or "")[max((error.offset or 1) - 1, 0):]
    for fragment, meaning, spelling in _PYTHON2_TEXT:
        if text.startswith(fragment):
            yield _python2(meaning, spelling)
            return
    yield Finding(f"syntax error: {error.msg}", hint="auroralint reads configs as Python 3")


def _python2(meaning: str, spelling: str) -> Finding:
    return Finding(
        f"Python 2-only syntax: {meaning}",
        hint=f"write {spelling} instead; Python 2 and Python 3 both accept it",
    )
