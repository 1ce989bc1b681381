"""How far a long job has got, drawn on standard error while claims are read, grouped,
compared and written."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from typing import Any

from discrepancy.model import Progress
from discrepancy.render.formatting import clean


class ProgressBar:
    """How far a long job has got, on standard error: only on a terminal, and only once the
    work has taken more than `delay` seconds, so quick runs and captured output never show it.
    Every stage says what is being done and for how long: the seconds tick on (`tick`) even
    while a stage reports nothing, so a long step never looks stuck at 100%."""

    def __init__(
        self,
        stream: Any = None,
        delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        tick: float = 0.5,
        show: bool = True,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.on = show and self.stream.isatty() and os.environ.get("TERM") != "dumb"
        self.clock = clock
        self.start = clock()
        self.delay = delay
        self.last = -1.0
        self.drawn = False
        self.state: tuple[str, int, int] = ("", 0, 0)
        self.columns = _columns(self.stream) if self.on else 80
        self.lock = threading.Lock()
        self.stop = threading.Event()
        _BARS.add(self)
        self.ticker = (
            threading.Thread(target=self._tick, args=(tick,), daemon=True)
            if self.on and tick > 0
            else None
        )

    def __call__(self, stage: str, done: int, total: int) -> None:
        """Report `done` of `total` in `stage`; a total of 0: a step whose size is not known."""
        if not self.on:
            return
        with self.lock:
            self.state = (stage, done, total)
            self._draw(throttle=True)

    def _tick(self, every: float) -> None:
        while not self.stop.wait(every):
            with self.lock:
                self._draw(throttle=False)

    def _draw(self, throttle: bool) -> None:
        now = self.clock()
        stage, done, total = self.state
        if not stage or now - self.start < self.delay or (throttle and now - self.last < 0.1):
            return
        self.last = now
        label = clean(stage)[-40:]
        elapsed = f" · {now - self.start:.0f} s"
        line = f"{label} …{elapsed}"
        if total > 0:
            share = min(1.0, done / total)
            room = self.columns - 1 - len(label) - len(elapsed) - len(" [] 100%")
            width = min(30, room)
            bar = f" [{'#' * round(share * width):<{width}}]" if width >= 5 else ""
            line = f"{label}{bar} {share:4.0%}{elapsed}"
        self.stream.write(f"\r\x1b[K{line[: self.columns - 1]}")
        self.stream.flush()
        self.drawn = True

    def __enter__(self) -> ProgressBar:
        if self.ticker is not None:
            self.ticker.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        if self.ticker is not None and self.ticker.is_alive():
            self.ticker.join()
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _forked() -> None:
    """A forked copy of this process (see `cores`) never draws, and never waits for a lock
    that the drawing thread, which is not copied, held at the fork."""
    for bar in list(_BARS):
        bar.on = False
        bar.lock = threading.Lock()
        bar.ticker = None


_BARS: weakref.WeakSet[ProgressBar] = weakref.WeakSet()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forked)


def _columns(stream: Any) -> int:
    """The width of the terminal `stream` writes to (standard output may be a file meanwhile)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return shutil.get_terminal_size((80, 24)).columns


@contextlib.contextmanager
def working(quiet: bool = False) -> Iterator[Progress]:
    """A command's long work: its progress on standard error (none when `quiet`), and the
    cycle collector paused."""
    with ProgressBar(show=not quiet) as bar, collector_paused():
        yield bar


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while claims are read and grouped: it would scan every
    claim again and again (a third of the time at 100,000 claims), and they hold no cycles."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
