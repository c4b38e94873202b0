"""Streaming over files, directories and JSONL, in one process and in several."""

import json
from pathlib import Path

import pytest

from regiondev._extract import run
from regiondev._extract.reading import ExtractInputError
from regiondev._extract.run import extract_many, list_inputs

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


def test_a_missing_input_comes_in_the_stream_where_it_was_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = tmp_path / "a.txt"
    a.write_text(TEXT, encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("全市企业88家。\n", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    inputs = list_inputs([a, missing, empty_dir, b])  # nothing raised before any work
    assert inputs.files == (a, b)
    assert [p for p, _ in inputs.failed] == [missing, empty_dir]
    # the library: ExtractInputError where the missing file comes, after a.txt's results
    stream = extract_many(inputs, jobs=1)
    assert next(stream)[0].id == "a"
    with pytest.raises(ExtractInputError, match=r"nope\.txt: no such file or directory"):
        next(stream)
    # with on_error: each failure is passed on in its place, the others are extracted
    for jobs, inline in ((1, run.INLINE_BYTES), (2, 0)):
        monkeypatch.setattr(run, "INLINE_BYTES", inline)
        events: list[str] = []
        for doc, _ in extract_many([a, missing, empty_dir, b], jobs=jobs, on_error=events.append):
            events.append(doc.id)
        assert events == [
            "a",
            f"{missing}: no such file or directory",
            f"{empty_dir}: directory holds no .txt, .html or .htm files",
            "b",
        ]


def test_an_unreadable_input_is_passed_on_and_the_others_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = tmp_path / "a.txt"
    a.write_text(TEXT, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(TEXT, encoding="utf-8")
    import os

    from regiondev import _safe_io

    real_open = os.open

    def refuse(path: str | Path, flags: int, *args: int) -> int:  # chmod 000 does not stop root
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(_safe_io.os, "open", refuse)
    failures: list[str] = []
    docs = [d.id for d, _ in extract_many([locked, a], jobs=1, on_error=failures.append)]
    assert docs == ["a"]
    assert failures == [f"{locked}: permission denied"]
