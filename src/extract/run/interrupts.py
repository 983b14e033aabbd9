"""A stop asked for by a signal (Ctrl-C, SIGTERM), remembered as well as raised.

Python runs a signal's handler at the next bytecode of the main thread. When that bytecode is in a
finaliser (an object's `__del__`, a weakref callback, a garbage collection's callbacks), the
exception the handler raises is printed as "Exception ignored" and dropped: the run went on and
exited 0 after a Ctrl-C (seen on a loaded machine). The command's handlers record the stop here
before raising it, and the run calls `check()` where it waits for workers and before it commits
its outputs, so a dropped stop is raised again there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Terminated(BaseException):
    """SIGTERM: stop as for Ctrl-C, cleaning up on the way (a BaseException, so that no
    `except Exception` on the way swallows it)."""


_asked: list[type[BaseException]] = []
_STOPS = (KeyboardInterrupt, Terminated)


def ask(stop: type[BaseException]) -> None:
    """Record a stop (KeyboardInterrupt or Terminated); the signal handler then raises it."""
    _asked.append(stop)


def clear() -> None:
    """Forget earlier stops (a command starting; tests running commands in one process)."""
    _asked.clear()


def check() -> None:
    """Raise the first stop asked for, if any (again, when a finaliser dropped it)."""
    if _asked:
        raise _asked[0]()


def quiet_dropped_stops(default: Callable[[Any], object]) -> Callable[[Any], object]:
    """A `sys.unraisablehook` that records a stop Python dropped (instead of printing its
    traceback under "Exception ignored") and hands anything else to `default`."""

    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, _STOPS):
            ask(type(unraisable.exc_value))
        else:
            default(unraisable)

    return hook
