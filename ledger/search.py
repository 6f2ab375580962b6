"""Full-text search over claim content and article text.

SQLite answers from its FTS5 index of articles, PostgreSQL from its ``to_tsvector`` indexes (both made by
migration 0003). On SQLite a claim is found through its article: the articles matching the words, then
those of their claims whose content holds every word (a claim's content is a piece of its article, so
no second index is needed, and ingest does not pay for one). The user's words are matched as words (all
of them, in any order; "quoted phrases" as phrases), never as query syntax, so a name like "al-Shaabi" or
a stray quote mark cannot break the query: on both engines "fighters -killed" finds the words "fighters"
and "killed" (a dash, "or", "and" are no operators). PostgreSQL matches English stems ("killed" finds
"kill") and ignores English stop words ("the", "or").

A query is cut to its first ``MAX_WORDS`` words (:func:`capped`): both engines take time growing with the
square of the query's words (a 10 KB query held a core for minutes), and since every word must occur,
leaving the rest out can only find more, never hide a match.
"""
from __future__ import annotations

import re
import shlex
import unicodedata
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from ledger.errors import LedgerError
from ledger.queries import find_source

OPEN, CLOSE = "[[", "]]"
SCOPES = ("all", "claims", "articles")
MAX_WORDS = 64
_WORD = re.compile(r"\w+")


def terms_of(words: str) -> list[str]:
    """The user's terms: words, and "quoted phrases" kept whole."""
    try:
        terms = shlex.split(words)
    except ValueError:  # an unbalanced quote: take the words as they are
        terms = words.replace('"', " ").split()
    terms = [t for t in terms if tokens(t)]
    if not terms:
        raise LedgerError("search for at least one word")
    return terms


def capped(words: str) -> tuple[str, int]:
    """The query cut to its first ``MAX_WORDS`` words, and how many words were left out (0: the query as
    given). A phrase is cut where the limit falls and stays a phrase."""
    terms = terms_of(words)
    total = sum(len(tokens(t)) for t in terms)
    if total <= MAX_WORDS:
        return words, 0
    kept, budget = [], MAX_WORDS
    for term in terms:
        pieces = []
        for piece in term.split():
            size = len(tokens(piece))
            if size > budget:
                break
            pieces.append(piece)
            budget -= size
        if pieces:
            kept.append(" ".join(pieces).replace('"', " "))
        if budget == 0 or len(pieces) < len(term.split()):
            break
    return " ".join(f'"{t}"' if " " in t else t for t in kept), total - MAX_WORDS


def fts5_query(words: str) -> str:
    """The user's words as an FTS5 query of quoted terms: every word (or "phrase") must occur."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms_of(words))


def websearch_words(words: str) -> str:
    """The user's words for PostgreSQL's ``websearch_to_tsquery``, each term quoted so that none is read as
    its syntax (``-word`` NOT, ``or``): every word (or "phrase") must occur, as on SQLite."""
    return " ".join('"' + t.replace('"', " ") + '"' for t in terms_of(words))


def tokens(text: str) -> list[str]:
    """Words as FTS5's default tokenizer sees them: letters and digits, case and accents folded."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return _WORD.findall(folded)


def holds(content: str, terms: list[str]) -> list[tuple[int, int]] | None:
    """Where each term (a word or a phrase) occurs in ``content`` as whole words; None if one does not."""
    words = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(content)]
    folded = [tokens(w)[0] if tokens(w) else "" for _, _, w in words]
    found = []
    for term in terms:
        wanted = tokens(term)
        hits = [i for i in range(len(folded) - len(wanted) + 1) if folded[i:i + len(wanted)] == wanted]
        if not hits:
            return None
        found += [(words[i][0], words[i + len(wanted) - 1][1]) for i in hits]
    return sorted(found)


def marked(content: str, spans: list[tuple[int, int]], width: int = 30) -> str:
    """A snippet of ``content`` around its first match, every match marked [[like this]]."""
    words = content.split()
    out, position = [], 0
    for start, end in spans:
        if start < position:
            continue
        out += [content[position:start], OPEN, content[start:end], CLOSE]
        position = end
    out.append(content[position:])
    text = "".join(out)
    if len(words) <= width:
        return text
    first = text.find(OPEN)
    left = text.rfind(" ", 0, max(0, first - 80)) + 1 if first > 80 else 0
    return ("…" if left else "") + text[left:left + 240].rstrip() + ("…" if left + 240 < len(text) else "")


def search(session: Session, words: str, source: str | None = None, event: int | None = None,
           since: date | None = None, until: date | None = None, scope: str = "all",
           limit: int = 50) -> list[dict[str, Any]]:
    """Claims and articles matching ``words``, best first, each with a snippet marked [[like this]]."""
    if scope not in SCOPES:
        raise LedgerError(f"search scope is one of {', '.join(SCOPES)}")
    if not words.replace('"', " ").strip():
        raise LedgerError("search for at least one word")
    words, _ = capped(words)
    params: dict[str, Any] = {"limit": limit, "since": since.isoformat() if since else None,
                              "until": until.isoformat() if until else None, "event": event,
                              "source": find_source(session, source).id if source else None}
    postgresql = session.get_bind().dialect.name == "postgresql"
    params["q"] = websearch_words(words) if postgresql else fts5_query(words)
    hits = []
    if scope in ("all", "claims"):
        hits += _claims_pg(session, params) if postgresql else _claims_sqlite(session, params, terms_of(words))
    if scope in ("all", "articles"):
        hits += [dict(kind="article", **row) for row in session.execute(
            text(_ARTICLES_PG if postgresql else _ARTICLES_SQLITE), params).mappings()]
    return hits


def _claims_pg(session: Session, params: dict) -> list[dict[str, Any]]:
    return [dict(kind="claim", **row) for row in session.execute(text(_CLAIMS_PG), params).mappings()]


def _claims_sqlite(session: Session, params: dict, terms: list[str]) -> list[dict[str, Any]]:
    """Claims of the matching articles (best article first) whose content holds every term."""
    hits = []
    for row in session.execute(text(_CLAIMS_SQLITE), params).mappings():
        spans = holds(row["content"], terms)
        if spans is not None:
            hit = {k: v for k, v in row.items() if k != "content"}
            hits.append(dict(kind="claim", **hit, snippet=marked(row["content"], spans)))
            if len(hits) == params["limit"]:
                break
    return hits


# Parameters are cast so that PostgreSQL knows their type when they are NULL.
_SINCE, _UNTIL = "CAST(:since AS VARCHAR(40))", "CAST(:until AS VARCHAR(40))"
_SOURCE, _EVENT = "CAST(:source AS INTEGER)", "CAST(:event AS INTEGER)"
_FILTERS = f"""
  AND ({_SINCE} IS NULL OR substr(a.published, 1, 10) >= {_SINCE})
  AND ({_UNTIL} IS NULL OR substr(a.published, 1, 10) <= {_UNTIL})"""
_CLAIM_FILTERS = _FILTERS + f"""
  AND ({_SOURCE} IS NULL OR c.source_id = {_SOURCE}) AND ({_EVENT} IS NULL OR c.event_id = {_EVENT})"""
_ARTICLE_FILTERS = _FILTERS + f"""
  AND ({_SOURCE} IS NULL OR EXISTS (SELECT 1 FROM claim c WHERE c.article_id = a.id AND c.source_id = {_SOURCE}))
  AND ({_EVENT} IS NULL OR EXISTS (SELECT 1 FROM claim c WHERE c.article_id = a.id AND c.event_id = {_EVENT}))"""
_CLAIM_COLUMNS = """c.id AS id, c.article_id AS article_id, s.name AS source, c.event_id AS event_id,
  a.outlet AS outlet, a.published AS published, a.title AS title"""
_ARTICLE_COLUMNS = """a.id AS id, a.id AS article_id, NULL AS source, NULL AS event_id, a.outlet AS outlet,
  a.published AS published, a.title AS title"""

_CLAIMS_SQLITE = f"""
SELECT {_CLAIM_COLUMNS}, c.content AS content
FROM article_fts JOIN article a ON a.id = article_fts.rowid
JOIN claim c ON c.article_id = a.id JOIN source s ON s.id = c.source_id
WHERE article_fts MATCH :q {_CLAIM_FILTERS}
ORDER BY bm25(article_fts), c.id"""
_ARTICLES_SQLITE = f"""
SELECT {_ARTICLE_COLUMNS}, snippet(article_fts, 1, '{OPEN}', '{CLOSE}', '…', 24) AS snippet
FROM article_fts JOIN article a ON a.id = article_fts.rowid
WHERE article_fts MATCH :q {_ARTICLE_FILTERS}
ORDER BY bm25(article_fts), a.id LIMIT :limit"""

_HEADLINE = f"'StartSel={OPEN}, StopSel={CLOSE}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…'"
_CLAIMS_PG = f"""
SELECT {_CLAIM_COLUMNS},
  ts_headline('english', c.content, websearch_to_tsquery('english', :q), {_HEADLINE}) AS snippet
FROM claim c JOIN article a ON a.id = c.article_id JOIN source s ON s.id = c.source_id
WHERE to_tsvector('english', c.content) @@ websearch_to_tsquery('english', :q) {_CLAIM_FILTERS}
ORDER BY ts_rank(to_tsvector('english', c.content), websearch_to_tsquery('english', :q)) DESC, c.id
LIMIT :limit"""
_ARTICLES_PG = f"""
SELECT {_ARTICLE_COLUMNS},
  ts_headline('english', a.text, websearch_to_tsquery('english', :q), {_HEADLINE}) AS snippet
FROM article a
WHERE to_tsvector('english', coalesce(a.title, '') || ' ' || a.text) @@ websearch_to_tsquery('english', :q)
  {_ARTICLE_FILTERS}
ORDER BY ts_rank(to_tsvector('english', coalesce(a.title, '') || ' ' || a.text),
                 websearch_to_tsquery('english', :q)) DESC, a.id
LIMIT :limit"""
