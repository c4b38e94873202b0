"""Drafts: a new text → draft catalog TOML → confirmed by a person → loads with --catalog."""

import tomllib
from pathlib import Path

import pytest

from regiondev._catalog import load_catalog
from regiondev._extract.drafts import write_drafts
from regiondev._extract.reading import ExtractInputError, read_document
from regiondev._extract.run import extract_document, extract_many
from regiondev.errors import CatalogError

NEW_TEXT = """长沙市制造业运行情况
发布时间:2023-05-10
今年一季度,长沙市规模工业增加值同比增长6.5%,增速居全省第3位。2022年,全市地区生产总值约14000亿元。
目前,全市共有国家级专精特新“小巨人”企业25家,1254家企业入选试点。力争到2025年,全市先进制造业集群产值突破3000亿元,数字经济占地区生产总值比重达到40%以上。
新增企业10家。另有企业10家。
联系电话:0731-58888888
"""


def _confirm(path: Path) -> None:
    """What a reviewer does: fill in the source, give real codes, confirm every record."""
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace('review = "draft"', 'review = "confirmed"')
        .replace('"draft_', '"mine_')  # the reviewer's own indicator codes
        .replace('"unknown (fill in)"', '"长沙晚报"')
        .replace('"undated (fill in)"', '"2023-05-10"')
        .replace('"no date found (fill in): where the date comes from"', '"printed at the end"')
        .replace('"(fill in): the part after 其中"', '"the part"'),
        encoding="utf-8",
    )


def _draft(tmp_path: Path, name: str, data: bytes) -> tuple[Path, Path]:
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "drafts" / "new.toml"
    write_drafts([extract_document(read_document(src))], out)
    return src, out


def test_round_trip_new_text_drafts_confirm_and_load(tmp_path: Path) -> None:
    _, out = _draft(tmp_path, "changsha_2023.txt", NEW_TEXT.encode("utf-8"))
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    obs = data["observation"]
    assert all(o["review"] == "draft" for o in obs)
    figures = [o["figure"] for o in obs]
    assert figures == [
        "6.5%",
        "第3位",
        "约14000亿元",
        "25家",
        "1254家",
        "突破3000亿元",
        "达到40%以上",
        "10家",
        "10家",
    ]
    source = data["source"][0]
    assert source["file"] == "../changsha_2023.txt" and source["published"] == "2023-05-10"
    # drafts are refused until a person confirms them
    with pytest.raises(CatalogError, match=r"draft"):
        load_catalog(extra=[out])
    _confirm(out)
    cat = load_catalog(extra=[out])
    mine = [o for o in cat.observations if o.source == source["id"]]
    assert len(mine) == len(obs)
    by = {o.figure + o.quote[:4]: o for o in mine}
    growth = next(o for o in mine if o.figure == "6.5%")
    assert (growth.indicator, str(growth.period), growth.basis.value) == (
        "industrial_va_growth",
        "2023Q1-Q1",
        "real",
    )
    target = next(o for o in mine if o.figure == "突破3000亿元")
    assert (target.status.value, str(target.period), target.aspirational) == (
        "target",
        "2025",
        True,
    )
    assert target.bound.value == "more_than" and target.low == 3000
    assert by  # every record validated: quote found once, figure parsed to value/unit/bound
    # the repeated sentence-internal figure 10家 needed a longer, unique quote
    tens = [o for o in mine if o.figure == "10家"]
    assert len({o.quote for o in tens}) == 2


def test_drafted_source_passes_the_audit(tmp_path: Path) -> None:
    from regiondev._audit import audit

    _, out = _draft(tmp_path, "a.txt", NEW_TEXT.encode("utf-8"))
    _confirm(out)
    result = audit(load_catalog(extra=[out]))
    assert [e for e in result.unaccounted() if e.source == "a"] == []


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_non_utf8_input_gets_a_utf8_copy_that_loads(tmp_path: Path, encoding: str) -> None:
    import opencc

    text = NEW_TEXT.replace("“小巨人”", "小巨人")
    if encoding == "big5":
        text = opencc.OpenCC("s2tw").convert(text)  # Big5 holds traditional characters
    _, out = _draft(tmp_path, f"doc_{encoding}.txt", text.encode(encoding))
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    source = data["source"][0]
    assert source["file"].startswith("new.texts/")
    assert source["original_encoding"].startswith(encoding[:3])
    _confirm(out)
    assert load_catalog(extra=[out]).source(source["id"]).sha256 == source["sha256"]


def test_html_and_jsonl_inputs_draft_and_load(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = NEW_TEXT.replace("\n", "</p><p>")
    page.write_text(f"<html><script>x=1</script><body><p>{body}</p></body></html>", "utf-8")
    jl = tmp_path / "docs.jsonl"
    import json

    jl.write_text(
        json.dumps({"id": "J-1", "text": NEW_TEXT, "date": "2023-05-10"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "d.toml"
    summary = write_drafts(extract_many([page, jl], jobs=1, keep_text=True), out)
    assert summary.sources == 2 and len(summary.texts) == 2
    _confirm(out)
    cat = load_catalog(extra=[out])
    assert {"page", "j-1"} <= {s.id for s in cat.sources}


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "d.toml"
    out.write_text("# mine\n", encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text(NEW_TEXT, encoding="utf-8")
    res = [extract_document(read_document(src))]
    with pytest.raises(ExtractInputError, match=r"already exists.*--force"):
        write_drafts(res, out)
    assert out.read_text(encoding="utf-8") == "# mine\n"
    # --force replaces only a drafts file regiondev wrote, never the user's own file
    with pytest.raises(ExtractInputError, match="not written by regiondev"):
        write_drafts(res, out, force=True)
    assert out.read_text(encoding="utf-8") == "# mine\n"
    out.unlink()
    write_drafts(res, out)
    first = out.read_text(encoding="utf-8")
    write_drafts(res, out, force=True)
    assert "[[observation]]" in out.read_text(encoding="utf-8") == first
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


UNRELATED = """长沙市社会事业情况
发布时间:2023-05-10
2022年,全市森林覆盖率为30%,全市粮食产量300亿元,新增博物馆5家,新增医院5家。
力争到2025年,全市高校毕业生留长比例达到60%以上,全市旅游收入突破600亿元。
"""


def test_unguessed_figures_get_one_placeholder_each_and_are_never_compared(
    tmp_path: Path,
) -> None:
    # Two shares (森林覆盖率 30 %, a 2025 target for 留长比例 60 %), two amounts (grain 300,
    # a 2025 target for tourism > 600 亿元) and two counts (5 museums, 5 hospitals): no cue
    # names a known indicator. One placeholder per (kind, unit) would make growth compare the
    # grain output with the tourism target (CAGR (600/300)^(1/3) − 1) and the forest cover with
    # the graduates' share, and the consistency checks call 5 museums and 5 hospitals the same
    # figure repeated. One placeholder per figure compares nothing.
    from regiondev.analysis.consistency import discover
    from regiondev.analysis.growth import growth

    _, out = _draft(tmp_path, "social.txt", UNRELATED.encode("utf-8"))
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    obs = data["observation"]
    assert [o["figure"] for o in obs] == [
        "30%",
        "300亿元",
        "5家",
        "5家",
        "达到60%以上",
        "突破600亿元",
    ]
    codes = [o["indicator"] for o in obs]
    assert codes == [f"draft_social_{k:03d}" for k in range(1, 7)]  # one per record, d001…d006
    placeholders = {i["code"]: i for i in data["indicator"]}
    assert set(placeholders) == set(codes)
    assert all(i["name_en"].startswith("unreviewed indicator (") for i in placeholders.values())
    assert "森林覆盖率" in placeholders["draft_social_001"]["name_en"]  # its cue words

    _confirm(out)
    cat = load_catalog(extra=[out])
    mine = {o.id for o in cat.observations if o.source == "social"}
    assert len(mine) == 6
    rows = [r for r in growth(cat).rows if r.target_id in mine]
    assert len(rows) == 2  # the two targets, each on its own
    for r in rows:
        assert set(r.observation_ids) & mine <= {r.target_id}
        assert not r.baseline_ids and not r.historical_ids
    for rule in discover(cat):
        used = {i for ids in rule.roles.values() for i in ids} & mine
        assert len(used) <= 1, rule.id


def test_an_actual_dadao_figure_is_drafted_exact_a_target_stays_at_least(tmp_path: Path) -> None:
    text = (
        "标题\n发布时间:2023-12-20\n"
        "2023年,长沙市先进制造业增加值占比达到62.5%,规上企业达到18个。"
        "到2025年,利润总额达到1000亿元。\n"
    )
    _, out = _draft(tmp_path, "reach.txt", text.encode("utf-8"))
    recs = {r["figure"]: r for r in tomllib.loads(out.read_text("utf-8"))["observation"]}
    # 达到 in a report of what happened: the level reached, exact at its printed precision
    assert recs["62.5%"]["bound"] == "exact" and recs["62.5%"]["value"] == 62.5
    assert "level already reached" in recs["18个"]["note"]
    # 达到 in a target: at least
    assert recs["达到1000亿元"]["bound"] == "at_least"
    _confirm(out)
    cat = load_catalog(extra=[out])
    assert {o.figure for o in cat.observations} >= {"62.5%", "18个", "达到1000亿元"}


def test_a_figure_about_another_place_is_not_moved_to_the_texts_region(tmp_path: Path) -> None:
    text = (
        "标题\n发布时间:2023-02-01\n"
        "2022年,株洲市规模工业增加值增长7.5%。湘潭市规模工业增加值增长12%。\n"
    )
    _, out = _draft(tmp_path, "zz.txt", text.encode("utf-8"))
    recs = {r["figure"]: r for r in tomllib.loads(out.read_text("utf-8"))["observation"]}
    assert recs["7.5%"]["region"] == "zhuzhou"
    assert recs["12%"]["region"] == "湘潭" and "set region to one of" in recs["12%"]["note"]
    _confirm(out)
    with pytest.raises(CatalogError, match="region"):
        load_catalog(extra=[out])


def test_a_new_count_target_is_drafted_as_an_increment(tmp_path: Path) -> None:
    text = (
        "标题\n发布时间:2022-03-01\n"
        "到2025年,全市新增高新技术企业500家,规模工业增加值达到3000亿元。\n"
    )
    _, out = _draft(tmp_path, "plan.txt", text.encode("utf-8"))
    recs = {r["figure"]: r for r in tomllib.loads(out.read_text("utf-8"))["observation"]}
    assert recs["500家"]["increment"] is True and "increment" in recs["500家"]["note"]
    assert "increment" not in recs["达到3000亿元"]


MONEY = """株洲市2023年统计公报
发布时间:2024-03-28
2023年,株洲市第一产业增加值272.4亿元,增长3.9%。按常住人口计算,株洲市人均地区生产总值98562元。
株洲市实际使用外资1.86亿美元,进出口总额542.8亿元,其中出口总额398.6亿元。
株洲市规模以上工业企业实现营业收入4305.6亿元。株洲市人均可支配收入4.5万元。株洲市工业投资300亿元。
株洲市外资企业利润1.2亿美元。株洲市地区生产总值约500亿美元。株洲市对东盟贸易额2.5亿美元。
株洲市粮食300亿元。
"""


def test_a_placeholders_measure_comes_from_the_words_before_the_figure(tmp_path: Path) -> None:
    _, out = _draft(tmp_path, "money.txt", MONEY.encode("utf-8"))
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    measure = {i["code"]: i["measure"] for i in data["indicator"]}
    # each figure with the two characters before it (the two 300亿元 told apart)
    got = {
        o["quote"].split(o["figure"])[0][-2:] + o["figure"]: measure[o["indicator"]]
        for o in data["observation"]
    }
    assert got == {
        "加值272.4亿元": "value_added",  # 第一产业增加值
        "增长3.9%": "growth_rate",
        "总值98562元": "per_capita",  # 人均地区生产总值: 人均 is named
        "外资1.86亿美元": "investment",  # 实际使用外资: dollars, but no 人均: not per capita
        "总额542.8亿元": "gross_output",  # 进出口总额
        "总额398.6亿元": "gross_output",  # 出口总额
        "收入4305.6亿元": "gross_output",  # 营业收入
        "收入4.5万元": "per_capita",  # 人均可支配收入
        "投资300亿元": "investment",  # 工业投资
        "利润1.2亿美元": "profit",  # 利润 in dollars: no shipped indicator in usd
        "总值约500亿美元": "gdp",  # 地区生产总值 in dollars
        "易额2.5亿美元": "gross_output",  # no word names it: the fallback, never per capita
        "粮食300亿元": "gross_output",  # no word names it: the fallback for 亿元
    }


NEW_ONES = """株洲市专精特新企业发展情况
发布时间:2024-01-15
到2025年,株洲市新增国家级专精特新“小巨人”企业50家以上,新增规模以上工业企业1000家,高新技术企业总数超过900家。
2023年,株洲市新增国家级专精特新“小巨人”企业12家,总数达到51家。
"""


def test_xinzeng_anywhere_in_the_figures_clause_marks_an_increment(tmp_path: Path) -> None:
    _, out = _draft(tmp_path, "new.txt", NEW_ONES.encode("utf-8"))
    recs = {o["figure"]: o for o in tomllib.loads(out.read_text("utf-8"))["observation"]}
    # 14 characters (国家级专精特新“小巨人”企业) between 新增 and the figure: still its clause
    assert (recs["50家以上"]["status"], recs["50家以上"].get("increment")) == ("target", True)
    assert "over the plan period" in recs["50家以上"]["note"]
    assert recs["1000家"].get("increment") is True
    assert "increment" not in recs["超过900家"]  # 总数: a level
    # a report: 新增12家 is the number added in 2023 (a flow), 总数达到51家 the level
    assert (recs["12家"]["status"], recs["12家"].get("increment")) == ("actual", True)
    assert "the number added" in recs["12家"]["note"]
    assert "increment" not in recs["51家"]
    _confirm(out)
    cat = load_catalog(extra=[out])
    mine = {o.figure: o for o in cat.observations if o.source == "new"}
    assert (mine["12家"].increment, mine["51家"].increment) == (True, False)


def test_a_confirmed_draft_with_its_placeholders_left_in_is_refused(tmp_path: Path) -> None:
    from regiondev.errors import CatalogErrors

    undated = NEW_TEXT.replace("发布时间:2023-05-10\n", "")
    _, out = _draft(tmp_path, "cs.txt", undated.encode("utf-8"))
    draft = out.read_text(encoding="utf-8")
    source = tomllib.loads(draft)["source"][0]
    assert (source["outlet"], source["published"]) == ("unknown (fill in)", "undated (fill in)")
    # only review = "confirmed" set: the placeholders are still there
    out.write_text(draft.replace('review = "draft"', 'review = "confirmed"'), encoding="utf-8")
    with pytest.raises(CatalogErrors) as exc:
        load_catalog(extra=[out])
    problems = {(e.file, e.record, e.field) for e in exc.value.errors}
    assert {
        (str(out), "cs", "outlet"),
        (str(out), "cs", "published"),
        (str(out), "cs", "date_evidence"),
    } <= problems
    placeholder = next(o for o in tomllib.loads(draft)["observation"] if o["figure"] == "第3位")
    assert (placeholder["id"], placeholder["indicator"]) == ("cs-d002", "draft_cs_002")
    err = next(e for e in exc.value.errors if (e.record, e.field) == ("cs-d002", "indicator"))
    assert err.file == str(out)
    assert "'draft_cs_002' is a placeholder" in str(err) and "replace it with a real" in str(err)
    # every field a person fills in (own indicator codes under any other name) loads
    out.write_text(draft.replace('period = ""', 'period = "2023"'), encoding="utf-8")
    _confirm(out)
    cat = load_catalog(extra=[out])
    assert cat.get("cs-d002").indicator == "mine_cs_002"
    assert cat.source("cs").outlet == "长沙晚报"


def test_nothing_to_draft_writes_no_file(tmp_path: Path) -> None:
    src = tmp_path / "words.txt"
    src.write_text("标题\n没有任何数字的一段文字。\n", encoding="utf-8")
    html = tmp_path / "page.html"  # would need a UTF-8 copy beside the drafts
    html.write_text("<p>也没有数字。</p>", encoding="utf-8")
    out = tmp_path / "d.toml"
    summary = write_drafts(extract_many([src, html], jobs=1, keep_text=True), out)
    assert (summary.written, summary.sources, summary.observations, summary.waivers) == (
        False,
        2,
        0,
        0,
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html", "words.txt"]


def test_summary_written_is_derived_from_the_records(tmp_path: Path) -> None:
    from regiondev._extract.drafts import DraftSummary

    def summary(observations: int, waivers: int) -> DraftSummary:
        return DraftSummary(tmp_path / "d.toml", (), 1, observations, waivers, ())

    assert [summary(o, w).written for o, w in [(0, 0), (3, 0), (0, 2), (3, 2)]] == [
        False,
        True,
        True,
        True,
    ]
    with pytest.raises(TypeError):
        DraftSummary(tmp_path / "d.toml", (), 1, 0, 0, (), (), False)  # type: ignore[call-arg]
    src = tmp_path / "cs.txt"
    src.write_text(NEW_TEXT, encoding="utf-8")
    written = write_drafts([extract_document(read_document(src))], tmp_path / "d.toml")
    data = tomllib.loads((tmp_path / "d.toml").read_text(encoding="utf-8"))
    assert (written.written, written.observations, written.waivers) == (
        True,
        len(data["observation"]),
        len(data["waiver"]),
    )
    assert written.observations == 9  # the nine figures of the round trip above


def test_a_placeholders_measure_comes_from_the_figures_own_clause(tmp_path: Path) -> None:
    text = (
        "株洲市2023年经济运行情况\n发布时间:2024-01-20\n"
        "2023年,株洲市人均可支配收入增长6%,社会消费品零售总额1000亿元;"
        "工业投资增长8%,粮食产量300亿元。\n"
    )
    _, out = _draft(tmp_path, "clauses.txt", text.encode("utf-8"))
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    measure = {i["code"]: i["measure"] for i in data["indicator"]}
    got = {o["figure"]: measure.get(o["indicator"], o["indicator"]) for o in data["observation"]}
    # 人均 (and 投资) name the growth rates of their clauses, not the sums after the comma: the
    # sums' own clauses name no measure, so each gets the fallback for 亿元
    assert got["1000亿元"] == "gross_output"
    assert got["300亿元"] == "gross_output"


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [
        ("来源：湖南日报 2023-05-10 10:20 浏览次数：123", "湖南日报"),
        ("2023-05-10 08:00:01 |来源:株洲日报", "株洲日报"),
        ("来源:株洲日报  发布时间:2023年5月10日", "株洲日报"),
        ("稿源: 新湖南 | 编辑: 李四", "新湖南"),
        ("作者：株洲市统计局 2023-05-10", "株洲市统计局"),
        ("作者：张三 来源：长沙晚报 阅读：56", "长沙晚报"),  # 来源 before 作者
    ],
)
def test_the_outlet_comes_from_the_byline_when_printed(
    tmp_path: Path, byline: str, outlet: str
) -> None:
    text = NEW_TEXT.replace("发布时间:2023-05-10", byline + "\n发布时间:2023-05-10")
    _, out = _draft(tmp_path, "cs.txt", text.encode("utf-8"))
    assert tomllib.loads(out.read_text(encoding="utf-8"))["source"][0]["outlet"] == outlet


def test_the_outlet_stays_to_fill_in_without_a_byline_naming_one(tmp_path: Path) -> None:
    # 数据来源: in a body sentence is no byline
    text = NEW_TEXT.replace("新增企业10家。", "新增企业10家。数据来源:国家统计局。")
    _, out = _draft(tmp_path, "cs.txt", text.encode("utf-8"))
    assert tomllib.loads(out.read_text(encoding="utf-8"))["source"][0]["outlet"] == (
        "unknown (fill in)"
    )


def test_a_traditional_byline_gives_a_simplified_outlet(tmp_path: Path) -> None:
    from regiondev._sources import seed_path

    seed = seed_path("cn22_national_45_clusters_2022-11-30.txt")
    out = tmp_path / "d.toml"
    write_drafts([extract_document(read_document(seed))], out)
    # printed: 2022-11-30 18:53:38 |來源:證券時(shí)報(bào)網(wǎng)
    assert tomllib.loads(out.read_text(encoding="utf-8"))["source"][0]["outlet"] == "证券时报网"


def test_a_rate_after_xinzeng_is_no_increment_and_the_confirmed_draft_loads(
    tmp_path: Path,
) -> None:
    text = (
        "株洲市市场主体情况\n发布时间:2024-01-15\n2023年,株洲市新增市场主体增长12%,新增企业10家。\n"
    )
    _, out = _draft(tmp_path, "rate.txt", text.encode("utf-8"))
    recs = {o["figure"]: o for o in tomllib.loads(out.read_text("utf-8"))["observation"]}
    assert ("increment" in recs["12%"], recs["10家"].get("increment")) == (False, True)
    _confirm(out)
    mine = {o.figure: o for o in load_catalog(extra=[out]).observations if o.source == "rate"}
    assert (mine["12%"].increment, mine["10家"].increment) == (False, True)


def test_a_county_figure_is_drafted_as_its_citys_with_the_county_as_subject(
    tmp_path: Path,
) -> None:
    import tomllib

    from regiondev._extract.claims import extract_text
    from regiondev._extract.drafts import write_drafts
    from regiondev._extract.reading import Document

    text = "株洲市1—2月规模工业增加值增长8.2%,其中,醴陵市增长12.1%。\n"
    doc = Document(id="zz23", text=text, path=str(tmp_path / "zz23.txt"), date="2023-03-20")
    res = extract_text(text, source="zz23", date="2023-03-20")
    out = tmp_path / "drafts.toml"
    write_drafts([(doc, res)], out)
    recs = {r["figure"]: r for r in tomllib.loads(out.read_text("utf-8"))["observation"]}
    assert (recs["12.1%"]["region"], recs["12.1%"]["subject"]) == ("zhuzhou", "醴陵")
    assert "subject" not in recs["8.2%"]


def test_numbers_set_aside_inside_a_drafted_sentence_are_waived_and_the_audit_is_clean(
    tmp_path: Path,
) -> None:
    import tomllib

    from regiondev._audit import audit

    text = (
        "株洲市2023年国民经济和社会发展统计公报\n"
        "初步核算,全年全市地区生产总值3925.5亿元,增长5.3%。其中,第一产业增加值272.4亿元;"
        "规模以上工业增加值增长6.8%,增速高于全省1.7个百分点。\n"
        "省级专精特新中小企业498家,比上年末增加103家。\n"
    )
    _, out = _draft(tmp_path, "zz23.txt", text.encode("utf-8"))
    waivers = tomllib.loads(out.read_text(encoding="utf-8"))["waiver"]
    by_reason = {w["reason"].split(" (")[0]: w["category"] for w in waivers}
    assert by_reason["sector name"] == "name"
    assert by_reason["percentage-point change"] == "not_a_claim"
    assert by_reason["increase over an earlier figure"] == "not_a_claim"
    _confirm(out)
    result = audit(load_catalog(extra=[out]))
    assert [e.text for e in result.unaccounted() if e.source == "zz23"] == []


def test_a_part_after_qizhong_asks_for_its_subject_before_it_loads(tmp_path: Path) -> None:
    import tomllib

    from regiondev.errors import CatalogError

    text = (
        "2023年株洲市规模以上工业企业实现利润186.3亿元。其中,轨道交通装备产业实现利润213.7亿元。\n"
    )
    _, out = _draft(tmp_path, "zz23.txt", text.encode("utf-8"))
    recs = {r["figure"]: r for r in tomllib.loads(out.read_text("utf-8"))["observation"]}
    assert "subject" not in recs["186.3亿元"]
    assert recs["213.7亿元"]["subject"] == "(fill in): the part after 其中"
    # confirmed, codes given, but the part not named: refused, naming the field
    out.write_text(
        out.read_text("utf-8")
        .replace('review = "draft"', 'review = "confirmed"')
        .replace('"draft_', '"mine_')
        .replace('"unknown (fill in)"', '"株洲市统计局"')
        .replace('"undated (fill in)"', '"2024-03-29"')
        .replace('"no date found (fill in): where the date comes from"', '"the bulletin"'),
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match=r"subject.*still holds the draft's placeholder"):
        load_catalog(extra=[out])
    out.write_text(
        out.read_text("utf-8").replace("(fill in): the part after 其中", "rail_transit_equipment"),
        encoding="utf-8",
    )
    cat = load_catalog(extra=[out])
    part = next(o for o in cat.observations if o.figure == "213.7亿元")
    assert part.subject == "rail_transit_equipment"


def test_a_part_of_a_countys_total_still_asks_for_its_subject(tmp_path: Path) -> None:
    import tomllib

    text = "2023年,醴陵市工业产值500亿元,其中陶瓷产业200亿元。\n"
    _, out = _draft(tmp_path, "zz23.txt", text.encode("utf-8"))
    recs = {r["figure"]: r for r in tomllib.loads(out.read_text("utf-8"))["observation"]}
    assert recs["500亿元"]["subject"] == "醴陵"
    assert recs["200亿元"]["subject"] == "(fill in): the part after 其中 (of 醴陵)"


def test_no_unit_is_left_to_fill_in_and_lists_ask_for_their_items(tmp_path: Path) -> None:
    import tomllib

    from regiondev.errors import CatalogError

    text = (
        "2023年,规模工业总产值\t11025.3\t5.8。\n"
        "2023年,工程机械、轨道交通装备两个产业集群产值分别达到2800亿元、1600亿元。\n"
        "2023年,分行业看,轨道交通装备制造业增加值增长12.6%。\n"
    )
    _, out = _draft(tmp_path, "t.txt", text.encode("utf-8"))
    recs = {r["figure"]: r for r in tomllib.loads(out.read_text("utf-8"))["observation"]}
    assert recs["11025.3"]["unit"] == ""  # never a guessed "items"
    assert "fill in unit" in recs["11025.3"]["note"]
    for fig in ("2800亿元", "1600亿元"):
        assert recs[fig]["subject"].startswith("(fill in): the item of the list before 分别")
    assert recs["12.6%"]["subject"] == "(fill in): the part after 分行业"
    _confirm(out)
    with pytest.raises(CatalogError, match=r"unit"):
        load_catalog(extra=[out])


def test_physical_quantities_are_drafted_with_their_units_and_measure(tmp_path: Path) -> None:
    import tomllib

    text = "2023年,株洲市全社会用电量450亿千瓦时,新能源汽车产量12.6万辆,耕地新增3万亩。\n"
    _, out = _draft(tmp_path, "q.txt", text.encode("utf-8"))
    data = tomllib.loads(out.read_text("utf-8"))
    recs = {r["figure"]: r for r in data["observation"]}
    measures = {i["code"]: i["measure"] for i in data["indicator"]}
    # 450亿千瓦时 = 450 × 10^8 kWh; 12.6万辆 = 12.6 × 10^4 vehicles; 3万亩 = 3 × 10^4 mu
    assert (recs["450亿千瓦时"]["value"], recs["450亿千瓦时"]["unit"]) == (45_000_000_000, "kwh")
    assert (recs["12.6万辆"]["value"], recs["12.6万辆"]["unit"]) == (126_000, "vehicles")
    assert (recs["3万亩"]["value"], recs["3万亩"]["unit"]) == (30_000, "mu")
    assert measures[recs["450亿千瓦时"]["indicator"]] == "quantity"
    assert measures[recs["3万亩"]["indicator"]] == "area"
    _confirm(out)
    assert len(load_catalog(extra=[out]).observations) > 139


def test_sectors_are_breakdowns_and_a_month_or_the_city_after_qizhong_no_part(
    tmp_path: Path,
) -> None:
    import tomllib

    text = (
        "2023年,株洲市地区生产总值3925.5亿元。其中,第一产业增加值272.4亿元,增长3.9%;"
        "第二产业增加值1689.5亿元。\n"
        "1—5月,株洲市规模工业增加值增长7.8%,其中5月增长8.4%。\n"
        "2023年,全省规模工业增加值增长6.1%,其中株洲增速达到7.9%。\n"
    )
    _, out = _draft(tmp_path, "zz.txt", text.encode("utf-8"))
    recs = {r["figure"]: r for r in tomllib.loads(out.read_text("utf-8"))["observation"]}
    assert recs["272.4亿元"]["breakdown"] == "sector=primary"
    assert recs["3.9%"]["breakdown"] == "sector=primary"
    assert recs["1689.5亿元"]["breakdown"] == "sector=secondary"  # after the ；, still a part
    assert "breakdown" not in recs["3925.5亿元"] and "subject" not in recs["3925.5亿元"]
    assert "subject" not in recs["8.4%"]  # 其中5月: a month, not a part
    assert "subject" not in recs["7.9%"]  # 其中株洲: the city's own figure


def test_quanshi_in_a_provincial_text_is_not_defaulted_to_the_province(tmp_path: Path) -> None:
    import tomllib

    text = "湖南省工业简报\n全省规模工业增加值增长7.8%。全市累计引进项目86个。\n"
    _, out = _draft(tmp_path, "hn.txt", text.encode("utf-8"))
    recs = {r["figure"]: r for r in tomllib.loads(out.read_text("utf-8"))["observation"]}
    assert recs["7.8%"]["region"] == "hunan"
    assert recs["86个"]["region"] == ""
    assert "全市 names a city the text does not" in recs["86个"]["note"]


def test_a_sector_names_its_own_clause_and_bare_ones_after_it(tmp_path: Path) -> None:
    import tomllib

    text = (
        "2023年,株洲市第二产业增加值增长8.2%,规模以上工业增加值增长9.5%。\n"
        "2023年,醴陵市第二产业增加值增长8.0%。\n"
        "2023年,株洲市规模工业增加值增长9.5%,其中株洲经济技术开发区增长12.0%。\n"
        "2023年,株洲市规模工业增加值增长9.5%,其中,5月份医药制造业增长15.0%。\n"
    )
    _, out = _draft(tmp_path, "zz.txt", text.encode("utf-8"))
    recs = tomllib.loads(out.read_text("utf-8"))["observation"]
    first = {r["figure"]: r for r in recs if r["quote"].startswith("2023年,株洲市第二")}
    assert first["8.2%"]["breakdown"] == "sector=secondary"
    assert "breakdown" not in first["9.5%"]  # a clause with its own subject
    liling = next(r for r in recs if r["figure"] == "8.0%")
    assert (liling["breakdown"], liling["subject"]) == ("sector=secondary", "醴陵")
    zone = next(r for r in recs if r["figure"] == "12.0%")
    # a zone, not the city: 株洲 + 经济技术开发区 is a zone of Zhuzhou by the gazetteer's
    # zone rule, so it is named as the subject (no longer left to fill in)
    assert zone["subject"] == "株洲经济技术开发区"
    month = next(r for r in recs if r["figure"] == "15.0%")
    assert month["subject"].startswith("(fill in): the part after 其中")  # an industry in May
