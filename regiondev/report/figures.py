"""Report charts that say something: matplotlib only (no seaborn import), SVG, reproducible.

Every chart has a title that states its finding, human labels with units, and a source line.
Labels come in from the caller already in the report's language; this module only draws. A
CJK font (Noto Sans CJK or WenQuanYi Micro Hei, from Debian's fonts-noto-cjk /
fonts-wqy-microhei) is put first for Chinese, so no glyph is a tofu box; SVG text is drawn
as paths, so the chart needs no font in the reader's browser. Output is byte-identical for
the same input: a fixed ``svg.hashsalt``, no date or creator metadata.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Bar",
    "Dot",
    "Interval",
    "bar_chart",
    "interval_chart",
    "svg_bytes",
    "trajectory_chart",
]

_WIDTH = 8.6
_BLUE, _ORANGE, _RED, _GREEN, _GREY, _PURPLE = (
    "#0173b2",
    "#de8f05",
    "#d55e00",
    "#029e73",
    "#7f7f7f",
    "#cc78bc",
)
#: Where an open interval ends on a symmetric-log deviation axis (in %).
_SYMLOG_EDGE = 300.0
_CJK_FONTS = ["Noto Sans CJK SC", "WenQuanYi Micro Hei", "Noto Sans CJK JP"]
#: Where Debian's fonts-noto-cjk and fonts-wqy-microhei put their files; matplotlib's font
#: cache may predate them (or skip .ttc collections), so they are registered explicitly.
_CJK_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
)


def _register_cjk() -> None:
    """Add the installed CJK fonts to matplotlib once (a missing file is skipped)."""
    import logging
    from pathlib import Path

    from matplotlib import font_manager

    # a font without a bold face (WenQuanYi) is a fallback, not an error worth a log line
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    known = {f.fname for f in font_manager.fontManager.ttflist}
    for path in _CJK_FILES:
        if path not in known and Path(path).exists():
            font_manager.fontManager.addfont(path)


def _plt(lang: str) -> Any:
    """pyplot with the report's fixed style (imported here: matplotlib is heavy)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    _register_cjk()
    fonts = [*_CJK_FONTS, "DejaVu Sans"] if lang == "zh" else ["DejaVu Sans", *_CJK_FONTS]
    plt.rcParams.update(
        {
            "svg.hashsalt": "regiondev",
            "svg.fonttype": "path",
            "font.family": "sans-serif",
            "font.sans-serif": fonts,
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "axes.grid.axis": "x",
            "grid.color": "#e5e5e5",
            "axes.edgecolor": "#999999",
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.unicode_minus": False,
            "axes.axisbelow": True,
            "legend.frameon": False,
        }
    )
    return plt


def svg_bytes(fig: Any) -> bytes:
    """The figure as SVG with no date or creator metadata (byte-identical on reruns)."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return buf.getvalue()


def _wrap(title: str, lang: str, width: int = 0) -> str:
    """A chart title on at most a few lines (CJK text is about twice as wide a character);
    Chinese breaks after a punctuation mark, never inside a number."""
    import textwrap

    width = width or (44 if lang == "zh" else 84)
    if len(title) <= width:
        return title
    if lang != "zh":
        return "\n".join(textwrap.wrap(title, width))
    cuts = [i + 1 for i, ch in enumerate(title) if ch in "，；：、。" and i + 1 < len(title)]
    if not cuts:
        return title
    cut = min(cuts, key=lambda i: abs(i - len(title) / 2))
    return title[:cut] + "\n" + title[cut:]


def _source(fig: Any, source: str) -> None:
    """The source line under the chart (kept in the picture by the tight bounding box)."""
    import textwrap

    text = "\n".join(textwrap.wrap(source, 150))
    fig.text(0.01, -0.02, text, fontsize=8, color=_GREY, ha="left", va="top")


def _finish(fig: Any, ax: Any, title: str, source: str, lang: str = "en") -> bytes:
    ax.set_title(_wrap(title, lang), loc="left")
    _source(fig, source)
    return svg_bytes(fig)


@dataclass(frozen=True)
class Interval:
    """A value with its interval on one row of an interval chart."""

    value: float
    low: float
    high: float
    label: str  # annotation next to the point
    kind: str  # legend entry
    color: str = _BLUE
    marker: str = "o"


@dataclass(frozen=True)
class Dot:
    """One row of an interval chart: a label and its intervals."""

    label: str
    items: tuple[Interval, ...]
    highlight: bool = False


def interval_chart(
    rows: Sequence[Dot],
    *,
    title: str,
    xlabel: str,
    source: str,
    lang: str = "en",
    zero_line: float | None = 0.0,
    band: tuple[float, float] | None = None,
    symlog: float | None = None,
) -> bytes:
    """Rows of points with intervals on one axis (required vs historical growth; implied vs
    stated values): an interval that misses another is visible at a glance."""
    plt = _plt(lang)
    height = max(2.4, 0.62 * len(rows) + 1.5)
    fig, ax = plt.subplots(figsize=(_WIDTH, height))
    seen: set[str] = set()
    n = len(rows)
    offsets = {0: [0.0], 1: [0.0], 2: [0.14, -0.14], 3: [0.2, 0.0, -0.2]}
    for i, row in enumerate(rows):
        y = n - 1 - i
        offs = offsets.get(len(row.items), [0.0] * len(row.items))
        for item, dy in zip(row.items, offs, strict=False):
            edge = _SYMLOG_EDGE if symlog is not None else item.value
            lo = item.low if math.isfinite(item.low) else (-edge if symlog else item.value)
            hi = item.high if math.isfinite(item.high) else edge
            label = None if item.kind in seen else item.kind
            seen.add(item.kind)
            ax.errorbar(
                [item.value],
                [y + dy],
                xerr=[[max(0.0, item.value - lo)], [max(0.0, hi - item.value)]],
                fmt=item.marker,
                color=item.color,
                capsize=5,
                markersize=7,
                label=label,
            )
            if not math.isfinite(item.high) and symlog is None:
                ax.annotate(
                    "",
                    xy=(item.value + 0.06 * (abs(item.value) + 1), y + dy),
                    xytext=(item.value, y + dy),
                    arrowprops={"arrowstyle": "->", "color": item.color},
                )
            ax.annotate(
                item.label,
                (item.value, y + dy),
                xytext=(7, 5),
                textcoords="offset points",
                fontsize=8.5,
                color=item.color,
            )
        if row.highlight:
            ax.axhspan(y - 0.45, y + 0.45, color=_RED, alpha=0.08, linewidth=0)
    ax.set_yticks(range(n - 1, -1, -1), [r.label for r in rows])
    ax.set_ylim(-0.7, n - 0.3)
    ax.grid(axis="y", visible=False)
    if band is not None:
        ax.axvspan(band[0], band[1], color=_GREEN, alpha=0.12, linewidth=0)
    if zero_line is not None:
        ax.axvline(zero_line, color=_GREY, linewidth=0.8)
    ax.set_xlabel(xlabel)
    ax.margins(x=0.18)
    if symlog is not None:
        from matplotlib.ticker import FixedLocator, FuncFormatter

        ax.set_xscale("symlog", linthresh=symlog)
        ax.set_xlim(-_SYMLOG_EDGE, _SYMLOG_EDGE)
        ticks = [-100.0, -10.0, -1.0, 0.0, 1.0, 10.0, 100.0]
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_minor_locator(FixedLocator([]))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:+g}" if v else "0"))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8.5)
    return _finish(fig, ax, title, source, lang)


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value, printed value and whether it is the highlighted one."""

    label: str
    value: float
    text: str
    highlight: bool = False


def bar_chart(
    panels: Sequence[tuple[str, Sequence[Bar]]],
    *,
    title: str,
    xlabel: str,
    source: str,
    lang: str = "en",
    reference: float | None = None,
    reference_label: str = "",
) -> bytes:
    """Horizontal bars in one or more panels (cluster shares; location quotients with the
    proportionality line at ``reference``)."""
    plt = _plt(lang)
    n = max(1, len(panels))
    rows = max(len(b) for _, b in panels) if panels else 1
    fig, axes = plt.subplots(1, n, figsize=(_WIDTH, 0.42 * rows + 1.6), squeeze=False)
    for ax, (name, bars) in zip(axes[0], panels, strict=False):
        ys = list(range(len(bars) - 1, -1, -1))
        colors = [_ORANGE if b.highlight else _BLUE for b in bars]
        ax.barh(ys, [b.value for b in bars], color=colors, height=0.62)
        ax.set_yticks(ys, [b.label for b in bars])
        ax.grid(axis="y", visible=False)
        for y, b in zip(ys, bars, strict=False):
            ax.annotate(
                b.text,
                (b.value, y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8.5,
            )
        if reference is not None:
            ax.axvline(reference, color="black", linewidth=1, linestyle="--")
            if reference_label:
                ax.annotate(
                    reference_label,
                    (reference, len(bars) - 0.5),
                    xytext=(3, 0),
                    textcoords="offset points",
                    fontsize=8,
                    color=_GREY,
                )
        if n > 1:
            ax.set_title(name, fontsize=10, fontweight="normal")
        ax.set_xlabel(xlabel)
        ax.margins(x=0.2)
    fig.suptitle(_wrap(title, lang), x=0.01, ha="left", fontsize=12, fontweight="bold")
    _source(fig, source)
    fig.tight_layout()
    return svg_bytes(fig)


@dataclass(frozen=True)
class Series:
    """One series of a trajectory chart: points (x, value, low, high)."""

    kind: str  # history | required_path | target | outcome | projection
    label: str
    points: tuple[tuple[float, float, float, float], ...]


def trajectory_chart(
    series: Sequence[Series],
    *,
    title: str,
    ylabel: str,
    source: str,
    lang: str = "en",
    xlabel: str = "",
) -> bytes:
    """A target against its trajectory: history with intervals, the required path (with its
    band), the target (an arrow up when it is a floor) and the outcome when known."""
    plt = _plt(lang)
    fig, ax = plt.subplots(figsize=(_WIDTH, 3.6))
    ax.grid(axis="y", visible=True)
    for s in series:
        xs = [p[0] for p in s.points]
        vs = [p[1] for p in s.points]
        los = [p[2] if math.isfinite(p[2]) else p[1] for p in s.points]
        his = [p[3] if math.isfinite(p[3]) else p[1] for p in s.points]
        if s.kind in ("history", "baseline"):
            floors = [p for p in s.points if not math.isfinite(p[3])]
            if floors:
                ax.plot(
                    [p[0] for p in floors],
                    [p[1] for p in floors],
                    "^",
                    color=_BLUE,
                    markersize=9,
                    label=s.label + (" (▲ a floor)" if lang == "en" else "（▲为下限）"),
                )
            pts = [p for p in s.points if math.isfinite(p[3])]
            if not pts:
                continue
            xs = [p[0] for p in pts]
            vs = [p[1] for p in pts]
            los = [p[2] for p in pts]
            his = [p[3] for p in pts]
            color = _BLUE if s.kind == "history" else _PURPLE
            ax.errorbar(
                xs,
                vs,
                yerr=[
                    [v - lo for v, lo in zip(vs, los, strict=True)],
                    [hi - v for v, hi in zip(vs, his, strict=True)],
                ],
                fmt="o-" if s.kind == "history" else "s",
                color=color,
                capsize=4,
                label=None if floors and s.kind == "history" else s.label,
            )
        elif s.kind == "required_path":
            ax.plot(xs, vs, "--", color=_ORANGE, label=s.label)
            ax.fill_between(xs, los, his, color=_ORANGE, alpha=0.15, linewidth=0)
        elif s.kind == "target":
            ax.plot(xs, vs, "*", color=_RED, markersize=14, label=s.label)
            for p in s.points:
                if not math.isfinite(p[3]):
                    ax.annotate(
                        "",
                        xy=(p[0], p[1] * 1.08),
                        xytext=(p[0], p[1]),
                        arrowprops={"arrowstyle": "->", "color": _RED},
                    )
        elif s.kind == "outcome":
            ax.errorbar(
                xs,
                vs,
                yerr=[
                    [v - lo for v, lo in zip(vs, los, strict=True)],
                    [hi - v for v, hi in zip(vs, his, strict=True)],
                ],
                fmt="D",
                color=_GREEN,
                capsize=4,
                markersize=8,
                label=s.label,
            )
        else:
            ax.plot(xs, vs, ":", color=_GREY, label=s.label)
            ax.fill_between(xs, los, his, color=_GREY, alpha=0.12, linewidth=0)
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.set_ylabel(ylabel)
    # x is the fractional-year axis of the tracker: 2021.0 is the end of 2020, where the
    # level of the year 2020 sits; a tick is labelled with the year that ends there
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{round(v) - 1}"))
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper left", fontsize=8.5)
    return _finish(fig, ax, title, source, lang)
