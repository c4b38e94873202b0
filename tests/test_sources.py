"""The source registry: five texts, sha256 verified, byte-identical to the originals."""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from regiondev._sources import get_source, load_sources, verify
from regiondev.errors import SourceError
from regiondev.model import Source

SHARED_SEEDS = Path("/work/shared/seeds")
IDS = ["cs21", "csht19", "hn19", "cn22", "zz21"]


def _registry() -> list[dict[str, str]]:
    path = Path(str(resources.files("regiondev") / "data" / "sources.toml"))
    return list(tomllib.loads(path.read_text(encoding="utf-8"))["source"])


def test_five_sources() -> None:
    assert [s.id for s in load_sources()] == IDS


@pytest.mark.parametrize("source_id", IDS)
def test_sha256_verified(source_id: str) -> None:
    src = get_source(source_id)
    assert hashlib.sha256(Path(src.path).read_bytes()).hexdigest() == src.sha256
    assert src.title and src.outlet and src.published and src.script
    verify(src)


def test_publication_facts() -> None:
    assert get_source("cs21").event_date == "2021-11-17"
    assert get_source("hn19").published == "undated"
    assert "1—11月" in get_source("hn19").date_evidence
    assert {get_source(i).script for i in ("cs21", "cn22")} == {"traditional"}


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="original seeds not available")
@pytest.mark.parametrize("rec", _registry(), ids=lambda r: r["id"])
def test_byte_identical_to_original(rec: dict[str, str]) -> None:
    shipped = Path(get_source(rec["id"]).path).read_bytes()
    original = (SHARED_SEEDS / rec["original_name"]).read_bytes()
    assert shipped == original


def test_changed_file_fails_clearly(tmp_path: Path) -> None:
    text = tmp_path / "copy.txt"
    text.write_bytes(Path(get_source("hn19").path).read_bytes() + b" ")
    src = Source("hn19x", "t", "o", "undated", "hunan", "simplified", str(text), "0" * 64)
    with pytest.raises(SourceError) as exc:
        verify(src)
    assert str(text) in str(exc.value)
    assert "sha256" in str(exc.value)


def test_unknown_source() -> None:
    with pytest.raises(SourceError, match="unknown source 'xx'"):
        get_source("xx")
