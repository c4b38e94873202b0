"""The status cues, read from ``data/status_cues.toml``: words of plans, of forecasts and of
what has happened, and the heading words that make a section targets or a review. The
resolver (``resolve_status``) combines them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from regiondev._extract.rulefile import DATA, pattern, patterns, read, section, text

__all__ = ["StatusCues", "load", "status_cues"]

_PATH = DATA / "status_cues.toml"


@dataclass(frozen=True, slots=True)
class StatusCues:
    """Everything the status resolver reads from the file (patterns, in file order)."""

    #: a word then a year (its one group): a target when the year is after the text's date
    year_target: str
    target: tuple[str, ...]
    #: a target met or progress towards it: a target word inside one is no cue
    achieved: tuple[str, ...]
    #: a plan's target reported: no target context after its sentence
    reported_plan: tuple[str, ...]
    #: right after a figure: a plan's target quoted
    quoted_target: tuple[str, ...]
    forecast: tuple[str, ...]
    actual_now: tuple[str, ...]
    done: tuple[str, ...]
    period_ahead: tuple[str, ...]
    strive: str
    firm: str
    heading_target: tuple[str, ...]
    year_work: tuple[str, ...]
    last_year: tuple[str, ...]
    this_year: tuple[str, ...]
    #: under a span of years: a stock or rate at the span's end (总数达到), not its flow
    stock_before: tuple[str, ...]
    #: under a span of years: a flow over the span (累计, 新增, 年均)
    flow_before: tuple[str, ...]
    #: a policy document: a title ending in one of these, or a line that is a document number
    policy_title: tuple[str, ...] = ()
    policy_number_line: tuple[str, ...] = ()
    #: a yearly report of the year before named in a sentence: the text reviews that year
    annual_report: tuple[str, ...] = ()
    #: after a period: since it began (十四五以来), no plan ahead
    since: str = ""
    #: a news lead's day of an event (its two groups: month and day)
    event_lead_day: str = ""


def load(path: Path = _PATH) -> StatusCues:
    """Read and check the status cue file."""
    data = read(path)
    sent = section(data, "sentence", path)
    pledge = section(data, "pledge", path)
    head = section(data, "heading", path)
    span = section(data, "span", path)
    s, p, h = f"{path}: [sentence]", f"{path}: [pledge]", f"{path}: [heading]"
    sp = f"{path}: [span]"
    policy = section(data, "policy", path)
    review = section(data, "review", path)
    po, rv = f"{path}: [policy]", f"{path}: [review]"
    event = section(data, "event", path)
    return StatusCues(
        year_target=pattern(sent, "year_target", s, groups=1),
        target=patterns(sent, "target", s),
        achieved=patterns(sent, "achieved", s),
        reported_plan=patterns(sent, "reported_plan", s),
        quoted_target=patterns(sent, "quoted_target", s),
        forecast=patterns(sent, "forecast", s),
        actual_now=patterns(sent, "actual_now", s),
        done=patterns(sent, "done", s),
        period_ahead=patterns(sent, "period_ahead", s),
        since=text(sent, "since", s),
        strive=text(pledge, "strive", p),
        firm=text(pledge, "firm", p),
        heading_target=patterns(head, "target", h),
        year_work=patterns(head, "year_work", h),
        last_year=patterns(head, "last_year", h),
        this_year=patterns(head, "this_year", h),
        stock_before=patterns(span, "stock_before", sp),
        flow_before=patterns(span, "flow_before", sp),
        policy_title=patterns(policy, "title", po),
        policy_number_line=patterns(policy, "number_line", po),
        annual_report=patterns(review, "annual_report", rv),
        event_lead_day=pattern(event, "lead_day", f"{path}: [event]", groups=2),
    )


@cache
def status_cues() -> StatusCues:
    """The shipped status cues (read once)."""
    return load()
