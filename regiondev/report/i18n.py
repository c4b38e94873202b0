"""The report's own words in English and Chinese: one table, ``t(key, lang, **fields)``.

Numbers are never formatted here (``regiondev.formatting`` does that); these are the
sentences and labels around them, with ``{field}`` placeholders.
"""

from __future__ import annotations

from regiondev.formatting import Lang

__all__ = ["KEYS", "t"]

_TEXT: dict[str, tuple[str, str]] = {
    "title": (
        "Advanced manufacturing in Hunan, Changsha and Zhuzhou: what the figures say",
        "湖南、长沙、株洲先进制造业：数据说明了什么",
    ),
    "subtitle": (
        "Every number links to the sentence it came from: hover or focus it to read the quote.",
        "每个数字都链接到其出处原句：将鼠标悬停或聚焦在数字上即可查看引文。",
    ),
    "contents": ("Contents", "目录"),
    "appendices": ("Appendices", "附录"),
    "findings": ("Findings", "主要结论"),
    "targets": ("Targets", "目标"),
    "outcomes": ("What happened next", "后续实际情况"),
    "clusters": ("Clusters", "产业集群"),
    "consistency": ("Do the figures agree?", "数据是否一致？"),
    "sources": ("Sources", "资料来源"),
    "catalog": ("Appendix A. Every figure", "附录A 全部数据"),
    "audit": ("Appendix B. Number audit and waivers", "附录B 数字核查与豁免"),
    "extraction": ("Appendix C. Extraction accuracy", "附录C 自动提取准确率"),
    # findings
    "f_targets_head": ("Targets", "目标"),
    "f_clusters_head": ("Clusters", "产业集群"),
    "f_checks_head": ("Consistency", "一致性"),
    "f_unassessed": (
        "{n} have no later figure and no pace on record to set against them: {reasons} (each "
        "with its reason under {link}).",
        "{n}没有可对照的后续数据或历史增速：{reasons}（原因见{link}）。",
    ),
    "f_checks_summary": (
        "Of {n} consistency checks, {passed} pass, {failed} fail, {other} cannot be decided "
        "(different measures, scopes or periods, or a figure not on record).",
        "共{n}项一致性核对：{passed}项通过，{failed}项不一致，{other}项无法判定"
        "（口径、范围或时期不同，或缺少所需数据）。",
    ),
    "f_check_fail": ("Figures disagree: {what}", "数据不一致：{what}"),
    "f_no_fail": ("No check fails.", "没有核对项不一致。"),
    # reasons a target is not assessed
    "r_increment": ("increments over the plan period", "规划期内的新增量"),
    "r_share": ("shares with no baseline share", "缺少基期比重的比重目标"),
    "r_no_baseline": ("no baseline on record", "无基期数据"),
    "r_scope": ("a baseline of another scope", "基期口径不同"),
    "r_other": ("with another reason", "其他原因"),
    # targets
    "targets_intro": (
        "Each target's verdict, the growth it requires from its baseline and the growth on "
        "record. Level targets need a compound annual growth (nominal, between levels); "
        "growth-rate targets are compared as printed. The interval comes from the inputs' "
        "bounds and printed rounding. {deflator}",
        "每项目标的判断、相对基期所需的年均增速及历史增速。总量目标按复合年均增速（名义，"
        "两个水平值之间）计算；增速目标按原文比较。区间来自原文数字的限定词和舍入。{deflator}",
    ),
    "deflator_none": (
        "No deflator is assumed: nominal required growth is not compared with real growth on "
        "record; the break-even price rise says what it would take.",
        "未假设价格平减指数：名义所需增速不与实际历史增速直接比较，盈亏平衡价格涨幅说明了需要多少。",
    ),
    "deflator_is": (
        "Deflator assumption: prices rise {d} a year; real growth on record is made nominal "
        "with it.",
        "价格平减假设：价格每年上涨{d}，据此把实际历史增速换算为名义增速。",
    ),
    "col_region": ("Region", "地区"),
    "col_indicator": ("Indicator", "指标"),
    "col_target": ("Target", "目标值"),
    "col_period": ("Period", "时期"),
    "col_baseline": ("Baseline", "基期值"),
    "col_required": ("Required a year", "所需年均增速"),
    "col_record": ("On record", "历史增速"),
    "col_verdict": ("Verdict", "判断"),
    "col_figure": ("Figure as printed", "原文数字"),
    "col_value": ("Value", "数值"),
    "col_status": ("Status", "状态"),
    "col_basis": ("Basis", "价格口径"),
    "col_id": ("Record", "记录"),
    "col_source": ("Source", "来源"),
    "col_check": ("Check", "核对项"),
    "col_kind": ("Kind", "类型"),
    "col_expected": ("Implied", "推算值"),
    "col_stated": ("Stated", "原文值"),
    "col_member": ("Group", "类别"),
    "col_clusters": ("Clusters", "集群数"),
    "col_share": ("Share", "占比"),
    "col_ref_share": ("Share of reference", "参照占比"),
    "col_lq": ("Location quotient", "区位商"),
    "col_item": ("Measure", "项目"),
    "col_title": ("Title", "标题"),
    "col_outlet": ("Outlet", "媒体"),
    "col_published": ("Published", "发布日期"),
    "col_sentence": ("Sentence", "原句"),
    "col_quote": ("Quote (clean)", "引文（规范简体）"),
    "col_quote_raw": ("Quote as printed", "引文（原样）"),
    "col_tokens": ("Numbers", "数字"),
    "col_cataloged": ("Cataloged", "已编目"),
    "col_waived": ("Waived", "已豁免"),
    "col_unaccounted": ("Unaccounted", "未说明"),
    "col_token": ("Number", "数字"),
    "col_reason": ("Reason", "原因"),
    "col_context": ("Context", "上下文"),
    "col_recall": ("Recall", "召回率"),
    "col_precision": ("Precision", "精确率"),
    "col_found": ("Found", "找到"),
    "details": ("provenance", "出处"),
    "filter": ("Filter rows", "筛选"),
    "t_targets": ("Every target and its verdict", "全部目标及判断"),
    "t_growth_notes": ("How each verdict was reached", "每项判断的依据"),
    "t_composition": (
        "The 45 national clusters by domain and macro-region",
        "45个国家级集群按领域和区域分布",
    ),
    "t_lq": ("Clusters against population, by macro-region", "各区域集群数与人口比较"),
    "t_hunan": ("Where Hunan stands", "湖南的位置"),
    "t_concentration": ("Concentration (Herfindahl–Hirschman index)", "集中度（赫芬达尔指数）"),
    "t_plans": ("The cities' own cluster plans", "各市自身的集群规划"),
    "t_chi": ("Chi-square test: clusters against population", "卡方检验：集群数与人口"),
    "t_checks": ("Every check, fails first", "全部核对项（不一致在前）"),
    "t_sources": ("The news texts", "新闻文本"),
    "t_reference": ("Reference data", "参照数据"),
    "t_catalog": (
        "Every cataloged figure (sortable: click a header)",
        "全部编目数据（点击表头排序）",
    ),
    "t_quotes": ("Every quote, clean and as printed", "全部引文（规范与原样）"),
    "t_audit": ("Number audit per source", "各来源数字核查"),
    "t_waived": ("Waived numbers", "豁免的数字"),
    "t_unaccounted": ("Unaccounted numbers", "未说明的数字"),
    "t_accuracy": ("Extraction accuracy on the seeds", "种子文本上的提取准确率"),
    "clusters_intro": (
        "Where Hunan, Changsha and Zhuzhou stand among China's 45 national advanced-"
        "manufacturing clusters (list of 30 November 2022), and how the cities' own cluster "
        "plans are built. Comparisons across different periods or measures are labelled.",
        "湖南、长沙、株洲在全国45个国家先进制造业集群（2022年11月30日名单）中的位置，"
        "以及各市自身集群规划的结构。不同时期或口径的比较均予标注。",
    ),
    "consistency_intro": (
        "Every relation the catalog makes checkable, recomputed: parts and wholes, shares, "
        "rounding (GRIM), share × total, growth compounding, repeated figures and "
        "comparability. A relation that holds for some values inside the stated bounds and "
        "not others is a warning, not a pass. {declared}",
        "重新计算编目数据之间所有可核对的关系：部分与整体、比重、舍入可行性（GRIM）、比重×总量、"
        "增速复合、重复数字及可比性。在限定区间内部分成立、部分不成立的关系记为警告而非通过。{declared}",
    ),
    "declared_shipped": (
        "Declared relations come from the shipped rules.",
        "声明的关系来自内置规则。",
    ),
    "declared_user": (
        "Declared relations come from the shipped rules and from {files}.",
        "声明的关系来自内置规则及{files}。",
    ),
    "sources_intro": (
        "{n} Chinese news texts, kept byte-identical (sha256 checked on every load) and "
        "cleaned at load time (pinyin annotations removed; traditional characters converted to "
        "simplified). Open a text to read it with every cataloged figure highlighted; a "
        "highlighted figure links to its record in Appendix A, and the record links back.",
        "{n}篇中文新闻文本，逐字节保留原样（每次加载核对sha256），加载时清理（去除拼音注音，"
        "繁体转简体）。展开文本可阅读全文，所有编目数字均已高亮；点击高亮数字可跳转到附录A中的记录，"
        "记录亦可跳回原句。",
    ),
    "damaged": (
        "Byte-damaged runs (no figure is drawn from them)",
        "字节损坏片段（不从中提取数字）",
    ),
    "none": ("None.", "无。"),
    "catalog_intro": (
        "{n} figures, each with its source, verbatim quote, unit, period, bound and price "
        "basis. A bound is written as a bound (> 2,000, ≥ 95 %, 1–2), never as a value. Type "
        "in the box to filter; click a header to sort; hover a figure for its quote.",
        "共{n}条数据，均有来源、原文引句、单位、时期、限定与价格口径。限定值按限定写出"
        "（> 2,000、≥ 95%、1–2），不当作确数。可在输入框中筛选，点击表头排序，悬停数字查看引文。",
    ),
    "audit_intro": (
        "Every number in every source text is cataloged, waived with a reason, or unaccounted.",
        "每篇来源文本中的每个数字要么已编目，要么附理由豁免，要么列为未说明。",
    ),
    "extraction_intro": (
        "`regiondev extract` run on each text and scored against the curated catalog.",
        "在每篇文本上运行 `regiondev extract`，并与人工编目结果比较评分。",
    ),
    "outcomes_intro": (
        "Each target against what the later official record shows (the outcomes layer: "
        "statistical bulletins and official releases after the texts). A verdict of met or "
        "missed needs a figure for the target's own period; otherwise the latest figure on "
        "record is set against the target and the margin says how far it is. Open ⓘ for the "
        "verdict in one sentence with its arithmetic.",
        "每项目标与文本发布后官方记录（统计公报等）的对照。只有目标期本身的数据才能判定已实现或未实现；"
        "否则以最新记录对照目标，并给出差距。点击ⓘ查看判断依据与计算。",
    ),
    "t_outcomes": ("Every target against the later record", "全部目标与后续记录对照"),
    "col_latest": ("Latest on record", "最新数据"),
    "col_latest_period": ("Of", "数据时期"),
    "col_margin": ("Against the target", "与目标差距"),
    "source_line": ("Source: {sources}; regiondev", "资料来源：{sources}；regiondev"),
    "read_text": ("Read the text", "阅读全文"),
    "jump_sentence": ("sentence", "原句"),
    "nominal": ("nominal", "名义"),
    "real": ("real", "实际"),
    "not_applicable": ("–", "–"),
    "actual": ("actual", "实际值"),
    "target": ("target", "目标值"),
    "a_year": (" a year", "/年"),
    # extraction accuracy columns (Appendix C)
    "acc_source": ("source", "来源"),
    "acc_cataloged": ("cataloged", "已编目"),
    "acc_found": ("found", "找到"),
    "acc_recall": ("recall", "召回率"),
    "acc_claims": ("claims", "提取条数"),
    "acc_matching_claims": ("matching claims", "匹配条数"),
    "acc_precision": ("precision", "精确率"),
    "acc_set_aside": ("set aside", "搁置"),
    "acc_status_agrees": ("status agrees", "状态一致"),
    "acc_period_agrees": ("period agrees", "时期一致"),
    "acc_region_agrees": ("region agrees", "地区一致"),
    "acc_missed": ("missed: {ids}", "未找到：{ids}"),
    # byte-damaged runs (sources)
    "damaged_run": (
        "- `{id}` characters {a}–{b} (raw {ra}–{rb}): `{raw}` — {note}.",
        "- `{id}` 第{a}–{b}个字符（原始位置{ra}–{rb}）：`{raw}`——{note}。",
    ),
    "repair_unreadable": ("", "解码器无法读取的字节（显示为\ufffd），无法修复"),
    "repair_none": ("", "无法通过可证明的单字节GBK重新对齐来修复"),
    "repair_simplified": ("", " = …{text}（简体）"),
    "repair_to": (
        "",
        "修复为{shown}（首字的首字节已丢失，其余部分重新编码后与损坏的字节完全一致）",
    ),
    # waiver categories (Appendix B)
    "waiver_furniture": ("furniture", "页面元素"),
    "waiver_headline": ("headline", "标题"),
    "waiver_date": ("date", "日期"),
    "waiver_contact": ("contact", "联系方式"),
    "waiver_licence": ("licence", "备案号"),
    "waiver_view_count": ("view count", "浏览量"),
    "waiver_name": ("name", "名称"),
    "waiver_period": ("period", "时期"),
    "waiver_plan_structure": ("structure", "规划结构"),
    "waiver_threshold": ("threshold", "规模门槛"),
    "waiver_not_a_claim": ("claim", "非数据表述"),
    "waiver_damaged": ("damaged", "字节损坏"),
    "waiver_label": ("{category}: {reason}", "{category}：{reason}"),
    # kinds of number token (Appendix B)
    "token_figure": ("figure", "数字"),
    "token_date": ("date", "日期"),
    "token_period": ("period", "时期"),
    "token_code": ("code", "编码"),
    "token_structure": ("structure", "结构"),
    # the clusters' generic tables: columns and coded values
    "gcol_partition": ("partition", "划分"),
    "gcol_quantity": ("quantity", "数量"),
    "gcol_basis": ("basis", "依据"),
    "gcol_period": ("period", "时期"),
    "gcol_n": ("n", "n"),
    "gcol_hhi": ("hhi", "赫芬达尔指数"),
    "gcol_equivalent_number": ("equivalent number", "等效数量"),
    "gcol_normalised_hhi": ("normalised hhi", "标准化赫芬达尔指数"),
    "gcol_reference": ("reference", "参照"),
    "gcol_reference_period": ("reference period", "参照时期"),
    "gcol_macro_region": ("macro region", "区域"),
    "gcol_observed": ("observed", "观测数"),
    "gcol_expected": ("expected", "期望数"),
    "gcol_expected_below_5": ("expected below 5", "期望数低于5"),
    "gcol_contribution": ("contribution", "贡献"),
    "gcol_statistic": ("statistic", "统计量"),
    "gcol_dof": ("dof", "自由度"),
    "gcol_p_value": ("p value", "p值"),
    "gcol_plan": ("plan", "规划"),
    "gcol_region": ("region", "地区"),
    "gcol_structure": ("structure", "结构"),
    "gcol_tier": ("tier", "梯队"),
    "gcol_tier_label": ("tier label", "梯队标签"),
    "gcol_tier_count": ("tier count", "梯队数量"),
    "gcol_member": ("member", "成员"),
    "gcol_member_en": ("member en", "成员（英文）"),
    "gcol_group": ("group", "组"),
    "gcol_level": ("level", "层级"),
    "gcol_level_stated": ("level stated", "原文写明层级"),
    "gcol_standing": ("standing", "状态"),
    "gcol_source": ("source", "来源"),
    "gcol_quote": ("quote", "引文"),
    "gcol_level_quote": ("level quote", "层级引文"),
    "gcol_note": ("note", "注"),
    "gcol_derivation": ("derivation", "推算"),
    "gcol_comparability": ("comparability", "可比性"),
    "gcol_caveat": ("caveat", "说明"),
    "gval_national_clusters": ("national_clusters", "国家级集群"),
    "gval_resident_population": ("resident_population", "常住人口"),
    "gval_unstated": ("unstated", "未写明"),
    "gval_provincial": ("provincial", "省级"),
    "gval_world": ("world", "世界级"),
    "gval_national": ("national", "国家级"),
    "gval_regional": ("regional", "区域级"),
    "gval_applying": ("applying", "申报中"),
    "gval_designated": ("designated", "已认定"),
    "gval_named": ("named", "已点名"),
    "gval_planned": ("planned", "规划中"),
    "gval_(all)": ("(all)", "（合计）"),
    "gval_domain": ("domain", "领域"),
    "gval_macro_region": ("macro_region", "区域"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    # check kinds (consistency)
    "check_base_year_growth": ("growth against a base year", "基年增长"),
    "check_comparability": ("comparability", "可比性"),
    "check_growth_compounding": ("growth compounding", "增速复合"),
    "check_level_additions": ("level plus additions", "存量加新增"),
    "check_part_of_whole": ("part of whole", "部分不大于整体"),
    "check_partition": ("parts sum to the whole", "分项加总"),
    "check_repeated_figures": ("repeated figures", "重复数字"),
    "check_rounding_feasibility": ("rounding feasibility", "舍入可行性"),
    "check_share_of_counts": ("share of counts", "计数比重"),
    "check_share_times_total": ("share times total", "比重×总量"),
    # kinds of source
    "kind_news": ("news", "新闻"),
    "kind_reference": ("reference", "参照数据"),
    "kind_outcome": ("later official figure", "后续官方数据"),
    "ratio": ("ratio", "比值"),
}


def t(key: str, lang: Lang = "en", **fields: object) -> str:
    """The text of ``key`` in ``lang``, its ``{fields}`` filled in."""
    en, zh = _TEXT[key]
    text = zh if lang == "zh" else en
    return text.format(**fields) if fields else text


#: Every key of the table (for a caller with optional words, e.g. a frame's columns).
KEYS = frozenset(_TEXT)
