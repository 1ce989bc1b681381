"""Work shared between the machine's cores: some of the items of a list (every other, or 9 of
every 20) done by a forked copy of this process while this one does the rest. The results are
the same as done in one process, in the same order; only the time differs. Where there is no
second core, or no `fork` (Windows, macOS), one process does it all."""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import multiprocessing
import operator
import os
import signal
import sys
import traceback
from collections.abc import Callable, Generator, Sequence
from typing import Any, TypeVar

_PR_SET_PDEATHSIG = 1  # prctl(2)
T = TypeVar("T")
R = TypeVar("R")
E = TypeVar("E")

LEAST = 5_000  # items from which two cores share the work (a fork and the way back cost ~0.1 s)
# A forked copy comes to hold its own copy of nearly every page it reads (reading an object
# writes its reference count): work is shared only while two such processes fit in this.
ROOM = 4 * 2**30
CPU_MAX = "/sys/fs/cgroup/cpu.max"  # cgroup v2: "quota period", or "max period"
# Which items the forked copy does: of every so many, those at these places. Where it sends
# back much (claims, keys), it pickles that and this process reads it once its own share is
# done, and the copy runs a tenth slower (it copies each page it touches): then the copy does
# 9 of every 20 (at 50,000 claims a half or two fifths leave one share waiting 0.1-0.5 s).
Split = tuple[int, tuple[int, ...]]
HALF: Split = (2, (1,))
SMALLER: Split = (20, tuple(range(1, 18, 2)))
CHUNK = 20_000  # results sent back at a time: a million keys are never pickled in one piece


class SecondShare(Exception):
    """What failed in the forked copy: its traceback, as text (the cause of the error raised
    here, so that `--debug` shows both)."""


def sent_as_fields(cls: type[T]) -> type[T]:
    """A frozen, slotted dataclass pickled as its class and its fields' values, rebuilt by
    its `__init__`: what the second share sends back (its keys, its verdicts) is pickled and
    read back in half the time of the dataclass's own state functions."""
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    values = operator.attrgetter(*names)
    if len(names) == 1:
        cls.__reduce__ = lambda self: (cls, (values(self),))  # type: ignore[method-assign]
    else:
        cls.__reduce__ = lambda self: (cls, values(self))  # type: ignore[method-assign]
    return cls


def cores() -> int:
    """The cores this process may run on: those it may be scheduled on, fewer where its
    control group's CPU quota allows less (a container given one CPU of many)."""
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
    try:
        with open(CPU_MAX) as f:
            quota, period = f.read().split()[:2]
        if quota != "max":
            count = min(count, max(1, int(quota) // int(period)))
    except (OSError, ValueError):
        pass
    return count


def resident() -> int:
    """The bytes of memory this process holds now (0 where /proc does not tell)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _fits() -> bool:
    """Whether a copy of this process fits: two of it within ROOM, and one more within what
    the machine has free."""
    held = resident()
    if 2 * held > ROOM:
        return False
    try:
        with open("/proc/meminfo") as f:
            free = next(int(ln.split()[1]) * 1024 for ln in f if ln.startswith("MemAvailable:"))
    except (OSError, ValueError, IndexError, StopIteration):
        return True
    return held <= free


def shared(
    work: Callable[[Sequence[T]], tuple[list[R], E]], items: Sequence[T], split: Split = HALF
) -> tuple[list[R], list[E]]:
    """`work` on items: a result for each item, in order, and what else each share returned
    (`work` may change its own state, and a forked copy's changes are lost: it returns what
    the caller needs of them). On two cores when there are at least LEAST items and a copy
    of this process fits (a forked copy the items `split` gives it, this process the rest),
    else in one share."""

    def one_step(share: Sequence[T]) -> Generator[None, None, tuple[list[R], E]]:
        return work(share)
        yield  # a generator of no steps

    return steps(one_step, _no_joining, items, split=split)


def _end_with(parent: int) -> None:
    """Be sent SIGTERM when the parent ends (Linux's PR_SET_PDEATHSIG), and end now if it
    already has: a copy left alone would work on for nothing, holding its memory."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        os._exit(1)


def _no_joining() -> Generator[None, Any, None]:
    yield


def steps(
    work: Callable[[Sequence[T]], Generator[Any, Any, tuple[list[R], E]]],
    joining: Callable[[], Generator[Any, list[Any], None]],
    items: Sequence[T],
    split: Split = HALF,
) -> tuple[list[R], list[E]]:
    """`work` on items, in shares as `shared` does, in steps: at each, every share yields what
    it found, `joining` (a generator, in this process) is sent the list of them and yields
    what all shares are sent back. A share returns a result for each of its items and what
    else the caller needs."""
    join = joining()
    next(join)
    if len(items) < LEAST or cores() < 2 or sys.platform != "linux" or not _fits():
        return _drive(work(items), join, lambda found: [found])
    context = multiprocessing.get_context("fork")
    mine, theirs = context.Pipe()
    every, places = split
    first_at = [i for i in range(len(items)) if i % every not in places]
    second_at = [i for i in range(len(items)) if i % every in places]
    child = context.Process(
        target=_second,
        args=(work, [items[i] for i in second_at], theirs, mine, os.getpid()),
        daemon=True,
    )
    child.start()
    theirs.close()

    def both(found: Any) -> list[Any]:
        return [found, _receive(mine, child, "step")[1]]

    finished = False
    try:
        first, extra = _drive(work([items[i] for i in first_at]), join, both, mine)
        second: list[R] = []
        while True:
            kind, payload = _receive(mine, child, "part", "done")
            if kind == "done":
                break
            second.extend(payload)
        finished = True
    finally:
        mine.close()
        if not finished:  # this share failed or was interrupted: the other is not waited for
            child.terminate()
        child.join()
    out: list[Any] = [None] * len(items)
    for where, results in ((first_at, first), (second_at, second)):
        for i, r in zip(where, results):
            out[i] = r
    return out, [extra[0], payload]


def _drive(
    share: Generator[Any, Any, Any],
    join: Generator[Any, Any, Any],
    gather: Callable[[Any], list[Any]],
    conn: Any = None,
) -> tuple[Any, list[Any]]:
    """Run this process's share: at each step gather every share's findings, join them, and
    send what was joined to both shares."""
    try:
        found = next(share)
        while True:
            joined = join.send(gather(found))
            if conn is not None:
                conn.send(joined)
            found = share.send(joined)
    except StopIteration as done:
        out, extra = done.value
        return out, [extra]


def _receive(conn: Any, child: Any, *kinds: str) -> tuple[str, Any]:
    """The next message of the forked share, of one of `kinds`; its failure raised here."""
    try:
        got, payload = conn.recv()
    except EOFError:  # it ended without a word: killed (out of memory?) or crashed
        child.join(5)
        raise RuntimeError(
            f"the second core's share stopped (exit status {child.exitcode})"
        ) from None
    if got == "error":  # its last line says what it was; its whole traceback, under --debug
        last = payload.strip().splitlines()[-1]
        raise RuntimeError(f"in the second core's share: {last}") from SecondShare(payload)
    if got not in kinds:
        raise RuntimeError(f"the second core's share sent {got!r}, not {' or '.join(kinds)}")
    return got, payload


def _second(
    work: Callable[[Any], Any], items: Sequence[Any], conn: Any, other: Any, parent: int
) -> None:
    """The forked copy's share: it never writes to the terminal (the progress shown is the
    first share's); its findings and results go back through `conn`. It ends when the
    process that forked it does, however that ends."""
    other.close()  # else its own copy of the parent's end keeps the pipe open: no end of file
    _end_with(parent)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    sys.stdout = sys.stderr = open(quiet, "w", closefd=False)  # noqa: SIM115
    try:
        share = work(items)
        try:
            found = next(share)
            while True:
                conn.send(("step", found))
                found = share.send(conn.recv())
        except StopIteration as done:
            out, extra = done.value
        for start in range(0, len(out), CHUNK):
            conn.send(("part", out[start : start + CHUNK]))
        conn.send(("done", extra))
    except BaseException:  # the parent raises it: exit 3, this traceback shown under --debug
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()
