"""What `check` tells a person to run works when pasted."""

from __future__ import annotations

import re
import shlex


def test_the_suggested_command_accepts_exactly_what_check_showed(cli, tmp_path):
    """A command `check` suggests works when pasted: it names the claims and baseline given."""
    claims = tmp_path / "mine.yaml"
    claims.write_text(
        "claims:\n"
        "  - {source: a, about: troops sent, value: '300'}\n"
        "  - {source: b, about: troops sent, value: 'more than 2,000'}\n",
        encoding="utf-8",
    )
    base = tmp_path / "reviewed.json"
    for fmt in ("text", "github"):
        r = cli("check", str(claims), "--baseline", str(base), "-f", fmt)
        assert r.code == 1, r
        assert f"--output {base.as_posix()}" in r.out and claims.as_posix() in r.out
    command = re.search(r"`discrepancy (baseline [^`]+)`", r.out).group(1)
    assert cli(*shlex.split(command)).code == 0
    assert cli("check", str(claims), "--baseline", str(base)).code == 0
