"""Work shared between the machine's cores: the second half of a list done by a forked copy
of this process while this one does the first. The results are the same as done in one
process, in the same order; only the time differs. Where no second core or no `fork` is
there (Windows, macOS's default), one process does it all."""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
E = TypeVar("E")

LEAST = 20_000  # items from which two cores share the work (forking costs about 0.1 s)
CHUNK = 20_000  # results sent back at a time: a million keys are never pickled in one piece


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def shared(
    work: Callable[[Sequence[T]], tuple[list[R], E]], items: Sequence[T]
) -> tuple[list[R], list[E]]:
    """`work` on items: a result for each item, in order, and what else each share returned
    (`work` may change its own state, and a forked copy's changes are lost: it returns what
    the caller needs of them). On two cores when there are at least LEAST items (this
    process every other item from the first, a forked copy the rest), else in one share."""
    if len(items) < LEAST or cores() < 2 or sys.platform != "linux":
        alone, extra = work(items)
        return alone, [extra]
    context = multiprocessing.get_context("fork")
    mine, theirs = context.Pipe(duplex=False)
    child = context.Process(target=_second, args=(work, items[1::2], theirs), daemon=True)
    child.start()
    theirs.close()
    try:
        first, extra = work(items[::2])
        extras = [extra]
        second: list[R] = []
        while True:
            kind, payload = mine.recv()
            if kind == "error":
                raise RuntimeError(f"in the second core's share:\n{payload}")
            if kind == "done":
                extras.append(payload)
                break
            second.extend(payload)
    finally:
        mine.close()
        child.join()
    out: list[R] = first + second
    out[::2], out[1::2] = first, second
    return out, extras


def _second(work: Callable[[Any], Any], items: Sequence[Any], conn: Any) -> None:
    """The forked copy's share: it never writes to the terminal (the progress shown is the
    first share's); its results go back through `conn`."""
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    sys.stdout = sys.stderr = open(quiet, "w", closefd=False)  # noqa: SIM115
    try:
        out, extra = work(items)
        for start in range(0, len(out), CHUNK):
            conn.send(("part", out[start : start + CHUNK]))
        conn.send(("done", extra))
    except BaseException:  # the parent raises it: exit 3, this traceback shown under --debug
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()
