"""Report figures: seaborn in one fixed theme, English labels, PNG without date metadata."""

from __future__ import annotations

import io
import math
from typing import Any

__all__ = [
    "FIGURE_DPI",
    "catalog_figure",
    "clusters_figure",
    "growth_figure",
    "png_bytes",
    "verdicts_figure",
]

FIGURE_DPI = 110
_WIDTH = 8.0


def _theme() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import seaborn as sns

    sns.set_theme(context="notebook", style="whitegrid", palette="colorblind", font="DejaVu Sans")
    plt.rcParams.update({"svg.hashsalt": "regiondev", "figure.dpi": FIGURE_DPI})
    return plt


def png_bytes(fig: Any) -> bytes:
    """Render a figure to PNG bytes with no date or software metadata (reproducible)."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=FIGURE_DPI, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def catalog_figure(frame: Any) -> bytes:
    """Records by region and status (counts), one bar group per region."""
    plt = _theme()
    import seaborn as sns

    counts = frame.group_by(["region", "status"]).len().sort(["region", "status"])
    fig, ax = plt.subplots(figsize=(_WIDTH, 3.2))
    sns.barplot(
        x=counts["region"].to_list(),
        y=counts["len"].to_list(),
        hue=counts["status"].to_list(),
        ax=ax,
    )
    ax.set_xlabel("region")
    ax.set_ylabel("catalog records (figures)")
    ax.set_title("Cataloged figures by region: actuals and targets")
    ax.legend(title="status")
    return png_bytes(fig)


def growth_figure(frame: Any) -> bytes:
    """Required growth per target with its interval, and the growth on record where known.

    Level targets show the CAGR they require (nominal, between levels); growth-rate targets
    show the printed target rate. Each growth on record is labelled with its basis and period.
    """
    plt = _theme()

    rows = [r for r in frame.iter_rows(named=True) if r.get("required_cagr") is not None]
    height = max(2.6, 0.8 * len(rows) + 1.6)
    fig, ax = plt.subplots(figsize=(_WIDTH, height))
    if not rows:
        ax.text(0.5, 0.5, "No target has a usable baseline", ha="center", va="center")
        ax.set_axis_off()
        return png_bytes(fig)
    labels = []
    seen: set[str] = set()

    def once(label: str) -> str | None:
        if label in seen:
            return None
        seen.add(label)
        return label

    for i, r in enumerate(rows):
        y = len(rows) - 1 - i
        point = 100 * r["required_cagr"]
        low, high = r.get("required_cagr_low"), r.get("required_cagr_high")
        lo = 100 * low if low is not None and math.isfinite(low) else point
        hi = 100 * high if high is not None and math.isfinite(high) else point
        is_rate = r.get("measure") == "growth_rate"
        label = (
            "target growth rate (as printed)"
            if is_rate
            else "required CAGR between levels (nominal), with interval"
        )
        ax.errorbar(
            [point],
            [y],
            xerr=[[point - lo], [hi - point]],
            fmt="s" if is_rate else "o",
            color="#0173b2",
            capsize=7,
            markersize=7,
            label=once(label),
        )
        ax.annotate(
            f"{point:.2f}%",
            (point, y),
            xytext=(0, 9),
            textcoords="offset points",
            ha="center",
            fontsize="small",
            color="#0173b2",
        )
        hist = r.get("historical_growth")
        if hist is not None:
            basis = r.get("historical_basis") or "basis?"
            ax.plot(
                [100 * hist],
                [y],
                "D",
                color="#de8f05",
                markersize=7,
                label=once("growth on record"),
            )
            note = f"{100 * hist:.1f}% {basis}, {r.get('historical_period') or ''}".strip(", ")
            if r.get("classification") == "basis_differs":
                note += " (basis differs)"
            ax.annotate(
                note,
                (100 * hist, y),
                xytext=(0, -14),
                textcoords="offset points",
                ha="center",
                fontsize="x-small",
                color="#b36b00",
            )
        labels.append(f"{r['region']} · {r['indicator']} · {r['target_period']}")
    ax.set_yticks(range(len(rows) - 1, -1, -1), labels)
    ax.set_ylim(-0.8, len(rows) - 0.2)
    ax.set_xlabel("annual growth, %")
    ax.set_title("Growth each target requires, against the growth on record")
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, fontsize="small", frameon=False
    )
    return png_bytes(fig)


def clusters_figure(parts: list[tuple[str, list[str], list[float]]]) -> bytes:
    """One bar panel per partition: (title, labels, percents)."""
    plt = _theme()
    import seaborn as sns

    n = max(1, len(parts))
    fig, axes = plt.subplots(1, n, figsize=(_WIDTH + 1.5, 3.4), squeeze=False)
    for ax, (title, labels, values) in zip(axes[0], parts, strict=False):
        sns.barplot(x=values, y=labels, ax=ax, color="#029e73", orient="h")
        ax.set_title(title, fontsize="medium")
        ax.set_xlabel("% of the 45 clusters")
        ax.set_ylabel("")
        for i, v in enumerate(values):
            ax.text(v, i, f" {v:.1f}%", va="center", fontsize="small")
    fig.tight_layout()
    return png_bytes(fig)


def lq_figure(labels: list[str], values: list[float], reference: str) -> bytes:
    """Location quotients with the proportionality line at 1."""
    plt = _theme()
    import seaborn as sns

    fig, ax = plt.subplots(figsize=(_WIDTH, 2.8))
    sns.barplot(x=values, y=labels, ax=ax, color="#cc78bc", orient="h")
    ax.axvline(1.0, color="black", linewidth=1, linestyle="--")
    ax.set_xlabel(f"location quotient (share of clusters / share of {reference}); 1 = proportional")
    ax.set_ylabel("")
    ax.set_title("Clusters against economic weight, by macro-region")
    for i, v in enumerate(values):
        ax.text(v, i, f" {v:.2f}", va="center", fontsize="small")
    return png_bytes(fig)


def verdicts_figure(statuses: list[str]) -> bytes:
    """How many consistency checks ended in each status."""
    plt = _theme()
    import seaborn as sns

    order = ["pass", "warn", "fail", "not_comparable", "not_checkable"]
    counts = [statuses.count(s) for s in order]
    fig, ax = plt.subplots(figsize=(_WIDTH, 2.6))
    sns.barplot(x=order, y=counts, ax=ax, color="#56b4e9")
    ax.set_ylabel("checks")
    ax.set_title("Consistency verdicts")
    for i, c in enumerate(counts):
        ax.text(i, c, str(c), ha="center", va="bottom")
    return png_bytes(fig)
