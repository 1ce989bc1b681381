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
