"""The progress bar: only where a person watches, and only once the work takes a while."""

from __future__ import annotations

import io

from discrepancy.progress import ProgressBar


class _Terminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_shows_only_after_a_second_on_a_terminal(monkeypatch):
    monkeypatch.delenv("TERM", raising=False)
    now = [0.0]
    screen = _Terminal(tty=True)
    with ProgressBar(screen, delay=1.0, clock=lambda: now[0], tick=0) as progress:
        progress("matching", 10, 100)
        assert screen.getvalue() == ""  # quick work shows nothing
        now[0] = 1.5
        progress("matching", 50, 100)
        assert screen.getvalue() == "\r\x1b[Kmatching [" + "#" * 15 + " " * 15 + "]  50% · 2 s"
        now[0] = 1.55
        progress("matching", 60, 100)  # at most ten redraws a second
        assert screen.getvalue().count("\r") == 1
    assert screen.getvalue().endswith("\r\x1b[K")  # the line is cleared at the end


def test_progress_never_shows_when_standard_error_is_not_a_terminal():
    now = [10.0]
    screen = _Terminal(tty=False)
    with ProgressBar(screen, delay=0.0, clock=lambda: now[0]) as progress:
        progress("matching", 50, 100)
    assert screen.getvalue() == ""


def test_a_forked_copy_never_draws_nor_waits_for_the_drawing_lock(monkeypatch):
    """`cores` forks while a bar may be drawing: the copy has no drawing thread, so a lock
    held at the fork would never be let go."""
    import os
    import select
    import signal

    import pytest

    if not hasattr(os, "fork"):
        pytest.skip("no fork here")
    monkeypatch.delenv("TERM", raising=False)
    screen = _Terminal(tty=True)
    bar = ProgressBar(screen, delay=0.0, tick=0)
    bar.lock.acquire()  # as if the drawing thread held it at the fork
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: draws nothing and does not hang
        bar("matching", 1, 2)
        os.write(write, f"{int(bar.on)}{len(screen.getvalue())}".encode())
        os._exit(0)
    bar.lock.release()
    os.close(write)
    answered, _, _ = select.select([read], [], [], 10)
    if not answered:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert answered, "the forked copy hung on the drawing lock"
    assert os.read(read, 16) == b"00"
