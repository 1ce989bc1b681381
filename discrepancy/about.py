"""What a number counts: the `about` of a drafted claim, the noun phrase the quantity governs
("3,500 paid Syrian fighters" -> "paid Syrian fighters"), as English news writes it: after the
number, or before it ("bounties of up to $150,000", "the death toll rose to 1,250", "the number
of hostages still held at 130"). "" when none is found, for the draft to say so."""

from __future__ import annotations

import re

from discrepancy.extract import Found, Token, read

_STOP = {
    "to", "in", "at", "on", "from", "by", "with", "for", "into", "during", "after",
    "before", "since", "who", "whom", "whose", "which", "that", "have", "has", "had",
    "were", "was", "are", "is", "be", "been", "being", "will", "would", "could", "can",
    "may", "might", "should", "shall", "did", "do", "does", "and", "or", "but", "as",
    "than", "while", "including", "inside", "outside", "near", "across", "against", "over",
    "under", "between", "within", "without", "through", "toward", "towards", "among",
    "around", "about", "per", "each", "every", "via", "alongside", "despite", "amid",
    "until", "when", "where", "if", "so", "because", "also", "still", "already", "now",
    "then", "there", "here", "this", "these", "those", "it", "they", "he", "she", "we",
    "you", "i", "not", "no", "only", "just", "more", "most", "according", "earlier", "later",
    "ago", "respectively", "apiece", "altogether", "overall", "instead",
}  # fmt: skip
# Verbs in the past, irregular ones (regular ones end in -ed): where a noun phrase ends
_PARTICIPLES = {
    "made", "sent", "held", "led", "known", "taken", "given", "seen", "built", "kept", "left",
    "brought", "fought", "caught", "put", "set", "told", "said", "paid", "shot", "hurt",
    "drawn", "flown", "thrown", "spent", "went", "came", "fled", "died", "lost", "won", "rose",
    "fell", "grew", "began", "took", "gave", "got", "saw", "stood", "met", "ran", "felt",
    "became", "sat", "lay", "struck", "hit", "sold", "bought", "taught", "thought", "found",
    "drove", "flew", "stole", "broke", "chose", "wrote", "spoke", "hid", "bore",
    "remain", "remains", "are", "were", "was", "is",
}  # fmt: skip
_PERIODS = {"day", "week", "month", "year", "hour", "minute", "night", "quarter", "decade"}
_CONNECTORS = {"of", "the", "a", "an", "and"}


def about_of(tokens: list[Token], f: Found) -> str:
    """The noun phrase the quantity counts: the words after it ("paid Syrian fighters"), or,
    for an amount with nothing after it, the noun it is "of" ("bounties of up to $150,000")."""
    k = f.last
    while k < len(tokens) and tokens[k].low in ("”", '"', "’", "'"):
        k += 1  # "“More than two million” people"
    if k < len(tokens) and tokens[k].low == "of":
        k += 1  # "hundreds of Russian mercenaries"
    rate = k + 1 < len(tokens) and tokens[k].low in ("a", "an", "per", "each", "every")
    if rate and tokens[k + 1].low in _PERIODS:
        k += 2  # "500 a day before the war": a rate, not what is counted
    words: list[Token] = []
    while k < len(tokens) and len(words) < 8:
        t = tokens[k]
        w = t.low
        if not (w[0].isalnum()) or w in _STOP or read(t.text) is not None:
            break
        verb = t.text[0].islower() and (w.endswith(("ing", "ed")) or w in _PARTICIPLES)
        if verb and (words or not _noun_follows(tokens, k + 1)):
            break  # "1.1 million protested", but "3,500 paid Syrian fighters"
        if w == "of" and not (len(words) <= 2 and k + 1 < len(tokens)):
            break
        words.append(t)
        k += 1
    while words and words[-1].low in _CONNECTORS:
        words.pop()
    while words and words[0].low in _CONNECTORS:
        words.pop(0)
    if words:
        what = [t.text for t in words]
        if words[-1].low in _GENERIC and len(words) <= 3:
            what += _what_happened(tokens, k) or _done_to(tokens, f.first)
        return " ".join(what)
    i = f.first
    before = tokens[i - 2].low if i >= 2 else ""
    if i >= 2 and tokens[i - 1].low == "of" and before[:1].isalpha() and before not in _STOP:
        return tokens[i - 2].text  # "bounties of up to $150,000"
    inner = tokens[f.first : f.last]
    for n, t in enumerate(inner[1:], 1):
        if t.low == "of" and inner[n - 1].low[0].isalpha():
            return inner[n - 1].text  # "an approximate salary of $1,000"
    return _linked(tokens, f.first)


# Nouns that say who, not what happened to them: "1,200 people" alone would group the killed
# with the homeless, so the verb that says what happened joins the about ("people killed").
_GENERIC = {
    "people", "persons", "individuals", "others", "residents", "civilians", "children",
    "men", "women", "adults",
}  # fmt: skip
_AUXILIARIES = {
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "remain",
    "remains", "remained", "still", "reportedly", "also", "all", "now", "later",
}  # fmt: skip
_STATES = {
    "homeless", "missing", "dead", "injured", "wounded", "displaced", "unaccounted",
    "trapped", "hospitalised", "hospitalized", "hurt", "stranded", "detained", "jailed",
}  # fmt: skip
_SAYING = {"said", "told", "reported", "claimed", "stated", "added", "according"}
_NOT_HAPPENING = _AUXILIARIES | _SAYING


def _happening(t: Token) -> bool:
    w = t.low
    return (
        w.isalpha()
        and t.text[0].islower()
        and w not in _NOT_HAPPENING
        and (w in _STATES or w.endswith("ed") or w in _PARTICIPLES)
    )


def _what_happened(tokens: list[Token], k: int) -> list[str]:
    """After the people counted: "were killed" -> killed, "were left homeless" -> left
    homeless, "are missing" -> missing; nothing when no such verb follows."""
    while k < len(tokens) and tokens[k].low in _AUXILIARIES:
        k += 1
    if k >= len(tokens) or not _happening(tokens[k]):
        return []
    if tokens[k].low not in _STATES and k + 1 < len(tokens) and tokens[k + 1].low in _STATES:
        return [tokens[k].text, tokens[k + 1].text]  # "left homeless"
    return [tokens[k].text]


def _done_to(tokens: list[Token], first: int) -> list[str]:
    """Before the number: "the quake killed at least 1,200 people" -> killed."""
    return [tokens[first - 1].text] if first >= 1 and _happening(tokens[first - 1]) else []


def borrowed(counted: str, tokens: list[Token], first: int) -> str:
    """The about of the number before, for one that has none, with this number's own verb:
    "killed 12 people and injured 30" -> "people injured" for the 30."""
    words = counted.split()
    heads = [i for i, w in enumerate(words) if w.lower() in _GENERIC]
    verb = _done_to(tokens, first)
    return " ".join(words[: heads[0] + 1] + verb) if heads and verb else counted


def _noun_follows(tokens: list[Token], k: int) -> bool:
    if k >= len(tokens):
        return False
    w = tokens[k].low
    return w[0].isalpha() and w not in _STOP and w not in _CONNECTORS and w not in _PARTICIPLES


# "the death toll rose to 1,250", "estimated damage at $1.2 billion", "the number of
# participants reached 800,000": the noun phrase before a linking verb
_LINKS = {
    "to", "at", "of", "reached", "rose", "climbed", "stood", "was", "is", "were", "are", "hit",
    "jumped", "increased", "grew", "topped", "exceeded", "totalled", "totaled", "numbered",
    "put", "estimated", "fell", "dropped", "declined", "surpassed", "passed", "now", "has",
    "had", "have", "been", "be", "will", "would",
}  # fmt: skip
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}


def _linked(tokens: list[Token], first: int) -> str:
    k, skipped = first - 1, 0
    while k >= 0 and skipped < 4 and _linking(tokens[k]):
        k, skipped = k - 1, skipped + 1  # "revenue dropped 8% to": past "dropped 8% to"
    if not skipped:
        return _number_of(tokens, first)
    phrase: list[Token] = []
    while k >= 0 and len(phrase) < 5:
        t = tokens[k]
        w = t.low
        if w in _TIME_PREPOSITIONS and len(phrase) <= 2 and not _counted(phrase):
            phrase, k = [], k - 1  # "the death toll since October rose to": past "since October"
            continue
        if not w[0].isalnum() or w in _STOP or read(t.text) is not None:
            break
        if t.text[0].islower() and (w.endswith(("ed", "ing")) or w in _PARTICIPLES):
            break
        phrase.insert(0, t)
        k -= 1
    while phrase and phrase[0].low in _DETERMINERS | _CONNECTORS:
        phrase.pop(0)
    text = " ".join(t.text for t in phrase)
    m = re.search(r"\b(?:number|total|count|tally|toll) of (.+)$", text)
    return m[1] if m else text or _number_of(tokens, first)


def _linking(t: Token) -> bool:
    """A word between a number and the noun phrase before it that it is the figure of: a
    linking verb, a verb of change, another figure ("dropped 8% to")."""
    w = t.low
    verb = t.text[0].islower() and (w.endswith("ed") or w in _PARTICIPLES)
    return w in _LINKS or verb or w[0].isdigit() or w in ("%", "per", "cent", "percent")


_TIME_PREPOSITIONS = {"since", "in", "on", "from", "until", "during", "after", "before", "by"}


def _counted(phrase: list[Token]) -> bool:
    """Does the phrase name something counted, not a time ("October", "Monday", "2020")?"""
    return any(t.low in ("toll", "number", "total", "count", "tally") for t in phrase)


def _number_of(tokens: list[Token], first: int) -> str:
    """ "the number of hostages still held at 130": what the number of, before the value, is of."""
    for k in range(first - 2, max(-1, first - 10), -1):
        if tokens[k].low == "of" and k > 0 and tokens[k - 1].low in ("number", "total", "count"):
            words = []
            for t in tokens[k + 1 : first]:
                if not t.low[0].isalpha() or t.low in _STOP or t.low in _PARTICIPLES:
                    break
                words.append(t.text)
            return " ".join(words)
    return ""
