"""How much of a hand-coded claims file `discrepancy extract` drafts by itself (issue 14).

For every source of CLAIMS with a `document:` found in DOCUMENTS, draft candidates from the
article and count the coded claims covered: a candidate of the same source whose value reads
as the same interval and unit. Also: how many candidates there are per coded claim (target at
most 1.5), whether every candidate's quote is verbatim in its article and every number of its
value in its quote (`verify` on the raw draft), and, for each coded claim missed, the nearest
candidate and why it does not count. As a rough guide to the drafts' other fields: how often the
best-matching candidate's `attributed_to` and `about` resemble the coder's.

    python bench/extract_coverage.py CLAIMS DOCUMENTS [--all]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from discrepancy.documents import read_article
from discrepancy.draft import Draft, draft
from discrepancy.errors import Location
from discrepancy.model import Claim, Quantity
from discrepancy.quantities import QuantityError, parse_quantity, parse_unit
from discrepancy.verify import Status, verify_claim

TARGET_COVERAGE = 0.95
TARGET_RATIO = 1.5
SAME_NAME = 70  # rapidfuzz token-set ratio for "the same attribution / about" (a rough guide)


def _key(q: Quantity) -> tuple[object, ...]:
    return (q.lo, q.hi, q.lo_open, q.hi_open, q.unit, q.unquantified)


def _reading(value: str, unit: str = "") -> Quantity | None:
    try:
        q = parse_quantity(value)
    except QuantityError:
        return None
    if unit:
        q = Quantity(q.lo, q.hi, q.lo_open, q.hi_open, parse_unit(unit), q.unquantified, q.rule)
    return q


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("claims", type=Path)
    ap.add_argument("documents", type=Path)
    ap.add_argument("--all", action="store_true", help="count left-out candidates too")
    args = ap.parse_args()
    data = yaml.safe_load(args.claims.read_text(encoding="utf-8"))
    sources = {sid: s for sid, s in (data.get("sources") or {}).items() if s.get("document")}
    started = time.perf_counter()
    drafts: dict[str, Draft] = {}
    articles = {}
    for sid, s in sorted(sources.items()):
        path = args.documents / s["document"]
        if not path.is_file():
            print(f"missing document for {sid}: {path}")
            continue
        articles[sid] = read_article(path.name, path.read_text(encoding="utf-8-sig"))
        drafts[sid] = draft(articles[sid], path.name, sid)
    elapsed = time.perf_counter() - started
    candidates = {
        sid: [c for c in d.candidates if args.all or not c.left_out] for sid, d in drafts.items()
    }
    coded = [c for c in data.get("claims") or [] if c.get("source") in drafts]
    covered, missed = 0, []
    said = described = 0  # covered claims whose best candidate has the coder's attribution, about
    for c in coded:
        want = _reading(str(c["value"]), str(c.get("unit") or ""))
        hits = [
            x
            for x in candidates[c["source"]]
            if want is not None and (r := _reading(x.value)) is not None and _key(r) == _key(want)
        ]
        if not hits:
            missed.append((c, want))
            continue
        covered += 1
        best = max(hits, key=lambda x: fuzz.partial_ratio(x.quote, str(c.get("quote") or "")))
        who = str(c.get("attributed_to") or "")
        said += (not who and not best.attributed_to) or (
            bool(who and best.attributed_to)
            and fuzz.token_set_ratio(who, best.attributed_to) >= SAME_NAME
        )
        described += fuzz.token_set_ratio(str(c["about"]), best.about) >= SAME_NAME
    n_candidates = sum(len(v) for v in candidates.values())
    failures = []
    for sid, cs in candidates.items():
        for x in cs:
            claim = Claim(
                id=f"{sid}:{x.line}",
                source=sid,
                about=x.about,
                value=x.value,
                quantity=_reading(x.value) or Quantity(unquantified=True),
                location=Location(sid, x.line),
                quote=x.quote,
            )
            v = verify_claim(claim, drafts[sid].document, articles[sid])
            if v.status is not Status.verified:
                failures.append((claim, v))
    coverage = covered / len(coded) if coded else 1.0
    ratio = n_candidates / len(coded) if coded else 0.0
    print(f"articles: {len(drafts)}, drafted in {elapsed:.2f} s")
    print(
        f"coded claims covered: {covered}/{len(coded)} = {coverage:.1%} "
        f"(target {TARGET_COVERAGE:.0%})"
    )
    print(f"candidates: {n_candidates} = {ratio:.2f}x the coded claims (target <= {TARGET_RATIO})")
    if covered:
        print(
            f"of the covered, attributed_to as coded: {said / covered:.0%}, about resembling "
            f"the coder's (token-set ratio >= {SAME_NAME}): {described / covered:.0%}"
        )
    print(f"candidates not verified against their article: {len(failures)}")
    for claim, v in failures:
        print(f"  {claim.id} {claim.value!r}: {'; '.join(p.message for p in v.problems)}")
    for c, want in missed:
        near = [x.value for x in candidates[c["source"]] if any(ch.isdigit() for ch in x.value)]
        print(f"  missed {c.get('id', '?')}: {c['value']!r} read as {want and _key(want)}")
        print(f"    candidates of {c['source']}: {', '.join(near) or 'none'}")
    ok = coverage >= TARGET_COVERAGE and ratio <= TARGET_RATIO and not failures
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
