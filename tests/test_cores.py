"""Work shared between two cores gives what one core gives: the same results in the same
order, the same groups and near misses; a failure in the forked share is raised here."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest

from discrepancy import cores
from discrepancy.group import Normaliser, group_claims
from discrepancy.model import Settings
from tests.helpers import bench_grouping, claim

two_cores = pytest.mark.skipif(
    cores.cores() < 2 or not hasattr(os, "fork"), reason="needs two cores and fork"
)


def _squares(items):
    return [x * x for x in items], {os.getpid()}


@two_cores
def test_two_shares_give_every_result_in_order_and_both_extras(monkeypatch):
    monkeypatch.setattr(cores, "LEAST", 2)
    out, extras = cores.shared(_squares, range(11))
    assert out == [x * x for x in range(11)]
    assert len(extras) == 2 and extras[0] != extras[1]  # two processes did the work


@two_cores
def test_a_smaller_share_for_the_forked_copy_keeps_every_result_in_order(monkeypatch):
    monkeypatch.setattr(cores, "LEAST", 2)
    out, extras = cores.shared(_squares, range(53), cores.SMALLER)
    assert out == [x * x for x in range(53)]
    assert len(extras) == 2 and extras[0] != extras[1]


def test_under_least_one_process_does_it_all(monkeypatch):
    monkeypatch.setattr(cores, "LEAST", 100)
    out, extras = cores.shared(_squares, range(11))
    assert out == [x * x for x in range(11)]
    assert extras == [{os.getpid()}]


def _fails_on_odd_share(items):
    if 1 in items:
        raise ValueError("broken in the second share")
    return list(items), None


@two_cores
def test_a_failure_in_the_forked_share_is_raised_with_its_traceback(monkeypatch):
    monkeypatch.setattr(cores, "LEAST", 2)
    with pytest.raises(RuntimeError) as failed:
        cores.shared(_fails_on_odd_share, range(4))
    # one line, as an internal error is shown; the whole traceback is its cause (--debug)
    assert str(failed.value) == (
        "in the second core's share: ValueError: broken in the second share"
    )
    assert isinstance(failed.value.__cause__, cores.SecondShare)
    assert "_fails_on_odd_share" in str(failed.value.__cause__)


def _fails_here_while_the_other_share_works_on(items):
    if 0 in items:
        raise ValueError("broken in the first share")
    time.sleep(60)
    return list(items), None


@two_cores
def test_a_failure_here_stops_the_forked_share_at_once(monkeypatch):
    monkeypatch.setattr(cores, "LEAST", 2)
    start = time.monotonic()
    with pytest.raises(ValueError, match="broken in the first share"):
        cores.shared(_fails_here_while_the_other_share_works_on, range(4))
    assert time.monotonic() - start < 30  # the other share was not waited for
    assert not multiprocessing.active_children()


def _prints(items):
    print("from a share")
    return list(items), None


@two_cores
def test_the_forked_share_never_writes_to_the_terminal(monkeypatch, capfd):
    monkeypatch.setattr(cores, "LEAST", 2)
    cores.shared(_prints, range(4))
    assert capfd.readouterr().out.count("from a share") == 1  # this process's share only


@two_cores
@pytest.mark.parametrize("near_misses", [True, False])
def test_grouping_on_two_cores_is_grouping_on_one(monkeypatch, near_misses):
    rows, aliases, _, _ = bench_grouping().generate(1500, seed=5)
    claims = [claim(r["id"], r["about"], period=r.get("period")) for r in rows]

    def run(least):
        monkeypatch.setattr(cores, "LEAST", least)
        groups, near = group_claims(
            claims, Normaliser(tuple(aliases.items())), Settings(), near_misses=near_misses
        )
        return (
            [
                (g.id, [(m.claim.id, m.score, m.measure, m.scope) for m in g.members])
                for g in groups
            ],
            [(n.a.id, n.b.id, n.score, n.why) for n in near],
        )

    one, two = run(10**9), run(2)
    assert two == one
    assert len(one[0]) > 100 and (one[1] or not near_misses)


@two_cores
def test_json_lines_read_on_two_cores_are_read_as_on_one(monkeypatch):
    """The same claims in the same order, and the same problems in the same order: blank
    lines, malformed lines and bad values on both shares' lines."""
    import json

    from discrepancy import pipeline
    from discrepancy.errors import InputError

    rows = [
        json.dumps({"id": f"c{n}", "source": "s", "about": f"people killed in town {n % 7}",
                    "value": f"about {n}", "period": f"2023-0{1 + n % 9}"})
        for n in range(400)
    ]  # fmt: skip
    rows[10] = ""
    rows[13] = '{"id": "c13", "source": "s", "about": "x", "value": "why?", "periods": 1}'
    rows[20] = '{"id": "c20", "source": "s", '
    rows[21] = '{"id": "c21", "source": "s", "about": "people killed", "value": "what?"}'

    def read(text, least):
        monkeypatch.setattr(cores, "LEAST", least)
        try:
            return pipeline.load([("claims.jsonl", text)]).claims
        except InputError as e:
            return [str(p) for p in e.problems]

    good = "\n".join(r for n, r in enumerate(rows) if n not in (13, 20, 21))
    claims = read(good, 2)
    assert claims == read(good, 10**9) and len(claims) == 396
    assert [c.location.line for c in claims] == sorted(c.location.line for c in claims)
    problems = read("\n".join(rows), 2)
    assert problems == read("\n".join(rows), 10**9)
    assert [p.split(":")[1] for p in problems] == ["14", "14", "21", "22"], problems


@two_cores
def test_json_written_on_two_cores_is_written_as_on_one(monkeypatch):
    import json

    from discrepancy import pipeline
    from discrepancy.render import json as render_json
    from discrepancy.render.options import Options

    rows, _, _, _ = bench_grouping().generate(600, seed=3)
    text = "\n".join(json.dumps({**r, "source": f"s{n % 5}"}) for n, r in enumerate(rows))

    def written(least):
        monkeypatch.setattr(cores, "LEAST", least)
        claims = pipeline.load([("claims.jsonl", text)])
        analysis = pipeline.analyse(claims)
        options = Options(show_all=True)
        return render_json.groups(analysis, options), render_json.report(analysis, options)

    one, two = written(10**9), written(2)
    assert two == one
    assert len(json.loads(one[0])["groups"]) > 100 and json.loads(one[1])["groups"]


def test_a_process_too_large_to_copy_does_the_work_alone(monkeypatch):
    """A forked copy comes to hold a copy of what it reads: no fork past cores.ROOM."""
    monkeypatch.setattr(cores, "LEAST", 2)
    monkeypatch.setattr(cores, "ROOM", 2 * cores.resident() - 1)
    out, extras = cores.shared(_squares, range(11))
    assert out == [x * x for x in range(11)]
    assert extras == [{os.getpid()}]


_ORPHAN = """
import os, sys, time
from discrepancy import cores
cores.LEAST = 2

def work(items):
    if 1 in items:  # the forked share says who it is, then works on
        with open(sys.argv[1], "w") as f:
            f.write(str(os.getpid()))
    time.sleep(120)
    return list(items), None

cores.shared(work, range(4))
"""


@two_cores
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_the_forked_share_ends_when_the_process_that_forked_it_is_killed(tmp_path, how):
    """A cancelled job, `kill`, the out-of-memory killer: no copy is left working."""
    said = tmp_path / "pid"
    proc = subprocess.Popen([sys.executable, "-c", _ORPHAN, str(said)])
    try:
        for _ in range(200):
            if said.exists() and said.read_text():
                break
            time.sleep(0.05)
        child = int(said.read_text())
        proc.send_signal(how)
        proc.wait(10)
        for _ in range(200):
            if not _alive(child):
                break
            time.sleep(0.05)
        assert not _alive(child)
    finally:
        proc.kill()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"  # a zombie has ended
    except OSError:
        return False


def _killed_on_odd_share(items):
    if 1 in items:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return list(items), None


@two_cores
def test_a_forked_share_that_is_killed_says_so(monkeypatch):
    monkeypatch.setattr(cores, "LEAST", 2)
    with pytest.raises(RuntimeError, match=r"second core's share stopped \(exit status -9\)"):
        cores.shared(_killed_on_odd_share, range(4))


def test_no_fork_when_the_machine_has_not_the_memory_for_a_copy(monkeypatch):
    monkeypatch.setattr(cores, "LEAST", 2)
    monkeypatch.setattr(cores, "ROOM", 10**18)
    monkeypatch.setattr(cores, "resident", lambda: 10**17)  # more than any machine has free
    out, extras = cores.shared(_squares, range(11))
    assert out == [x * x for x in range(11)]
    assert extras == [{os.getpid()}]


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="Linux")
@pytest.mark.parametrize(
    ("cpu_max", "most"), [("100000 100000\n", 1), ("150000 100000\n", 1), ("max 100000\n", None)]
)
def test_a_containers_cpu_quota_limits_the_cores(tmp_path, monkeypatch, cpu_max, most):
    limit = tmp_path / "cpu.max"
    limit.write_text(cpu_max)
    monkeypatch.setattr(cores, "CPU_MAX", str(limit))
    if most is None:  # no quota: the cores it may run on
        assert cores.cores() == len(os.sched_getaffinity(0))
    else:
        assert cores.cores() == most


def test_what_the_second_share_sends_back_is_pickled_by_its_fields():
    import pickle

    from discrepancy.match import Verdict

    key = Normaliser().learn_keys(["Syrian fighters sent to Libya by Turkey on 14 March 2023"])[0]
    assert key.names and key.measure.measure and key.when.text  # every kind of field is held
    for sent in (key, Verdict(91.5, "", "what is counted read on one side only")):
        assert type(sent).__reduce__(sent)[0] is type(sent)  # fields, not state functions
        back = pickle.loads(pickle.dumps(sent, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == sent and type(back) is type(sent)
