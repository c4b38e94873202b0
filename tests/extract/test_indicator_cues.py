"""The indicator cue file: typed rules, checked on load."""

from pathlib import Path

import pytest

from regiondev._extract.indicator_cues import IndicatorCode, indicator_cues, load
from regiondev._extract.rulefile import RuleFileError


def test_the_shipped_rules_load_in_file_order() -> None:
    cues = indicator_cues()
    first = cues.rules[0]
    assert first.cue == "两年平均增长" and first.subject_before == 12
    gdp = next(r for r in cues.rules if r.cue.startswith("地区生产总值"))
    assert IndicatorCode("level", "cny_100m", "gdp") in gdp.codes
    assert "投资" in cues.other_subject and "利润" in cues.nominal


def _write(tmp_path: Path, rule: str, measure: str = "profit") -> Path:
    path = tmp_path / "indicator_cues.toml"
    path.write_text(
        rule
        + "\n[subjects]\nother = ['出口']\nother_counted = '企业'\nclause_own = ['产值']\n"
        + "month_on_month = ['环比']\n[basis]\nnominal = ['利润']\nreal = ['GDP']\n"
        + f"[counted]\nnot_first = '以'\n[measure]\n{measure} = ['利润']\n",
        encoding="utf-8",
    )
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "[[rule]]\ncue = '利润'\ncodes = [{kind='level', unit='cny_100m', code='p'}]"
    )
    assert load(path).rules[0].codes == (IndicatorCode("level", "cny_100m", "p"),)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("[[rule]]\ncue = '利润('\ncodes = []", r"\[\[rule\]\] 1 field 'cue' is not a valid"),
        ("[[rule]]\ncue = '利润'\ncodes = []", r"\[\[rule\]\] 1 \('利润'\) field 'codes'"),
        (
            "[[rule]]\ncue = '利润'\ncodes = [{kind='level', unit='yuan', code='p'}]",
            r"field 'codes' item 1 field 'unit': 'yuan' is no unit",
        ),
        (
            "[[rule]]\ncue = '利润'\ncodes = [{kind='amount', unit='usd', code='p'}]",
            r"field 'kind': 'amount' is none of",
        ),
        (
            "[[rule]]\ncue = '利润'\nsubject_before = -1\n"
            "codes = [{kind='level', unit='usd', code='p'}]",
            r"field 'subject_before' must be a whole number",
        ),
    ],
)
def test_a_bad_rule_names_the_file_record_and_field(
    tmp_path: Path, rule: str, message: str
) -> None:
    path = _write(tmp_path, rule)
    with pytest.raises(RuleFileError, match=message) as err:
        load(path)
    assert str(path) in str(err.value)


def test_measures_are_regiondevs_own(tmp_path: Path) -> None:
    rule = "[[rule]]\ncue = '利润'\ncodes = [{kind='level', unit='usd', code='p'}]"
    assert load(_write(tmp_path, rule)).measure == (("profit", ("利润",)),)
    with pytest.raises(RuleFileError, match=r"\[measure\] field 'profits' is no measure"):
        load(_write(tmp_path, rule, measure="profits"))
