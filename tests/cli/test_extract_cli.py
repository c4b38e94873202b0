"""CLI: `regiondev extract` listings, drafts, and its error paths (exit 2, stderr)."""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from regiondev._sources import load_sources
from regiondev.cli.app import app

runner = CliRunner()

TEXT = (
    "标题\n发布时间:2023-05-10\n"
    "今年一季度,长沙市规模工业增加值同比增长6.5%。力争到2025年,利润总额突破3000亿元。\n"
    "联系电话:0731-58888888\n"
)


def _write(tmp_path: Path, name: str = "new.txt", text: str = TEXT) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_json_rows_have_the_contract_fields(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(_write(tmp_path)), "-f", "json", "-q"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    need = {
        "value",
        "quote",
        "unit",
        "bound",
        "low",
        "high",
        "figure",
        "status",
        "kind",
        "period",
        "region",
        "basis",
        "source",
        "start",
        "end",
        "indicator_guess",
        "set_aside_reason",
    }
    assert all(need <= set(r) for r in rows)
    growth = next(r for r in rows if r["figure"] == "6.5%")
    assert (growth["period"], growth["kind"], growth["basis"]) == ("2023Q1-Q1", "growth", "real")
    target = next(r for r in rows if r["figure"] == "突破3000亿元")
    assert (target["status"], target["high"]) == ("target", None)  # unbounded end → null
    phone = next(r for r in rows if r["figure"] == "0731-58888888")
    assert phone["set_aside_reason"] and phone["value"] is None


def test_csv_md_table_and_claims_only(tmp_path: Path) -> None:
    p = str(_write(tmp_path))
    out = runner.invoke(app, ["extract", p, "-f", "csv", "-q", "--claims-only"]).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["figure"] for r in rows] == ["6.5%", "突破3000亿元"]
    assert "| 6.5% |" in runner.invoke(app, ["extract", p, "-f", "md", "-q"]).stdout
    table = runner.invoke(app, ["extract", p, "-q"])
    assert table.exit_code == 0 and "6.5%" in table.stdout


def test_seed_directory_and_progress_on_stderr_only(tmp_path: Path) -> None:
    seed = next(s for s in load_sources() if s.id == "zz21")
    result = runner.invoke(app, ["extract", str(Path(seed.path).parent), "-f", "json", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)  # stdout is pure JSON
    assert len({r["source"] for r in rows}) >= 5
    assert "documents" in result.stderr


def test_as_catalog_writes_drafts_refuses_overwrite_then_loads(tmp_path: Path) -> None:
    p = str(_write(tmp_path))
    out = tmp_path / "drafts.toml"
    first = runner.invoke(app, ["extract", p, "--as-catalog", str(out)])
    assert first.exit_code == 0, first.stderr
    assert 'review = "draft"' in out.read_text(encoding="utf-8")
    before = out.read_text(encoding="utf-8")
    again = runner.invoke(app, ["extract", p, "--as-catalog", str(out)])
    assert again.exit_code == 2 and "--force" in again.stderr
    assert out.read_text(encoding="utf-8") == before
    refused = runner.invoke(app, ["catalog", "-c", str(out), "-f", "json"])
    assert refused.exit_code == 2 and "draft" in refused.stderr
    # confirmed, but the source's outlet still says (fill in): refused, naming it
    out.write_text(before.replace('review = "draft"', 'review = "confirmed"'), encoding="utf-8")
    unfilled = runner.invoke(app, ["catalog", "-c", str(out), "-f", "json"])
    assert unfilled.exit_code == 2
    assert "record 'new', field 'outlet'" in unfilled.stderr and "(fill in)" in unfilled.stderr
    out.write_text(
        before.replace('review = "draft"', 'review = "confirmed"').replace(
            '"unknown (fill in)"', '"长沙晚报"'
        ),
        encoding="utf-8",
    )
    loaded = runner.invoke(app, ["catalog", "-c", str(out), "-f", "json", "--region", "changsha"])
    assert loaded.exit_code == 0, loaded.stderr
    assert "突破3000亿元" in {r["figure"] for r in json.loads(loaded.stdout)}
    forced = runner.invoke(app, ["extract", p, "--as-catalog", str(out), "--force"])
    assert forced.exit_code == 0


def test_bad_inputs_exit_2_with_a_clear_message(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "nope.txt" in missing.stderr
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 20)
    bad = runner.invoke(app, ["extract", str(garbage)])
    assert bad.exit_code == 2 and "garbage.txt" in bad.stderr and "Traceback" not in bad.stderr
    jl = tmp_path / "docs.jsonl"
    jl.write_text('{"id": "a", "text": "1家"}\n{"id": "b", "text": 3}\n', encoding="utf-8")
    line = runner.invoke(app, ["extract", str(jl), "-f", "json"])
    assert line.exit_code == 2 and "line 2" in line.stderr
    date = runner.invoke(app, ["extract", str(_write(tmp_path)), "--date", "soon"])
    assert date.exit_code == 2 and "--date" in date.stderr


def test_jsonl_date_field_resolves_jin_nian(tmp_path: Path) -> None:
    jl = tmp_path / "docs.jsonl"
    jl.write_text(
        json.dumps(
            {"id": "x", "text": "今年实现产值43.9亿。", "date": "2021-11-09"}, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    rows = json.loads(runner.invoke(app, ["extract", str(jl), "-f", "json", "-q"]).stdout)
    assert rows[0]["period"] == "2021" and rows[0]["source"] == "x"


def test_set_aside_rows_show_no_nan_in_any_format(tmp_path: Path) -> None:
    # 120 dates before the first figure: a table built by inferring column types from the first
    # rows would see only empty values; every format must show them empty, never NaN.
    dates = "".join(f"2020年{m % 12 + 1}月{m % 28 + 1}日," for m in range(120))
    p = str(_write(tmp_path, text=f"标题\n{dates}增长6.5%。\n电话:0731-58888888\n"))
    for fmt in ("json", "csv", "md", "table"):
        result = runner.invoke(app, ["extract", p, "-f", fmt, "-q"])
        assert result.exit_code == 0, (fmt, result.stderr)
        assert "NaN" not in result.stdout and "nan" not in result.stdout.lower().split(), fmt
    rows = json.loads(runner.invoke(app, ["extract", p, "-f", "json", "-q"]).stdout)
    aside = [r for r in rows if r["set_aside_reason"]]
    assert len(aside) == 121  # 120 dates and the phone number
    assert all((r["value"], r["low"], r["high"]) == (None, None, None) for r in aside)
    assert next(r for r in rows if r["figure"] == "6.5%")["value"] == 6.5
    out = runner.invoke(app, ["extract", p, "-f", "csv", "-q"]).stdout
    by = {r["figure"]: r for r in csv.DictReader(io.StringIO(out))}
    assert (by["0731-58888888"]["value"], by["0731-58888888"]["low"]) == ("", "")
    assert by["6.5%"]["value"] == "6.5"


def test_a_bad_input_is_skipped_and_the_rest_stays_valid_output(tmp_path: Path) -> None:
    good = _write(tmp_path)
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 20)
    result = runner.invoke(app, ["extract", str(good), str(garbage), "-f", "json", "-q"])
    assert result.exit_code == 2
    assert "skipped: " in result.stderr and "garbage.txt" in result.stderr
    rows = json.loads(result.stdout)  # still one valid JSON document
    assert {r["figure"] for r in rows} >= {"6.5%", "突破3000亿元"}


def test_rows_reach_stdout_when_stderr_is_a_terminal(tmp_path: Path) -> None:
    """The progress display (on a terminal) must not capture the rows written to stdout."""
    import os
    import pty
    import subprocess
    import sys

    good = _write(tmp_path)
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "regiondev", "extract", str(good), "-f", "csv"],
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=120,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 0
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"))))
    assert "6.5%" in {r["figure"] for r in rows}


def test_an_unknown_region_is_refused_with_the_choices(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(_write(tmp_path)), "--region", "foo"])
    assert result.exit_code == 2 and "--region 'foo'" in result.stderr
    assert "hunan, changsha" in result.stderr
    ok = runner.invoke(app, ["extract", str(_write(tmp_path)), "--region", "湘潭", "-q"])
    assert ok.exit_code == 0


def test_force_lists_text_copies_the_new_drafts_do_not_use(tmp_path: Path) -> None:
    two = tmp_path / "two.jsonl"
    two.write_text(
        json.dumps({"id": "a", "text": "全市企业1254家。"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "b", "text": "全市企业88家。"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    one = tmp_path / "one.jsonl"
    one.write_text(two.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    out = tmp_path / "drafts.toml"
    assert runner.invoke(app, ["extract", str(two), "--as-catalog", str(out)]).exit_code == 0
    texts = tmp_path / "drafts.texts"
    assert sorted(p.name for p in texts.iterdir()) == [".regiondev-texts", "a.txt", "b.txt"]
    again = runner.invoke(app, ["extract", str(one), "--as-catalog", str(out), "--force"])
    assert again.exit_code == 0, again.stderr
    # b.txt is not used any more: reported, not deleted (the folder may hold the user's files)
    assert "not used by these drafts" in again.stderr and "b.txt" in again.stderr
    assert (texts / "b.txt").exists()


def test_an_empty_input_is_noted(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(empty), "-f", "json"])
    assert result.exit_code == 0
    assert "empty.txt: no text" in result.stderr and json.loads(result.stdout) == []


def test_rows_follow_the_argument_order_and_name_their_file(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _write(tmp_path / "a", "same.txt", "全市企业1254家。\n")
    second = _write(tmp_path / "b", "same.txt", "全市企业88家。\n")
    jl = tmp_path / "docs.jsonl"
    jl.write_text(json.dumps({"id": "j", "text": "全市企业7家。"}, ensure_ascii=False) + "\n")
    args = ["extract", str(jl), str(first), str(second), "-q"]
    rows = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    # JSONL given first comes first; two files of one name are told apart by their path
    assert [(r["figure"], r["path"]) for r in rows] == [
        ("7家", f"{jl}:1"),
        ("1254家", str(first)),
        ("88家", str(second)),
    ]
    table = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "-f", "csv"]).stdout)))
    assert [(r["source"], r["path"]) for r in table] == [
        ("j", f"{jl}:1"),
        ("same", str(first)),
        ("same", str(second)),
    ]


def test_a_missing_input_is_skipped_and_the_others_are_extracted(tmp_path: Path) -> None:
    good = _write(tmp_path)
    missing = tmp_path / "nope.txt"
    other = _write(tmp_path, "other.txt", "全市企业88家。\n")
    result = runner.invoke(app, ["extract", str(good), str(missing), str(other), "-f", "json"])
    assert result.exit_code == 2
    assert f"skipped: {missing}: no such file or directory" in result.stderr
    assert "(the other inputs were extracted)" in result.stderr  # one bad input: one line
    rows = json.loads(result.stdout)
    assert [r["figure"] for r in rows if not r["set_aside_reason"]] == [
        "6.5%",
        "突破3000亿元",
        "88家",
    ]
    # drafts too: the readable inputs are drafted, the missing one named, exit 2 at the end
    out = tmp_path / "d.toml"
    drafted = runner.invoke(app, ["extract", str(missing), str(good), "--as-catalog", str(out)])
    assert drafted.exit_code == 2 and f"skipped: {missing}" in drafted.stderr
    assert "wrote 2 draft observations" in drafted.stderr
    assert 'figure = "突破3000亿元"' in out.read_text(encoding="utf-8")


def test_an_unreadable_input_is_skipped_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _write(tmp_path)
    locked = _write(tmp_path, "locked.txt")
    import os

    real_open = os.open

    def refuse(path: str | Path, flags: int, *args: int) -> int:  # chmod 000 does not stop root
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    result = runner.invoke(app, ["extract", str(locked), str(good), "-f", "json", "-j", "1"])
    assert result.exit_code == 2
    assert f"skipped: {locked}: permission denied" in result.stderr
    assert "6.5%" in {r["figure"] for r in json.loads(result.stdout)}


def test_as_catalog_to_a_directory_says_so_at_once(tmp_path: Path) -> None:
    p = str(_write(tmp_path))
    folder = tmp_path / "drafts"
    folder.mkdir()
    for extra in ([], ["--force"]):
        result = runner.invoke(app, ["extract", p, "--as-catalog", str(folder), *extra])
        assert result.exit_code == 2
        assert f"{folder}: is a directory" in result.stderr and "file path" in result.stderr
        assert "already exists" not in result.stderr
    assert list(folder.iterdir()) == []


def test_nothing_to_draft_writes_no_empty_file(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 20)
    out = tmp_path / "d.toml"
    result = runner.invoke(app, ["extract", str(garbage), "--as-catalog", str(out)])
    assert result.exit_code == 2  # the binary input could not be read
    assert "garbage.txt" in result.stderr
    assert "nothing drafted: the 0 documents read hold no figure" in result.stderr
    assert f"{out} was not written" in result.stderr and "wrote" not in result.stderr
    assert not out.exists()
    # a text with no number: nothing to draft either, and that is no error
    words = _write(tmp_path, "words.txt", "标题\n没有数字。\n")
    result = runner.invoke(app, ["extract", str(words), "--as-catalog", str(out)])
    assert result.exit_code == 0 and "nothing drafted" in result.stderr
    assert not out.exists()
