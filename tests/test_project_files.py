"""The files around the code: the pre-commit hook, packaging metadata, the Makefile, bench/."""

from __future__ import annotations

import re

import pytest
import yaml

from discrepancy.readers import SUFFIXES
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def hook_files():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return re.compile(hook["files"])


# The hook once matched YAML only: a commit adding contradictions to claims.csv landed.
@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("stem", ["claims", "claims-2023", "data/claims", "claims/libya/day1"])
def test_the_hook_fires_for_every_kind_of_claims_file(hook_files, stem, suffix):
    assert hook_files.search(stem + suffix)


@pytest.mark.parametrize(
    "path",
    [".pre-commit-config.yaml", "README.md", "src/claims.py", "claims.csv.bak", "data.csv"],
)
def test_the_hook_does_not_fire_for_other_files(hook_files, path):
    assert not hook_files.search(path)


def test_license_is_an_spdx_string_that_setuptools_reads_without_warning():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # no tomllib on 3.10
    assert re.findall(r"^license = (.*)$", pyproject, re.M) == ['"MIT"']  # not {text = ...}
    [version] = re.findall(r'"setuptools>=(\d+)"', pyproject)
    assert int(version) >= 77  # the first setuptools to read an SPDX string


def test_every_file_the_makefile_names_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    named = set(re.findall(r"\b((?:bench|docs|tests)/[\w./-]+\.(?:md|py))\b", makefile))
    assert "bench/README.md" in named
    assert [n for n in sorted(named) if not (ROOT / n).exists()] == []


def test_bench_readme_indexes_every_benchmark():
    index = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
    scripts = sorted(p.name for p in (ROOT / "bench").glob("*.py"))
    assert scripts and [s for s in scripts if f"[`{s}`]({s})" not in index] == []


def test_the_readme_pins_nothing_that_does_not_exist():
    """No release is tagged: the README once told people to pin `rev: v0.1.0` and `@v0.1.0`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"rev: v\d|discrepancy@v\d", readme) == []
    blocks = [
        yaml.safe_load(b) for b in re.findall(r"^```yaml\n(repos:.*?)^```$", readme, re.S | re.M)
    ]
    hooks = {h["id"]: h for b in blocks for repo in b["repos"] for h in repo["hooks"]}
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    local = hooks["discrepancy-check"]  # the `repo: local` form, which needs no rev
    assert (local["files"], local["entry"]) == (hook["files"], hook["entry"])


def test_a_plain_install_ships_every_subpackage():
    """`pip install .` (the README's quick start, CI's editable install hides this) must ship
    every folder of the package: a missing `discrepancy.quantities` broke every command."""
    from fnmatch import fnmatch

    toml = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r"\[tool\.setuptools\.packages\.find\]\s*include = \[([^\]]*)\]", toml)
    assert found, "pyproject.toml must find the packages, not list them by hand"
    patterns = re.findall(r'"([^"]+)"', found.group(1))
    packages = [
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in sorted((ROOT / "discrepancy").rglob("__init__.py"))
    ]
    assert len(packages) >= 3
    assert [p for p in packages if not any(fnmatch(p, pat) for pat in patterns)] == []
