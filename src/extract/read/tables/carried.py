"""A table continued from the previous page: a headerless grid whose columns line up under the
carried table's takes their labels (columns under one carried column joined), a header the page
broke is continued label by label, and a first row of words under value columns ends their labels."""

from __future__ import annotations

from extract.model import normalise_space
from extract.read.kinds import classify_header
from extract.read.tables.cells import Grid, is_value_like, is_word_end
from extract.read.tables.headers import mend_label
from extract.read.tables.table_model import Column, Table


def lines_up(grid: Grid, carry: Table) -> bool:
    """A headerless grid continues the carried table when most of its columns sit under the
    carried table's columns (a blank-headed name column has no label to sit under)."""
    if not carry.columns or carry.columns[0].x0 is None:
        return False
    matched = sum(1 for x0, x1 in grid.columns if any(
        c.x0 is not None and c.x1 is not None and min(x1, c.x1) - max(x0, c.x0) > 0 for c in carry.columns))
    return matched >= 0.6 * len(grid.columns)


def carried_columns(grid: Grid, carry: Table, body: list[list[str]]) -> tuple[list[Column], list[list[str]]]:
    """The continuation's columns under the carried table's: each takes the label of the column
    it sits under, and columns under one carried column (`NA` left, figures right) are one."""
    hosts: list[int | None] = []
    for x0, x1 in grid.columns:
        overlaps = [(min(x1, c.x1 or 0.0) - max(x0, c.x0 or 0.0), k) for k, c in enumerate(carry.columns)]
        best, k = max(overlaps)
        hosts.append(k if best > 0 else None)
    _host_figures_right_of_labels(grid, carry, body, hosts)
    groups: list[list[int]] = []
    for i, host in enumerate(hosts):
        if groups and host is not None and hosts[groups[-1][0]] == host:
            groups[-1].append(i)
        else:
            groups.append([i])
    # a carried column no column here sits under stays, empty: the table keeps its columns (a
    # figure one column off, as the carried rows had it, can then be moved back into it)
    slots: list[tuple[float, int | None, list[int]]] = [
        (grid.columns[group[0]][0], hosts[group[0]], group) for group in groups]
    slots += [(c.x0 or 0.0, k, []) for k, c in enumerate(carry.columns) if k not in hosts]
    slots.sort(key=lambda s: s[0])
    columns = []
    for n, (_, host, group) in enumerate(slots):
        hosted = carry.columns[host] if host is not None else None
        if group:
            x0, x1 = grid.columns[group[0]][0], grid.columns[group[-1]][1]
        else:
            x0, x1 = (hosted.x0, hosted.x1) if hosted is not None else (None, None)
        if hosted is None:
            columns.append(Column(n, "", classify_header(""), x0, x1))
        else:
            columns.append(Column(n, hosted.label, hosted.meaning, x0, x1))
    rows = [[normalise_space(" ".join(row[i] for i in group if row[i])) for _, _, group in slots] for row in body]
    return columns, rows


def _host_figures_right_of_labels(grid: Grid, carry: Table, body: list[list[str]], hosts: list[int | None]) -> None:
    """A column under no carried label, ending before the next label begins, whose rows never
    fill it and the columns under the label left of it both: that label's right-aligned
    figures (labels set left in their cells). Sets its host in place."""
    starts = [c.x0 or 0.0 for c in carry.columns]
    for i, (x0, x1) in enumerate(grid.columns):
        left = [k for k, s in enumerate(starts) if s <= x0]
        if hosts[i] is not None or not left:
            continue
        k = left[-1]
        if k + 1 < len(starts) and x1 > starts[k + 1]:
            continue
        under = [j for j, h in enumerate(hosts) if h == k]
        if under and not any(row[i] and any(row[j] for j in under) for row in body):
            hosts[i] = k


def header_continued(grid: Grid, carry: Table, labels: list[str]) -> list[str]:
    """Each label under the carried header's column it sits under, that label's top first. A
    top wider than its column (`Data obtained from:` reaching over `Tolerance`) heads only the
    column its middle is in, unless it heads several labelled columns here (a group label).
    The carried header repeated whole here (most labels the same) is not continued."""
    carried = {mend_label(c.label).lower() for c in carry.columns if c.label}
    if sum(1 for t in labels if t and mend_label(t).lower() in carried) * 2 > sum(1 for t in labels if t):
        return labels
    out = []
    for i, ((x0, x1), label) in enumerate(zip(grid.columns, labels, strict=True)):
        overlaps = [(min(x1, c.x1 or 0.0) - max(x0, c.x0 or 0.0), c.label, c) for c in carry.columns]
        best, top, host = max(overlaps, key=lambda o: (o[0], o[1]))
        if best > 0 and label and _top_elsewhere(grid, labels, host, i):
            best = 0.0
        if best <= 0 or not label:
            out.append(label or (top if best > 0 else ""))
            continue
        joiner = "" if top[-1:].isalpha() and is_word_end(label.split()[0]) else " "
        out.append(normalise_space(f"{top}{joiner}{label}"))
    return out


def _top_elsewhere(grid: Grid, labels: list[str], host: Column, i: int) -> bool:
    """The carried label reaches over column i and others, heads one labelled column here at
    most, and its middle is in another column than i."""
    x0, x1 = host.x0 or 0.0, host.x1 or 0.0
    under = [k for k, (a, b) in enumerate(grid.columns) if min(x1, b) - max(x0, a) > 0]
    if len(under) < 2 or sum(1 for k in under if labels[k]) > 1:
        return False
    middle = (x0 + x1) / 2
    home = min(under, key=lambda k: max(grid.columns[k][0] - middle, middle - grid.columns[k][1], 0.0))
    return home != i


def header_foot(
    columns: list[Column], body: list[list[str]], contexts: list[str], carry: Table
) -> tuple[list[Column], list[list[str]], list[str]]:
    """The foot of a header the page broke (`Result 12 Months` over `Ago` on the next page):
    a first row of words, no figures, only under value columns, ends their labels - on the
    carried table too. The end of a broken row sits under its name or comment instead."""
    if not body or not any(body[0]):
        return columns, body, contexts
    first = body[0]
    filled = [c for c in columns if first[c.index]]
    if any(c.role != "value" or is_value_like(first[c.index]) for c in filled):
        return columns, body, contexts
    out = list(columns)
    for col in filled:
        label = normalise_space(f"{col.label} {first[col.index]}")
        out[col.index] = Column(col.index, label, classify_header(label), col.x0, col.x1)
        for k, host in enumerate(carry.columns):
            if host.label == col.label and host.role == "value":
                carry.columns[k] = Column(host.index, label, classify_header(label), host.x0, host.x1)
    return out, body[1:], contexts[1:]
