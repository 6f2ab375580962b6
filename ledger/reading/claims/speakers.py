"""Speaker phrases: finding the words that name a speaker next to a cue.

``phrase_before`` walks left from a cue over the words a noun phrase can hold and stops where a clause
must begin (a comma, "that", a verb, a temporal word, a determiner not joined by a preposition)::

    "Last week the Pentagon said ..."          -> "the Pentagon"
    "... but an official with the group said"  -> "an official with the group"

``phrase_after`` reads the phrase after an inverted cue ("..., said Mr. Burman, an economist"). What a
phrase says about its speaker is read by ``descriptions.describe``; who a pronoun or "the war monitor"
stands for is decided later, in ``coref``. The speaker and grammar lexicons are loaded here (``words``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.reading.types import SOURCE_TYPES

TOKEN = re.compile(r"\w+(?:[.'\u2019&-]+\w+)*(?:(?<=s)['\u2019](?![\w'\u2019]))?\.?|[^\w\s]")
# TOKEN with the blank space before it: every character but blank space starts a TOKEN, so ``findall`` of
# (space, token) pairs gives the tokens with their offsets from string lengths alone, without a match
# object per token (a quarter faster; phrases are read around every cue). Its runs are possessive (``*+``,
# ``++``) and the possessive "s'" tests the quote before looking back for the "s": what follows each run
# cannot match what the run gave back, and everything after the first word run is optional, so the
# tokens are TOKEN's, found with a tenth less work (the engine keeps no positions to backtrack to).
_SPACED_TOKEN = re.compile(r"(\s*+)(\w++(?:[.'\u2019&-]++\w++)*+(?:['\u2019](?<=s['\u2019])(?![\w'\u2019]))?\.?|[^\w\s])")
_MAX_TOKENS = 14


@dataclass(frozen=True, slots=True)
class _Words:
    pronouns: dict
    determiners: frozenset
    titles: dict
    roles: dict
    anonymous: frozenset
    organisations: dict
    documents: frozenset
    collectives: frozenset
    type_modifiers: dict
    org_words: frozenset
    breaks: frozenset
    temporal: frozenset
    linking: frozenset
    singular: dict
    nominal: frozenset
    addressees: frozenset
    role_modifiers: frozenset
    name_types: dict
    refers: dict
    member_nouns: frozenset
    role_synonyms: dict
    holder_offices: frozenset
    speaking_verbs: tuple


def plural(noun: str) -> str:
    """``plural("authority")`` -> ``"authorities"``; ``plural("spokesman")`` -> ``"spokesmen"``."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


@lru_cache(maxsize=1)
def words() -> _Words:
    """The speaker and grammar lexicons, loaded and validated once."""
    sp, gr = lexicon.load("speakers.json"), lexicon.load("grammar.json")
    for key in ("pronouns", "titles", "person_roles", "organisations", "type_modifiers", "name_types",
                "description_refers"):
        if not isinstance(sp.get(key), dict):
            raise ValueError(f"speakers.json: {key!r} must be an object")
    typed = list(sp["name_types"].values()) + [t for ts in sp["description_refers"].values() for t in ts]
    if not set(typed) <= set(SOURCE_TYPES):
        raise ValueError(f"speakers.json: unknown source types {sorted(set(typed) - set(SOURCE_TYPES))}")
    singular: dict[str, str] = {}
    roles = dict(sp["person_roles"])
    nouns = set(roles) | set(sp["anonymous"]) | set(sp["organisations"]) | set(sp["documents"]) | set(sp["member_nouns"])
    for noun in nouns:
        last = noun.split()[-1]
        singular[plural(last)] = last
        singular.setdefault(last, last)
    singular.update({"people": "person", "police": "police", "staff": "staff", "media": "media",
                     "data": "data", "personnel": "personnel"})
    nominal = frozenset(singular) | frozenset(sp["collectives"]) | frozenset(w.split()[-1] for w in nouns)
    return _Words(sp["pronouns"], frozenset(sp["determiners"]), sp["titles"], roles, frozenset(sp["anonymous"]),
                  sp["organisations"], frozenset(sp["documents"]), frozenset(sp["collectives"]),
                  sp["type_modifiers"], frozenset(sp["org_words"]), frozenset(gr["breaks"]),
                  frozenset(gr["temporal"]), frozenset(gr["linking"]), singular, nominal,
                  frozenset(sp["addressees"]), frozenset(sp["role_modifiers"]), dict(sp["name_types"]),
                  {k: tuple(v) for k, v in sp["description_refers"].items()},
                  frozenset(sp["member_nouns"]), dict(sp["role_synonyms"]),
                  frozenset(sp["holder_offices"]),
                  tuple(sp["speaking_verbs"]))


def name_type(lows: list[str]) -> str | None:
    """The type an organisation's own name gives it ("kessel brigades" -> militia), from ``name_types``:
    a phrase of two words anywhere in the name, else its last word; None when no word tells."""
    table = words().name_types
    for a, b in zip(lows, lows[1:]):
        found = table.get(f"{a} {b}")
        if found is not None:
            return found
    for a, b, c in zip(lows, lows[1:], lows[2:]):
        found = table.get(f"{a} {b} {c}")
        if found is not None:
            return found
    return table.get(lows[-1]) if lows else None


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens of ``text[start:end]`` as ``(start, end, token)``.

    A period sticks to titles, initials and initialisms ("Mr.", "F.", "U.S.") but not to other words.
    """
    out = []
    pos = start
    for space, tok in _SPACED_TOKEN.findall(text, start, end):
        pos += len(space)
        after = pos + len(tok)
        if tok[-1] == "." and len(tok) > 1 and not _keeps_period(tok):
            out += ((pos, after - 1, tok[:-1]), (after - 1, after, "."))
        else:
            out.append((pos, after, tok))
        pos = after
    return out


def _keeps_period(tok: str) -> bool:
    stem = tok[:-1]
    return "." in stem or (len(stem) == 1 and stem.isupper()) or stem.lower() in words().titles \
        or stem.lower() in ("st", "jr", "sr", "no")


def is_capitalised(tok: str) -> bool:
    """Whether a token can be part of a name: "Kirby", "U.S.", "F-15" (a digit with letters), not "said"."""
    return tok[:1].isupper() or (tok[:1].isdigit() and any(c.isalpha() for c in tok)) or (
        tok[:3] in ("al-", "el-") and tok[3:4].isupper())  # "al-Dorani": a particle joined to a name


def is_nominal(tok: str, initial: bool = False) -> bool:
    """Whether ``tok`` can head a speaker phrase: a name, a pronoun or a speaker noun."""
    w = words()
    low = tok.lower()
    if low in w.pronouns and low not in ("that", "which", "who") and (tok.islower() or initial or low == "i"):
        return True
    if is_capitalised(tok):
        return not (initial and low in w.breaks) and low not in w.determiners and low not in w.temporal
    return low in w.nominal


def phrase_before(text: str, lo: int, hi: int, relaxed: bool = False) -> tuple[int, int] | None:
    """The speaker phrase that ends at ``hi`` (just before a cue), looking no further left than ``lo``.

    ``relaxed`` (for speech verbs, whose subject can only be someone) accepts any noun after a
    determiner as the head: "the announcer said".
    ``phrase_before("On Friday the ministry said", 0, 22)`` -> the span of "the ministry".
    """
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end <= lo or not (text[end - 1].isalnum() or text[end - 1] in ").'\u2019"):
        return None  # '..., said' / '"...," said': punctuation before the cue, no phrase (and no tokenising)
    w = words()
    start = max(lo, hi - 90)
    if end > start:  # "he said": a pronoun alone is the phrase, as the tokens below would say, read faster
        last_run = text[start:end].rsplit(None, 1)[-1]
        if last_run.isalpha() and last_run.lower() in w.pronouns:
            return end - len(last_run), end
    toks = tokens(text, start, hi)
    if not toks:
        return None
    last = len(toks) - 1
    if not toks[last][2][0].isalnum() and toks[last][2] != ")":
        return None
    if toks[last][2] == ")":
        k = next((k for k in range(last - 1, max(-1, last - 8), -1) if toks[k][2] == "("), None)
        if k is None or k == 0:
            return None
        last = k - 1
    head = toks[last][2]
    if head.lower() in w.pronouns and len(toks) - 1 == last:
        return toks[last][0], toks[last][1]
    if head.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        return None
    if not is_nominal(head, initial=toks[last][0] == lo) and not (relaxed and _described(toks, last)):
        last = hidden_head(toks, last)
        if last is None:
            return None
    first = _walk_left(toks, last, lo)
    while first < last and (toks[first][2].lower() in w.linking or toks[first][2].lower() in ("and", "&")):
        first += 1
    return toks[first][0], toks[-1][1]


def _described(toks, last: int) -> bool:
    """"the announcer", "a narrator": a lowercase noun right after a determiner (no verb, no adverb)."""
    w = words()
    head = toks[last][2]
    if not head.isalpha() or not head.islower() or head in w.breaks or head.endswith(("ly", "ing", "ed")):
        return False
    k = last - 1
    while k >= 0 and last - k <= 4 and toks[k][2][:1].isalnum() and toks[k][2].lower() not in w.breaks \
            and toks[k][2].lower() not in w.determiners:
        if toks[k][2].endswith(("'s", "\u2019s")) and is_capitalised(toks[k][2]):
            return True  # "Ivana Trump's brief said": a possessive name determines the noun
        k -= 1
    return k >= 0 and toks[k][2].lower() in ("the", "a", "an", "this", "that", "its", "their", "his", "her",
                                             "one", "another", "each", "every", "our", "my")


_COORDINATORS = frozenset({"and", "but", "or", "nor", "yet", "then"})


def hidden_head(toks, last: int) -> int | None:
    """The head of a phrase that does not end in its head noun: "the secretary of defense" (a role with
    its "of" complement) or "A GAO report released last year" (a reduced relative clause); never a phrase
    ending in a conjunction ("The ministry confirmed the strike but [did not give a toll]": a coordinated verb
    follows, whose subject is the main clause's)."""
    w = words()
    if toks[last][2] in _COORDINATORS:
        return None
    for k in range(last - 1, max(-1, last - 5), -1):
        tok = toks[k][2].lower()
        if tok == "of" and k > 0 and toks[k - 1][2].lower().rstrip("s") in w.roles:
            return last
        if tok.endswith(("ed", "en")) and tok.islower() and k > 0 and is_nominal(toks[k - 1][2]) \
                and toks[k - 1][2].lower() not in w.pronouns:
            return k - 1
        if not tok[:1].isalnum():
            return None
    return None


def _walk_left(toks: list[tuple[int, int, str]], last: int, lo: int) -> int:
    w = words()
    first = last
    j = last - 1
    while j >= 0 and last - j < _MAX_TOKENS:
        tok = toks[j][2]
        low = tok.lower()
        if tok == ")":
            k = next((k for k in range(j - 1, max(-1, j - 6), -1) if toks[k][2] == "("), None)
            if k is None:
                break
            first = j = k
            j -= 1
            continue
        if not tok[0].isalnum():
            break
        if low in ("and", "&"):
            if not _coordinated(toks, j, first):
                break
        elif low in w.linking:
            if not _linked(toks, j, first):
                break
        elif low in w.determiners:
            first = j
            before = toks[j - 1][2].lower() if j > 0 else ""
            if before in w.linking or (before in ("and", "&") and _coordinated(toks, j - 1, j)):
                j -= 1
                continue
            break
        elif low in w.temporal or (low in w.breaks and not tok.isupper() and not _inside_name(toks, j, first)):
            break
        elif tok.islower() and (low.endswith("ly") or low.endswith("ing")) and low not in w.nominal and not (
                low.endswith("ing") and j > 0 and toks[j - 1][2].lower() in w.determiners):
            break  # "the ruling party" and "a monitoring group" keep their participle; "said, adding" does not
        first = j
        j -= 1
    return first


def _inside_name(toks, j: int, first: int) -> bool:
    """"Doctors Without Borders": a capitalised break word between two capitalised words of a name (never
    the first word of the text read, where any word is capitalised)."""
    return (j > 0 and first == j + 1 and toks[j][2].istitle() and toks[j - 1][2][:1].isupper()
            and toks[first][2][:1].isupper() and toks[j - 1][2].lower() not in words().breaks)


def _coordinated(toks, j: int, first: int) -> bool:
    """"Mr. Grassley and Mr. Leahy", "Developers and supporters": "and" joins two speaker phrases."""
    if j == 0:
        return False
    left, right = toks[j - 1][2], toks[first][2]
    w = words()
    left_ok = is_capitalised(left) or left.lower() in w.nominal
    return left_ok and (is_capitalised(right) or right.lower() in w.determiners or right.lower() in w.nominal)


def _linked(toks, j: int, first: int) -> bool:
    """"spokesman for the ministry": a preposition inside a speaker phrase needs a noun on its left and a
    name or determiner on its right."""
    if j == 0 or first != j + 1:
        return False
    w = words()
    right, left = toks[first][2], toks[j - 1][2]
    if toks[j][2].lower() == "of" and left.lower().rstrip("s") in w.roles:
        return True  # "the secretary of defense"
    if not (is_capitalised(right) or right.lower() in w.determiners):
        return False
    return is_capitalised(left) or left.lower() in w.nominal or left.lower() in ("one", "some", "many", "all", "each",
                                                                          "most", "none", "both")


def phrase_after(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The speaker phrase that starts at ``lo`` (just after an inverted cue), up to ``hi``.

    ``phrase_after("said Mr. Burman, an economist", 4, 29)`` -> the span of "Mr. Burman".

    The phrase is read from at most 100 characters, but most end within a few words: the first 40 (up to
    a blank space, so that these tokens are the first of the 100) are tokenised first, and the rest only
    when the reading looked that far.
    """
    limit = min(hi, lo + 100)
    blank = _BLANK.search(text, lo + _FIRST_READ, limit) if lo + _FIRST_READ < limit else None
    if blank is not None:
        toks = tokens(text, lo, blank.start())
        found, looked = _read_after(toks)
        if looked < len(toks):
            return found
    return _read_after(tokens(text, lo, limit))[0]


_BLANK = re.compile(r"\s")
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "del", "da", "di", "du", "van", "von", "der", "la", "le"})
_OWNING = frozenset({"of", "for", "from", "by", "with"})  # the prepositions that tie a speaker to its owner
_FIRST_READ = 40


_ISSUER_LINKS = frozenset({"from", "by", "of"})


def past_time_words(toks, k: int) -> int | None:
    """The index of "from"/"by" after the document noun ``toks[k]`` and the time words that date it ("a
    statement Tuesday from", "a report on Monday by"), or None when no time word or no issuer follows."""
    w = words()
    if w.singular.get(toks[k][2].lower(), toks[k][2].lower()) not in w.documents:
        return None
    j = k + 1
    while j < len(toks) and j - k <= 4 and (toks[j][2].lower() in w.temporal or toks[j][2].lower() in _DATING):
        j += 1
    return j if j > k + 1 and j < len(toks) and toks[j][2].lower() in _ISSUER_LINKS - {"of"} else None


PARTITIVES = frozenset({"one", "some", "many", "several", "most", "each", "both", "two", "three", "none", "all"})
_DATING = frozenset({"on", "late", "early", "last", "this"})


def _dated(toks, k: int) -> int:
    """The token before the time words that end at ``k`` ("a report on Monday" -> "report")."""
    w = words()
    j = k - 1
    while j > 0 and (toks[j][2].lower() in _DATING or toks[j][2].lower() in w.temporal):
        j -= 1
    return j


def _read_after(toks: list[tuple[int, int, str]]) -> tuple[tuple[int, int] | None, int]:
    """``phrase_after`` on its tokens, and the highest token index the reading may have looked at."""
    w = words()
    end = None
    named = False
    loose = 0  # lowercase words that are no speaker noun, in a row: "the event brought back" is a clause
    joined = -1  # where "and" joined a document and a speaker
    if toks and toks[0][2].lower() in ("that", "which", "who", "whom", "what"):
        return None, 0
    if toks and toks[0][2].lower() in w.pronouns:
        return (toks[0][0], toks[0][1]), 0
    looked = len(toks)  # the whole list, unless the loop breaks
    for k, (s, e, tok) in enumerate(toks):
        looked = k + 5  # the furthest a step looks ahead: a closing bracket five tokens on
        low = tok.lower()
        if low in _PARTICLES and named and k + 1 < len(toks) and toks[k + 1][2][:1].isupper():
            continue  # "Khalid al Muhanna", "Ludwig van Beethoven": a particle inside a name
        if low == "and" and k > 0 and k + 1 < len(toks) and toks[k + 1][2].lower() in w.determiners and \
                w.singular.get(toks[k - 1][2].lower(), toks[k - 1][2].lower()) in w.documents:
            joined, named = k, False
            continue  # "a statement and a military source": who spoke besides the document
        if named and tok.islower() and low not in w.nominal and low not in w.linking and not (
                low in w.determiners and toks[k - 1][2].lower() in _OWNING) and not (
                low.endswith(("'s", "\u2019s")) and toks[k - 1][2].lower() in w.determiners) and not (
                k + 1 < len(toks) and toks[k + 1][2].lower() in w.roles):
            break  # but "a statement from the army", "a spokesman for the ministry", "the X interior minister" go on
        loose = loose + 1 if tok.islower() and low not in w.nominal and low not in w.determiners else 0
        if loose > 2:
            break
        named = named or (is_capitalised(tok) and low not in w.determiners) or (tok.islower() and low in w.nominal)
        if tok == "(" and end is not None:
            close = next((m for m in range(k + 1, min(len(toks), k + 6)) if toks[m][2] == ")"), None)
            if close is not None and toks[close - 1][2][:1].isupper():
                continue
            break
        if not tok[0].isalnum() and tok != ")":
            break
        if tok == ")":
            end = k
            continue
        if low in w.linking:
            if k == 1 and low == "of" and toks[0][2].lower() in PARTITIVES and len(toks) > 2:
                continue  # "one of the officials", "some of the residents": the noun after "of" heads
            if end is None or k + 1 >= len(toks) or not (is_capitalised(toks[k + 1][2]) or toks[k + 1][2].lower()
                                                          in w.determiners):
                break
            continue
        if low in w.determiners:
            if end is not None and toks[k - 1][2].lower() not in w.linking and joined != k - 1:
                break
            continue
        if tok.islower() and low.endswith("ing") and end is not None and toks[k - 1][2].lower() not in w.determiners:
            break  # "the officials briefing reporters": a participle clause follows the speaker
        if low in w.temporal and k > 0 and past_time_words(toks, _dated(toks, k)) is not None:
            continue  # "a statement Tuesday from the army": the time of the document, then its issuer
        if low in w.temporal or (low in w.breaks and tok.islower()) or (tok.islower() and low.endswith("ly")):
            break
        end = k
        if k > 12:
            break
    else:
        looked = len(toks)
    if end is None:
        return None, looked
    head = end
    if toks[end][2] == ")":
        head = next((k - 1 for k in range(end, -1, -1) if toks[k][2] == "("), end)
    if head < 0 or not is_nominal(toks[head][2], True):
        return None, looked
    return (toks[0][0], toks[end][1]), looked
