"""Shares dealt out by `respectively`: `The police and schools continue to be the most common referral sources
(accounting for 28% and 17% of referrals respectively), followed by health services (14%), local authority services
(13%), and individuals (13%).` The shares after a part verb (mappings/part_verbs.csv) in brackets are, in order, the
parts of the whole after their `of` that the coordinated subject's members are; members listed after `, followed by`,
each with its share in brackets, are further parts of the same whole. A part is named by the whole and the member
joined by the preposition of the noun the predicate calls them (mappings/relation_nouns.csv: referral `sources` ->
`referrals from the police`), else `<member> as a share of <whole>` as for one part (indicators.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from extract.mappings import mappings_dir, read_csv
from extract.model import RawFigure
from extract.read.narrative.text import _VERBS, _words
from extract.read.needs import gated

_PART_VERB = "|".join(f"(?:{r['pattern']})" for r in read_csv(mappings_dir() / "part_verbs.csv", ("pattern", "note")))
_RELATIONS = {
    r["noun"].lower(): r["preposition"]
    for r in read_csv(mappings_dir() / "relation_nouns.csv", ("noun", "preposition", "note"))
}
_SHARE = r"\d{1,3}(?:\.\d+)?%"
_RESPECTIVELY = gated(re.compile(
    rf"^(?P<clause>[^,;:()]+?)\s*(?P<open>\(\s*)?(?:{_PART_VERB})\s+(?P<shares>{_SHARE}(?:\s*,\s*{_SHARE})*\s*,?\s+and\s+{_SHARE})"
    rf"\s+of\s+(?P<article>(?:all|the)\s+)?(?P<whole>[^,;:()\d]+?)\s*,?\s+respectively\s*(?(open)\))(?P<rest>.*)$",
    re.I,
))
_FOLLOWED = re.compile(r"^\s*,\s*followed\s+by\s+(?P<list>.+?)\.?\s*$", re.I)
_LISTED = re.compile(rf"(?:^|\s*,\s*(?:and\s+)?|\s+and\s+)(?P<name>[^,;:()\d]+?)\s*\(\s*(?P<share>{_SHARE})\s*\)", re.I)
_JOINT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)


def _members(clause: str, bracketed: bool) -> tuple[list[str], str] | None:
    """The coordinated subject's members (up to its first verb, else the clause before the part verb) and the
    predicate after them."""
    words = clause.split()
    verb = next((i for i, w in enumerate(words) if w.lower() in _VERBS), None if bracketed else len(words))
    if not verb:
        return None
    subject = " ".join(words[:verb])
    members = [m.strip() for m in _JOINT.split(subject) if m.strip()]
    members = [m[0].lower() + m[1:] if m.split()[0] in {"The", "A", "An"} else m for m in members]
    return members, " ".join(words[verb:])


def _listed(rest: str) -> list[tuple[str, str]] | None:
    """`, followed by health services (14%), ... and individuals (13%).`: every member with its share, or None."""
    m = _FOLLOWED.match(rest)
    if not rest.strip(" .") or m is None:
        return [] if not rest.strip(" .") else None
    items = list(_LISTED.finditer(m.group("list")))
    if not items or "".join(x.group(0) for x in items).strip() != m.group("list").strip():
        return None  # anything but a list of `<member> (<share>)`
    return [(x.group("name").strip(), x.group("share")) for x in items]


def respective_shares(sentence: str, found: list[RawFigure]) -> list[RawFigure]:
    """The sentence's figures renamed as the parts `respectively` deals out, when they are exactly those shares."""
    m = _RESPECTIVELY.match(sentence.strip())
    if m is None:
        return found
    members = _members(m.group("clause"), m.group("open") is not None)
    listed = _listed(m.group("rest"))
    shares = re.findall(_SHARE, m.group("shares"))
    if members is None or listed is None or len(members[0]) != len(shares):
        return found
    parts = [*zip(members[0], shares, strict=True), *listed]
    if [f.value_raw for f in found] != [share for _, share in parts]:
        return found
    whole, article = m.group("whole").strip(), m.group("article") or ""
    prep = next((_RELATIONS[w.lower()] for w in _words(members[1]) if w.lower() in _RELATIONS), None)
    return [
        replace(f, indicator_raw=f"{whole} {prep} {member}" if prep else f"{member} as a share of {article}{whole}")
        for f, (member, _) in zip(found, parts, strict=True)
    ]
