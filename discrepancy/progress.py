"""How far a long job has got, drawn on standard error while claims are read and grouped."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from discrepancy.render.formatting import clean


class ProgressBar:
    """How far a long job has got, on standard error: only on a terminal, and only once the
    work has taken more than `delay` seconds, so quick runs and captured output never show it."""

    def __init__(
        self, stream: Any = None, delay: float = 1.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.on = self.stream.isatty() and os.environ.get("TERM") != "dumb"
        self.clock = clock
        self.start = clock()
        self.delay = delay
        self.last = -1.0
        self.drawn = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.on:
            return
        now = self.clock()
        if now - self.start < self.delay or now - self.last < 0.1:
            return
        self.last = now
        share = min(1.0, done / total) if total > 0 else 0.0
        bar = "#" * round(share * 30)
        self.stream.write(f"\r\x1b[K{clean(stage)[-40:]} [{bar:<30}] {share:4.0%}")
        self.stream.flush()
        self.drawn = True

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while claims are read and grouped: it would scan every
    claim again and again (a third of the time at 100,000 claims), and they hold no cycles."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
