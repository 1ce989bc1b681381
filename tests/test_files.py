"""files.py, the only file I/O, through the CLI: what a written output becomes."""

from __future__ import annotations

import json
import os
import threading


def test_output_to_a_pipe_is_written_into_it_not_replaced(cli, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    r = cli("report", "-f", "json", "--output", str(fifo))
    reader.join(timeout=30)
    assert r.code == 0, r
    assert json.loads(got[0])["version"] == 2
    assert fifo.is_fifo()
