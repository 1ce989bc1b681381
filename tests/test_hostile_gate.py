"""A CI gate that cannot be fooled: the baseline remembers what was accepted (each side's value
and interval), a changed value fails `check` until re-accepted, `--prune` adds nothing,
`--require-reasons` fails on entries without a reason, and `check` never suggests a command
that would accept a contradiction nobody has seen."""

from __future__ import annotations

import json
import re

from tests.hostile import run, safe


def _claims(*rows: tuple[str, str, str]) -> str:
    out = "version: 1\nclaims:\n"
    for cid, source, value in rows:
        out += f"  - {{id: {cid}, source: {source}, about: Syrian fighters sent to Libya, value: '{value}'}}\n"
    return out


ACCEPTED = _claims(
    ("a", "ap", "at least 3,000"), ("b", "tass", "hundreds"), ("c", "rt", "about 40")
)


def _fingerprints(text: str) -> list[str]:
    return re.findall(r"\b[0-9a-f]{16}\b", text)


def test_round_trip_with_a_changed_value_a_stale_entry_and_a_new_contradiction(tmp_path):
    # 1. accept today's three contradictions (a-b, a-c, b-c), and give each a reason
    o = run(tmp_path, {"c.yaml": ACCEPTED}, "baseline", "c.yaml", "-o", "b.json")
    assert o.code == 0, o
    base = json.loads((tmp_path / "b.json").read_text())
    assert len(base["contradictions"]) == 3
    sides = {s["id"]: s for e in base["contradictions"] for s in e["claims"]}
    # each side remembers its value and the interval it was read as
    assert sides["a"] == {
        "id": "a",
        "source": "ap",
        "value": "at least 3,000",
        "interval": "[3,000, ∞)",
    }
    assert sides["c"]["interval"] == "[36, 44]"
    for e in base["contradictions"]:
        e["reason"] = "reviewed"
    (tmp_path / "b.json").write_text(json.dumps(base, indent=2))
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json", "--require-reasons")
    assert o.code == 0 and "OK: no new contradictions" in o.out, o

    # 2. a's value changes (still in conflict with b and c), c is deleted (two stale entries),
    #    and d arrives, contradicting everyone
    today = _claims(("a", "ap", "50,000"), ("b", "tass", "hundreds"), ("d", "afp", "7"))
    (tmp_path / "c.yaml").write_text(today)
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json")
    assert o.code == 1, o
    safe(o.out)
    assert "CHANGED  Syrian fighters sent to Libya" in o.out
    assert 'a (ap): accepted as "at least 3,000" [3,000, ∞), now "50,000" 50,000' in o.out
    assert o.out.count("NEW CONTRADICTION") == 2  # a-d and b-d
    assert "2 new contradictions · 1 changed · 0 known (in b.json) · 2 resolved" in o.out
    # never a bare `discrepancy baseline`, which would accept what nobody has looked at
    assert "`discrepancy baseline`" not in o.out
    assert "discrepancy baseline --prune" in o.out
    new = re.findall(r"fingerprint ([0-9a-f]{16})", o.out)
    accept = re.search(r"discrepancy baseline --accept [0-9a-f ,-]+", o.out)
    assert accept is not None

    # the JSON form says the same
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json", "-f", "json")
    data = json.loads(o.out)
    assert o.code == 1 and data["summary"]["changed"] == 1 and data["summary"]["new"] == 2
    [changed] = data["changed"]
    assert {s["id"]: s["value"] for s in changed["accepted"]}["a"] == "at least 3,000"

    # 3. --prune drops the stale entries and adds nothing: the change and the new ones still fail
    o = run(tmp_path, {}, "baseline", "c.yaml", "-o", "b.json", "--prune")
    assert o.code == 0, o
    pruned = json.loads((tmp_path / "b.json").read_text())["contradictions"]
    assert len(pruned) == 1 and all(e["reason"] == "reviewed" for e in pruned)
    assert {s["value"] for s in pruned[0]["claims"]} == {"at least 3,000", "hundreds"}
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json")
    assert o.code == 1 and "0 resolved" in o.out and "1 changed" in o.out, o

    # 4. re-accepting the changed entry alone: the new ones still fail
    fp = pruned[0]["fingerprint"]
    o = run(tmp_path, {}, "baseline", "c.yaml", "-o", "b.json", "--accept", fp)
    assert o.code == 0, o
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json")
    assert o.code == 1 and "0 changed" in o.out and "2 new contradictions" in o.out, o
    kept = json.loads((tmp_path / "b.json").read_text())["contradictions"]
    assert kept[0]["reason"] == "reviewed"  # re-accepting keeps the reason
    assert {s["value"] for s in kept[0]["claims"]} == {"50,000", "hundreds"}

    # 5. accepting the new ones by their fingerprints; --require-reasons fails until reasons
    o = run(
        tmp_path, {}, "baseline", "c.yaml", "-o", "b.json", "--accept", new[0], "--accept", new[1]
    )
    assert o.code == 0, o
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json")
    assert o.code == 0 and "OK" in o.out, o
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json", "--require-reasons")
    assert o.code == 1, o
    assert "2 baseline entries have no `reason`" in o.out


def test_accept_refuses_a_fingerprint_that_is_not_found_today(tmp_path):
    run(tmp_path, {"c.yaml": ACCEPTED}, "baseline", "c.yaml", "-o", "b.json")
    o = run(tmp_path, {}, "baseline", "c.yaml", "-o", "b.json", "--accept", "0123456789abcdef")
    assert o.code == 2 and "0123456789abcdef is not a contradiction found today" in o.err, o


def test_prune_adds_nothing_even_without_a_baseline(tmp_path):
    o = run(tmp_path, {"c.yaml": ACCEPTED}, "baseline", "c.yaml", "-o", "b.json", "--prune")
    assert o.code == 0, o
    assert json.loads((tmp_path / "b.json").read_text())["contradictions"] == []


def test_a_baseline_without_intervals_still_catches_a_changed_value(tmp_path):
    # a baseline written before intervals were remembered: the value alone tells the change
    run(tmp_path, {"c.yaml": ACCEPTED}, "baseline", "c.yaml", "-o", "b.json")
    base = json.loads((tmp_path / "b.json").read_text())
    for e in base["contradictions"]:
        for s in e["claims"]:
            del s["interval"]
    (tmp_path / "b.json").write_text(json.dumps(base))
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json")
    assert o.code == 0, o
    (tmp_path / "c.yaml").write_text(ACCEPTED.replace("at least 3,000", "50,000"))
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json")
    assert o.code == 1 and "2 changed" in o.out, o


def test_a_value_reworded_to_the_same_interval_is_a_change_too(tmp_path):
    # "at least 3,000" and "3,000 or more" read the same, but the accepted text was different:
    # a reviewer accepted words, so new words are shown for review
    run(tmp_path, {"c.yaml": ACCEPTED}, "baseline", "c.yaml", "-o", "b.json")
    (tmp_path / "c.yaml").write_text(ACCEPTED.replace("at least 3,000", "3,000 or more"))
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json")
    assert o.code == 1 and "2 changed" in o.out, o


def test_github_and_sarif_report_a_change(tmp_path):
    run(tmp_path, {"c.yaml": ACCEPTED}, "baseline", "c.yaml", "-o", "b.json")
    (tmp_path / "c.yaml").write_text(ACCEPTED.replace("at least 3,000", "50,000"))
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json", "-f", "github")
    assert (
        o.code == 1 and o.out.count("::error ") == 2 and "title=Changed contradiction" in o.out
    ), o
    o = run(tmp_path, {}, "check", "c.yaml", "-b", "b.json", "-f", "sarif")
    assert o.code == 1 and len(json.loads(o.out)["runs"][0]["results"]) == 2, o


def test_the_gate_refuses_more_pairs_than_a_baseline_can_list(tmp_path, monkeypatch):
    from discrepancy import limits

    monkeypatch.setattr(limits, "MAX_PAIRS", 2)  # ACCEPTED has three
    for args in (("check", "c.yaml", "-b", "b.json"), ("baseline", "c.yaml", "-o", "b.json")):
        o = run(tmp_path, {"c.yaml": ACCEPTED}, *args)
        assert o.code == 2 and o.out == "", o
        assert o.err.startswith(
            "c.yaml:3:5: 3 conflicting pairs, 3 of them in the group of this claim: more than "
            "the 2 a baseline can list"
        ), o
    assert not (tmp_path / "b.json").exists()
