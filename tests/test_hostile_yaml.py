"""Hostile YAML: aliases that recurse or explode (keys included), nesting, tags, huge numbers,
text values that say nothing. Each case ends in exactly one located refusal (exit 2), or in the
right reading; never in a traceback, a hang or a silent acceptance."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from discrepancy import limits
from discrepancy.cli import app
from tests.hostile import at, claim, claims_yaml, refused, run

TWO = claim("a", value="10") + claim("b", value="5000")


def _bomb(where: str) -> str:
    """A billion-laughs document: each level ten aliases of the one before, placed at `where`
    (a format string with {bomb} where the last level goes)."""
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdef", "bcdefg"):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "x-anchors:\n" + "".join(f"  {lv}\n" for lv in levels) + where.format(bomb="*g")


RECURSIVE = [
    ("seq", "claims: &a [*a]\n", "*a"),
    ("claim-value", "claims:\n  - &c {source: a, about: x, value: *c}\n", "*c"),
    ("merge", "claims:\n  - &c {<<: *c, source: a, about: x, value: 5}\n", "*c"),
    ("merge-list", "claims:\n  - &c {<<: [*c], source: a, about: x, value: 5}\n", "*c"),
    ("deep", "claims:\n  - &c\n    source: a\n    about: x\n    value: [1, [*c]]\n", "*c"),
    ("sources", "sources: &s\n  a: *s\n", "*s"),
    ("aliases", "aliases: &s {X: [*s]}\n", "*s"),
    ("settings", "settings: &s {vague: *s}\n", "*s"),
    ("key", "sources: &s\n  ? *s\n  : {title: x}\n", "*s"),
    ("root", "&r {claims: [*r]}\n", "*r"),
    ("block-merge", "claims:\n  - &c\n    <<: *c\n    source: a\n", "*c"),
    ("two-step", "claims:\n  - &p\n    source: a\n    note: [&q [*p]]\n", "*p"),
]


@pytest.mark.parametrize(
    ("text", "needle"), [c[1:] for c in RECURSIVE], ids=[c[0] for c in RECURSIVE]
)
def test_an_alias_inside_its_own_anchor_is_refused(tmp_path, text, needle):
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:{at(text, needle)}: the alias `{needle}` stands inside its own anchor",
    )


BOMBS = [
    ("claim-note", "claims:\n  - {{source: a, about: x, value: 1, note: {bomb}}}\n"),
    ("claims-list", "claims: {bomb}\n"),
    ("sources-key", "sources:\n  ? {bomb}\n  : {{title: x}}\n"),
    ("sources-value", "sources:\n  a: {{title: {bomb}}}\n"),
    ("aliases-key", "aliases:\n  ? {bomb}\n  : [y]\n"),
    ("aliases-value", "aliases:\n  X: {bomb}\n"),
    ("names", "names: {bomb}\n"),
    ("settings", "settings:\n  vague: {{a few: {bomb}}}\n"),
    ("unknown-top", "whatever: {bomb}\n"),
    ("value-list", "claims:\n  - {{source: a, about: x, value: {bomb}}}\n"),
    ("not-with", "claims:\n  - {{source: a, about: x, value: 1, not_with: {bomb}}}\n"),
    ("merge", "claims:\n  - {{<<: {{n: {bomb}}}, source: a, about: x, value: 1}}\n"),
    ("claim-key", "claims:\n  - {{source: a, about: x, value: 1, ? {bomb} : 1}}\n"),
]


@pytest.mark.parametrize("where", [b[1] for b in BOMBS], ids=[b[0] for b in BOMBS])
def test_alias_bombs_are_refused_wherever_they_go(tmp_path, where):
    text = _bomb(where)
    # levels a to d bring in 12,330 values, each *d 11,111 more: the eighth *d passes 100,000,
    # before level g is ever used
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:{at(text, '*d', 8)}: YAML aliases bring in more than 100,000 values",
    )


def test_merge_key_bomb_is_refused(tmp_path):
    lines = ["x-anchors:", "  a: &a {k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7}"]
    for prev, name in zip("abcdefg", "bcdefgh"):
        lines.append(f"  {name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    text = "\n".join(lines) + "\n"
    o = run(tmp_path, {"c.yaml": text}, "report", "c.yaml")
    # a mapping of 8 pairs is 17 values: levels b to d bring in 18,990, each *d 17,111 more
    refused(o, f"c.yaml:{at(text, '*d', 5)}: YAML aliases bring in more than 100,000 values")


def test_many_small_aliases_are_fine(tmp_path):
    # a thousand claims sharing one attribution by alias: 1,000 values brought in, not a bomb
    head = claims_yaml(
        "  - {source: s, about: fighters in Libya, value: 10, attributed_to: &who MoD}\n"
    )
    body = "".join(
        f"  - {{source: s{i}, about: fighters in Libya, value: 10, attributed_to: *who}}\n"
        for i in range(1000)
    )
    o = run(tmp_path, {"c.yaml": head + body}, "report", "c.yaml", "--format", "json")
    assert o.code == 0 and '"claims": 1001' in o.out, o


DEPTH = [
    ("flow-seq", 900, "[", "]"),
    ("flow-seq-33", 30, "[", "]"),
    ("flow-map", 200, "{a: ", "}"),
]


@pytest.mark.parametrize(("n", "open_", "close"), [d[1:] for d in DEPTH], ids=[d[0] for d in DEPTH])
def test_a_value_nested_past_the_limit_is_refused(tmp_path, n, open_, close):
    text = claims_yaml(f"  - source: a\n    about: x\n    value: {open_ * n}1{close * n}\n")
    # the root mapping, `claims` and the claim are three levels: the 30th bracket is the 33rd
    col = int(at(text, open_).split(":")[1]) + 29 * len(open_)
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:5:{col}: nested deeper than 32 levels",
    )


def test_block_nesting_past_the_limit_is_refused(tmp_path):
    text = "claims:\n  - note:\n" + "".join("  " * (i + 2) + "a:\n" for i in range(40))
    # root, claims and the claim (whose first `a:` stands beside `note:`) are three levels;
    # the mapping under the 31st `a:` (line 33, column 65) opens level 33
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        "c.yaml:33:65: nested deeper than 32 levels",
    )


@pytest.mark.parametrize("section", ["sources", "aliases", "settings", "names"])
def test_deep_nesting_in_any_section_is_refused(tmp_path, section):
    text = f"{section}: " + "[" * 40 + "]" * 40 + "\n"
    col = len(section) + 2 + 31
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:1:{col + 1}: nested deeper than 32 levels",
    )


def test_nesting_a_claims_file_needs_is_fine(tmp_path):
    text = claims_yaml(
        "  - {source: a, about: fighters, value: {min: 10, max: 20}, not_with: [b]}\n"
        "  - {id: b, source: b, about: fighters, value: [500, 600]}\n"
    )
    o = run(tmp_path, {"c.yaml": text}, "report", "c.yaml")
    assert o.code == 0 and "CONFLICT" not in o.out, o


TAGS = [
    ("python-object", "  - !!python/object:os.system {{source: a, about: x, value: 5}}\n"),
    ("python-tuple", "  - {{source: a, about: x, value: !!python/tuple [1, 2]}}\n"),
    ("python-name", "  - {{source: a, about: !!python/name:os.system x, value: 5}}\n"),
    ("python-apply", "  - !!python/object/apply:os.system [ls]\n"),
    ("python-str", "  - {{source: !!python/str a, about: x, value: 5}}\n"),
    ("custom-claim", "  - !claim {{source: a, about: x, value: 5}}\n"),
    ("custom-scalar", "  - {{source: a, about: !fighters x, value: 5}}\n"),
    ("custom-seq", "  - {{source: a, about: x, value: !range [1, 5]}}\n"),
    ("binary-about", "  - {{source: a, about: !!binary aGVsbG8=, value: 5}}\n"),
    ("binary-source", "  - {{source: !!binary aGVsbG8=, about: x, value: 5}}\n"),
    ("set", "  - {{source: a, about: x, value: 5, not_with: !!set {{b: null}}}}\n"),
    ("omap", "  - !!omap [{{source: a}}, {{about: x}}, {{value: 5}}]\n"),
    ("pairs", "  - {{source: a, about: x, value: !!pairs [{{min: 1}}]}}\n"),
    ("verbatim", "  - {{source: a, about: !<tag:example.com,2000:x> x, value: 5}}\n"),
]


@pytest.mark.parametrize("line", [t[1] for t in TAGS], ids=[t[0] for t in TAGS])
def test_tags_beyond_plain_yaml_are_refused_where_they_stand(tmp_path, line):
    text = claims_yaml(line.format())
    tag_at = text.index("!")
    shown = text[tag_at:].split()[0].replace("tag:yaml.org,2002:", "")
    if shown.startswith("!<"):
        shown = shown[2:-1]
    o = run(tmp_path, {"c.yaml": text}, "report", "c.yaml")
    refused(o, f"c.yaml:{at(text, '!')}: YAML tag `{shown}` is not allowed")


def test_a_tag_on_the_claims_list_is_refused(tmp_path):
    text = "claims: !list\n" + claim()
    refused(run(tmp_path, {"c.yaml": text}, "report", "c.yaml"), "c.yaml:1:9: YAML tag `!list`")


def test_tag_directive_is_refused(tmp_path):
    text = "%TAG !e! tag:example.com,2000:\n---\nclaims:\n  - !e!claim {source: a}\n"
    o = run(tmp_path, {"c.yaml": text}, "report", "c.yaml")
    refused(o, "c.yaml:4:5: YAML tag `tag:example.com,2000:claim` is not allowed")


# must not: the plain YAML tags read as plain YAML
PLAIN_TAGS = [
    ("str-number", "value: !!str 3500", "3500"),
    ("int-quoted", 'value: !!int "3500"', "3500"),
    ("float", "value: !!float 3500", "3500"),
    ("non-specific", "value: ! 3500", "3500"),
]


@pytest.mark.parametrize(
    ("field", "shown"), [p[1:] for p in PLAIN_TAGS], ids=[p[0] for p in PLAIN_TAGS]
)
def test_plain_yaml_tags_are_read(tmp_path, field, shown):
    text = claims_yaml(f"  - {{source: a, about: fighters, {field}}}\n" + claim("b", "fighters"))
    o = run(tmp_path, {"c.yaml": text}, "report", "c.yaml", "--format", "json")
    assert o.code == 0, o
    assert f'"value": "{shown}"' in o.out


BIG = "1" + "0" * 400
HUGE_NUMBERS = [
    ("value", f"value: {BIG}", BIG, "a number of 401 digits is too large"),
    ("negative", f"value: -{BIG}", "-" + BIG, "a number of 401 digits is too large"),
    ("list-end", f"value: [1, {BIG}]", BIG, "a number of 401 digits is too large"),
    ("min", f"value: {{min: {BIG}}}", BIG, "a number of 401 digits is too large"),
    ("max", f"value: {{max: {BIG}}}", BIG, "a number of 401 digits is too large"),
    ("about", f"value: {{about: {BIG}}}", BIG, "a number of 401 digits is too large"),
    ("5000-digits", "value: " + "7" * 5000, "7" * 5000, "a number of 5,000 digits is too large"),
    ("underscored", "value: 1" + "_000" * 20, "1" + "_000" * 20, "a number of 61 digits"),
    ("float-inf", "value: 1.0e+400", "1.0e+400", "`value` must be a finite number"),
    ("float-big", "value: 1.0e+40", "1.0e+40", "`value` must be at most 10^30"),
    ("list-float-big", "value: [1, 1.0e+40]", "1.0e+40", "each end of a `value` list must be"),
    ("min-inf", "value: {min: .inf}", ".inf", "`min` must be a finite number"),
    ("note", f"note: {BIG}", BIG, "a number of 401 digits is too large"),
    ("id", f"id: {BIG}", BIG, "a number of 401 digits is too large"),
]


@pytest.mark.parametrize(
    ("field", "needle", "message"),
    [h[1:] for h in HUGE_NUMBERS],
    ids=[h[0] for h in HUGE_NUMBERS],
)
def test_huge_numbers_are_refused_where_they_stand(tmp_path, field, needle, message):
    text = claims_yaml(
        f"  - source: a\n    about: x\n    {field}\n"
        + ("" if "value" in field else "    value: 5\n")
    )
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:{at(text, needle)}: {message}",
    )


@pytest.mark.parametrize(
    "setting",
    [
        f"match_threshold: {BIG}",
        f"approx_tolerance: {BIG}",
        f"nearly_tolerance: -{BIG}",
        f"near_miss_margin: {BIG}",
        f"vague: {{a few: [0, {BIG}]}}",
        "vague: {a few: [0, 1.0e+400]}",
        "match_threshold: .nan",
    ],
)
def test_huge_settings_are_refused(tmp_path, setting):
    text = f"settings:\n  {setting}\n" + claims_yaml(claim())
    needle = BIG if BIG in setting else setting.split(": ")[-1].strip("[]{}").split(", ")[-1]
    o = run(tmp_path, {"c.yaml": text}, "report", "c.yaml")
    assert o.code == 2 and o.exception is None and o.out == "", o
    assert f"c.yaml:{at(text, needle)[:1]}:" in o.err, o


BLANK = [
    ("spaces", "'   '"),
    ("tab-escape", '"\\t"'),
    ("nbsp", '"\\u00a0"'),
    ("ideographic-space", '"\\u3000"'),
    ("dots", "'...'"),
    ("bangs", "'!!!'"),
    ("dash", "'—'"),
    ("question", "'?'"),
    ("zero-width-space", '"\\u200b"'),
    ("zero-width-joiners", '"\\u200c\\u200d"'),
    ("bom", '"\\ufeff"'),
    ("word-joiner", '"\\u2060"'),
    ("punct-and-space", "'- . -'"),
]


@pytest.mark.parametrize("about", [b[1] for b in BLANK], ids=[b[0] for b in BLANK])
def test_an_about_with_no_words_is_refused(tmp_path, about):
    text = claims_yaml(f"  - source: a\n    about: {about}\n    value: 5\n" + claim("b"))
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:{at(text, about)}: `about` has no letters or digits",
    )


@pytest.mark.parametrize(
    "source", [b[1] for b in BLANK[:4] + BLANK[8:10]], ids=[b[0] for b in BLANK[:4] + BLANK[8:10]]
)
def test_a_source_with_no_words_is_refused(tmp_path, source):
    text = claims_yaml(f"  - source: {source}\n    about: fighters\n    value: 5\n")
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:{at(text, source)}: `source` has no letters or digits",
    )


# must not: abouts of few characters, or in other scripts, are words
WORDY = ["x", "9/11 deaths", "COVID-19 deaths", "مقاتلون سوريون", "死者", "Ωmega", "F-16s"]


@pytest.mark.parametrize("about", WORDY)
def test_short_or_foreign_abouts_are_words(tmp_path, about):
    text = claims_yaml(claim("a", about, "10") + claim("b", about, "5000"))
    o = run(tmp_path, {"c.yaml": text}, "report", "c.yaml", "--format", "json")
    assert o.code == 0 and '"conflicts": 1' in o.out, o


@pytest.mark.parametrize(
    ("key", "needle"),
    [("[a, b]", "[a, b]"), ("{a: 1}", "{a: 1}")],
)
def test_a_key_that_is_not_text_is_refused(tmp_path, key, needle):
    text = f"sources:\n  ? {key}\n  : {{title: x}}\n" + claims_yaml(claim(), head="")
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:{at(text, needle)}: a mapping key must be plain text",
    )


def test_a_text_value_past_the_limit_is_refused(tmp_path):
    quote = "x" * (limits.MAX_TEXT + 1)
    text = claims_yaml(f"  - source: a\n    about: x\n    value: 5\n    quote: {quote}\n")
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:{at(text, quote)}: a value of 10,001 characters: the limit is 10,000",
    )


def test_an_about_past_its_limit_is_refused(tmp_path):
    about = "fighters " * 120
    text = claims_yaml(f"  - source: a\n    about: {about.strip()}\n    value: 5\n")
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml:{at(text, 'fighters')}: `about` is 1,079 characters long: the limit is 1,000",
    )


def test_a_yaml_file_past_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_YAML_BYTES", 100)
    text = claims_yaml(claim(), claim("b"), claim("c"))
    refused(
        run(tmp_path, {"c.yaml": text}, "report", "c.yaml"),
        f"c.yaml: a YAML file of {len(text.encode()):,} bytes is over the limit of 100 bytes",
    )


def test_standard_input_past_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_YAML_BYTES", 100)
    text = claims_yaml(claim(), claim("b"), claim("c"))
    o = CliRunner().invoke(app, ["report", "-"], input=text)
    assert o.exit_code == 2, o.output
    assert "<stdin>: standard input, read as YAML, is over the limit of 100 bytes" in o.output
    small = claims_yaml(claim())
    monkeypatch.setattr(limits, "MAX_YAML_BYTES", len(small.encode()))
    assert CliRunner().invoke(app, ["report", "-"], input=small).exit_code in (0, 1)


def test_a_lone_surrogate_escape_in_yaml_is_refused(tmp_path):
    text = claims_yaml('  - {source: a, about: "x\\ud800y", value: 5}\n')
    o = run(tmp_path, {"c.yaml": text}, "report", "c.yaml")
    refused(o, "c.yaml:3:")
    # libyaml refuses the escape itself; the pure-Python reader leaves it to the screening
    assert "invalid Unicode character escape" in o.err or "lone surrogate" in o.err
