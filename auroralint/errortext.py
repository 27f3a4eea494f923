"""The text of an exception or a value that a config's own code made.

A config can define an exception whose ``__str__`` raises, or put an object whose ``__repr__``
raises into a field; a message about it must still be written. Anything that shows such a
value goes through here.
"""

from collections.abc import Callable


def error_text(error: BaseException) -> str:
    """``Type: message``, or ``Type`` when the message is empty."""
    try:
        text = str(error)
    except Exception as failure:  # noqa: BLE001 - the config's own exception class is broken
        text = f"(its message cannot be shown: {type(failure).__name__})"
        return f"{type(error).__name__} {text}"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def shown(value: object, convert: Callable[[object], str] = repr) -> str:
    """``convert(value)``, or a description of the value when that raises."""
    try:
        return convert(value)
    except Exception as error:  # noqa: BLE001 - the config's code failed, not ours
        return f"<{type(value).__name__} that cannot be shown: {type(error).__name__}>"
