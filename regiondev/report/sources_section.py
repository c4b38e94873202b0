"""Sources: the news texts, their damaged runs, and a viewer per text with every figure marked."""

from __future__ import annotations

from typing import Any

from regiondev._catalog import Catalog
from regiondev.formatting import (
    region_label,
)
from regiondev.report.blocks import (
    Block,
    Section,
    _Ctx,
    _detail_html,
    _text,
)
from regiondev.report.i18n import t
from regiondev.results import Cell, Table
from regiondev.translations import translate

# ---------------------------------------------------------------------------------------------
# Sources

_NUMBER_WORDS = (
    "No",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
)


def _count(n: int, noun: str) -> str:
    """``Five news reports``, ``One news report``: a count in words up to twelve, then digits."""
    word = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
    return f"{word} {noun if n == 1 else noun + 's'}"


def _sources_intro(cat: Catalog) -> str:
    """What the news sources are, worded from the catalog: how many, shipped or the user's,
    with a text file or cited by URL, in which scripts."""
    from regiondev._sources import load_sources

    shipped = {s.id for s in load_sources()}
    news = [s for s in cat.sources if s.kind == "news"]
    own = sorted(s.id for s in news if s.id not in shipped)
    texts = [s for s in news if s.path]
    traditional = sum(1 for s in texts if s.script == "traditional")
    if not own:
        head = _count(len(news), "Chinese news report")
        where = ""
    else:
        head = _count(len(news), "Chinese news source")
        mine = ", ".join(f"`{i}`" for i in own)
        where = (
            f" ({len(news) - len(own)} shipped with regiondev; {len(own)} from user catalogs: "
            f"{mine})"
        )
    if len(texts) == len(news):
        kept = "kept byte-identical"
    else:
        kept = (
            f"{len(news) - len(texts)} cited by URL only (no text file); the {len(texts)} with "
            "a text file kept byte-identical"
        )
    if traditional:
        cleaning = (
            "pinyin annotations removed, traditional characters converted to simplified with "
            f"OpenCC ({traditional} of the texts {'is' if traditional == 1 else 'are'} in "
            "traditional characters)"
        )
    else:
        cleaning = "pinyin annotations removed (every text is in simplified characters)"
    reference = [s for s in cat.sources if s.kind != "news"]
    kinds = sorted({s.kind for s in reference} - {"reference"})
    besides = ""
    if reference:
        what = _count(len(reference), "reference source").lower()
        of_kind = f" of kind {', '.join(kinds)}" if kinds else ""
        verb = "is" if len(reference) == 1 else "are"
        besides = (
            f" Besides them, {what}{of_kind} ({', '.join(sorted(s.id for s in reference))}) "
            f"{verb} listed at the end of this section: reference data, not claims of the news "
            "texts."
        )
    return (
        f"{head}{where}, {kept} (sha256 verified on every load) and cleaned at load time: "
        f"{cleaning}. Open a text below to read it with every cataloged figure highlighted: a "
        f"highlighted figure links to its record in Appendix A, and the record links back.{besides}"
    )


def _sources_section(ctx: _Ctx) -> Section:
    import html as _html

    from regiondev._sources import clean_text
    from regiondev.report.provenance import source_viewer

    lang = ctx.lang
    cat = ctx.cat
    news = sorted((s for s in cat.sources if s.kind == "news"), key=lambda s: s.id)
    intro = _sources_intro(cat) if lang == "en" else t("sources_intro", lang, n=len(news))
    rows, details = [], []
    for s in news:
        rows.append(
            (
                Cell(s.id, href=f"#src-{s.id}" if s.path else ""),
                Cell(translate(s.title, lang)),
                Cell(translate(s.outlet, lang)),
                Cell(translate(s.published, lang) or "–"),
                Cell(region_label(s.region, lang)),
            )
        )
        details.append(
            _detail_html(
                "; ".join(
                    x
                    for x in (
                        f"sha256 {s.sha256}" if s.sha256 else "",
                        translate(s.date_evidence, lang),
                        s.url,
                    )
                    if x
                ),
                "",
            )
        )
    blocks: list[Block] = [
        _text(intro),
        Block(
            "table",
            table=Table(
                t("t_sources", lang),
                (
                    t("col_id", lang),
                    t("col_title", lang),
                    t("col_outlet", lang),
                    t("col_published", lang),
                    t("col_region", lang),
                ),
                tuple(rows),
                details=tuple(details),
                extra={"details_label": t("details", lang)},
            ),
        ),
    ]
    runs = []
    for s in news:
        if not s.path:
            continue
        for d in clean_text(s).damaged:
            runs.append(
                t(
                    "damaged_run",
                    lang,
                    id=s.id,
                    a=d.clean_start,
                    b=d.clean_end,
                    ra=d.raw_start,
                    rb=d.raw_end,
                    raw=d.raw,
                    note=d.repair_note if lang == "en" else _repair_note_zh(d),
                )
            )
    blocks.append(
        _text(f"**{t('damaged', lang)}**\n\n" + ("\n".join(runs) if runs else t("none", lang)))
    )
    for s in news:
        if not s.path:
            continue
        blocks.append(
            Block(
                "source",
                html=source_viewer(cat, s.id),
                title=f"{s.id} · {_html.unescape(translate(s.title, lang))}",
                anchor=f"src-{s.id}",
            )
        )
    reference = tuple(s for s in cat.sources if s.kind != "news")
    if reference:
        blocks.append(
            Block(
                "table",
                table=Table(
                    t("t_reference", lang),
                    (
                        t("col_id", lang),
                        t("col_kind", lang),
                        t("col_published", lang),
                        t("col_title", lang),
                    ),
                    tuple(
                        (
                            Cell(s.id),
                            Cell(t(f"kind_{s.kind}", lang)),
                            Cell(translate(s.published, lang) or "–"),
                            Cell(translate(s.title, lang)),
                        )
                        for s in sorted(reference, key=lambda s: s.id)
                    ),
                    details=tuple(
                        _detail_html(
                            "; ".join(x for x in (translate(s.outlet, lang), s.url, s.sha256) if x),
                            "",
                        )
                        for s in sorted(reference, key=lambda s: s.id)
                    ),
                    extra={"details_label": t("details", lang)},
                ),
            )
        )
    return Section("sources", t("sources", lang), tuple(blocks))


def _repair_note_zh(d: Any) -> str:
    """``text.DamagedRun.repair_note`` in Chinese: how a byte-damaged run repairs, if it does."""
    from regiondev.text import to_simplified

    if "\ufffd" in d.raw:
        return t("repair_unreadable", "zh")
    if not d.repaired:
        return t("repair_none", "zh")
    simplified = to_simplified(d.repaired)
    shown = f"…{d.repaired}"
    if simplified != d.repaired:
        shown += t("repair_simplified", "zh", text=simplified)
    return t("repair_to", "zh", shown=shown)
