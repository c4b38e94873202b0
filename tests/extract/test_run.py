"""Streaming over files, directories and JSONL, in one process and in several."""

import json
from pathlib import Path

import pytest

from regiondev.extract import run
from regiondev.extract.reading import ExtractInputError
from regiondev.extract.run import extract_many, list_inputs

TEXT = "2020年,长沙市规模工业增加值约2300亿元。目前,全市共有试点企业1254家。\n"


def _corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    (d / "sub" / "b.html").write_text(f"<p>{TEXT}</p>", encoding="utf-8")
    (d / "sub" / "c.htm").write_bytes(TEXT.encode("gb18030"))
    (d / "skip.md").write_text("99家", encoding="utf-8")
    return d


def test_directory_is_expanded_recursively(tmp_path: Path) -> None:
    inputs = list_inputs([_corpus(tmp_path)])
    assert [p.name for p in inputs.files] == ["a.txt", "b.html", "c.htm"]
    results = list(extract_many(inputs, jobs=1, date="2021-11-17"))
    assert [len(r.kept) for _, r in results] == [2, 2, 2]


def test_worker_processes_give_the_same_results_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = _corpus(tmp_path)
    jl = tmp_path / "docs.jsonl"
    jl.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": TEXT * (i + 1)}) + "\n" for i in range(30)),
        encoding="utf-8",
    )
    monkeypatch.setattr(run, "INLINE_BYTES", 0)
    monkeypatch.setattr(run, "CHUNK_BYTES", 600)
    serial = [(d.id, repr(r.claims)) for d, r in extract_many([d, jl], jobs=1)]
    parallel = [(d.id, repr(r.claims)) for d, r in extract_many([d, jl], jobs=2)]
    assert serial == parallel  # repr: NaN values (dates) compare unequal
    assert [i for i, _ in serial][-30:] == [f"d{i}" for i in range(30)]


def test_a_bad_jsonl_line_is_named(tmp_path: Path) -> None:
    jl = tmp_path / "docs.jsonl"
    jl.write_text('{"id": "a", "text": "1家"}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(ExtractInputError, match=r"docs.jsonl: line 2"):
        list(extract_many([jl], jobs=1))


def test_missing_input_is_reported_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(ExtractInputError, match=r"no such file or directory"):
        list_inputs([tmp_path / "a.txt"])
