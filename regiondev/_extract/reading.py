"""Reading any text file: encoding detection, HTML stripping, JSONL documents.

``read_document(path)`` decodes UTF-8 (with or without BOM) directly and anything else with
charset-normalizer (GB2312/GBK detections are decoded as GB18030, their superset; Big5 as
Big5-HKSCS' base Big5). HTML (``.html``/``.htm`` or a page that starts like one) is reduced to
its text with the standard library's ``html.parser``, dropping ``<script>`` and ``<style>``.
Line ends are normalised to ``\\n`` the way ``Path.read_text`` does, so offsets agree with the
catalog loader. A file that cannot be decoded raises :class:`ExtractInputError` naming it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from regiondev._safe_io import read_user_bytes, regular_file_problem
from regiondev.errors import InputFileError, RegiondevError

__all__ = [
    "TEXT_SUFFIXES",
    "Document",
    "ExtractInputError",
    "decode_bytes",
    "html_to_text",
    "iter_jsonl",
    "jsonl_lines",
    "read_document",
]

#: Files a directory contributes (recursively); JSONL files are given by name.
TEXT_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


class ExtractInputError(RegiondevError):
    """An input file or JSONL line that cannot be read; the message names it."""


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded input document (a file, or one line of a JSONL file)."""

    id: str
    text: str
    path: str = ""
    encoding: str = "utf-8"
    sha256: str = ""
    html: bool = False
    date: str = ""
    region: str = ""
    title: str = ""
    line: int = 0
    size: int = 0
    #: The JSONL file a document came from (``path`` stays empty: it has no file of its own).
    container: str = ""

    @property
    def location(self) -> str:
        """Where the document is: its file, or ``file.jsonl:line``."""
        return self.path or (f"{self.container}:{self.line}" if self.container else "")


_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn", "euccn"}
_BIG5_FAMILY = {"big5", "cp950", "big5hkscs"}


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _looks_binary(text: str) -> bool:
    """Too many control characters for a text (NUL, C0 controls other than whitespace)."""
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    bad += sample.count("\ufffd")
    return bad > max(2, len(sample) // 200)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode a file's bytes; return (text, encoding). Raise ExtractInputError naming ``name``."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _normalise_newlines(data[3:].decode("utf-8")), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ExtractInputError(
                f"{name}: starts with a UTF-8 byte-order mark but is not UTF-8 (byte {exc.start})"
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _normalise_newlines(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError:
            raise ExtractInputError(f"{name}: UTF-16 byte-order mark but not UTF-16") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(text):
            raise ExtractInputError(f"{name}: looks like a binary file, not text")
        return _normalise_newlines(text), "utf-8"
    if data.count(b"\x00") > len(data) // 1000:
        raise ExtractInputError(f"{name}: looks like a binary file (NUL bytes), not text")

    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        lenient = _decode_with_losses(data)
        if lenient is not None:
            return lenient
        raise ExtractInputError(
            f"{name}: cannot decode: not UTF-8, and no known encoding (GB18030, GBK, Big5…) "
            "fits its bytes (if it is a text with damaged bytes, convert it to UTF-8 first)"
        )
    encoding = str(best.encoding).lower().replace("-", "_")
    if encoding not in _GB_FAMILY | _BIG5_FAMILY:
        # Detection settled on an encoding of no Chinese text (cp874, say): the bytes are
        # more likely a Chinese text with a few damaged bytes.
        lenient = _decode_with_losses(data)
        if lenient is not None:
            return lenient
    if encoding in _GB_FAMILY:
        encoding = "gb18030"
    elif encoding in _BIG5_FAMILY:
        encoding = "big5" if _decodes(data, "big5") else "cp950"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ExtractInputError(
            f"{name}: detected as {encoding} but does not decode: {exc}"
        ) from None
    if _looks_binary(text):
        raise ExtractInputError(f"{name}: looks like a binary file, not text")
    return _normalise_newlines(text), encoding


#: At most this share of a text's characters may be lost bytes for it to be read at all.
LOSS_LIMIT = 1 / 2000


def _decode_with_losses(data: bytes) -> tuple[str, str] | None:
    """A text with a few undecodable bytes (a truncated character, say), read with U+FFFD.

    An encoding qualifies when its losses stay under ``LOSS_LIMIT`` (at least 3 allowed).
    UTF-8 wins when it qualifies (random bytes almost never pass as UTF-8); otherwise exactly
    one of GB18030 and Big5 must qualify, since either can read the other's bytes as odd but
    valid characters. Cleaning then reports each loss as a damaged run and no figure is
    drawn from one. None when no encoding, or both legacy ones, qualify.
    """
    fits: list[tuple[str, str, int]] = []
    for encoding in ("utf-8", "gb18030", "big5"):
        text = data.decode(encoding, errors="replace")
        lost = text.count("\ufffd")
        if lost <= max(3, int(len(text) * LOSS_LIMIT)):
            fits.append((encoding, text, lost))
    if not fits or (fits[0][0] != "utf-8" and len(fits) > 1):
        return None
    encoding, text, lost = fits[0]
    if sum(1 for ch in text[:20000] if ch < " " and ch not in "\t\n\r\f\v") > 2:
        return None
    return _normalise_newlines(text), f"{encoding} ({lost} undecodable byte run(s) shown as \ufffd)"


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "hr",
    "nav",
    "aside",
    "main",
    "figure",
    "figcaption",
    "form",
}
_SKIP_TAGS = {"script", "style", "noscript", "template"}


# Table cells stay on their row's line, so a value keeps its row label (制造业投资 12.1%).
_CELL_TAGS = {"td", "th"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skip = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _CELL_TAGS:
            self.parts.append(" ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _CELL_TAGS:
            self.parts.append(" ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        (self.title if self.in_title else self.parts).append(data)


def _encodable(text: str) -> bool:
    """No lone surrogate (JSON's \\ud800 escapes decode to one; no file can hold it)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def html_to_text(html: str) -> str:
    """The visible text of an HTML page: one line per block, scripts and styles dropped.

    Table cells of a row share a line. The ``<title>`` comes first, unless the page repeats
    it (as its heading, say): a title printed twice would make its sentences ambiguous.
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    body = [line for line in lines if line]
    title = " ".join("".join(parser.title).split())
    if title and not any(title in line for line in body):
        body.insert(0, title)
    return "\n".join(body) + "\n"


def _is_html(name: str, text: str) -> bool:
    if name.lower().endswith((".html", ".htm")):
        return True
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def read_document(path: str | Path, *, doc_id: str = "") -> Document:
    """Read and decode one text or HTML file."""
    p = Path(path)
    try:
        data = read_user_bytes(p)
    except InputFileError as exc:
        raise ExtractInputError(str(exc)) from None
    text, encoding = decode_bytes(data, str(p))
    html = _is_html(p.name, text)
    if html:
        text = html_to_text(text)
    return Document(
        id=doc_id or p.stem,
        text=text,
        path=str(p),
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        html=html,
        size=len(data),
    )


def parse_jsonl_line(line: str, path: str, lineno: int) -> Document | None:
    """One JSONL line as a Document ({"id", "text", optional "date", "region", "title"})."""
    if not line.strip():
        return None
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ExtractInputError(f"{path}: line {lineno}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise ExtractInputError(
            f"{path}: line {lineno}: not valid JSON (nested too deeply)"
        ) from None
    except ValueError as exc:  # an integer beyond Python's digit limit
        first = str(exc).splitlines()[0]
        raise ExtractInputError(f"{path}: line {lineno}: not valid JSON ({first})") from None
    if not isinstance(rec, dict):
        raise ExtractInputError(f"{path}: line {lineno}: expected a JSON object")
    text = rec.get("text")
    if not isinstance(text, str):
        raise ExtractInputError(f'{path}: line {lineno}: needs a string field "text"')
    doc_id = rec.get("id", "")
    if not isinstance(doc_id, str | int) or doc_id == "":
        raise ExtractInputError(f'{path}: line {lineno}: needs an "id" (string or number)')
    for key in ("date", "region", "title"):
        if key in rec and not isinstance(rec[key], str):
            raise ExtractInputError(f'{path}: line {lineno}: "{key}" must be a string')
    if isinstance(doc_id, int) and doc_id.bit_length() > 64:
        raise ExtractInputError(f'{path}: line {lineno}: "id" is a number of over 64 bits')
    for key in ("id", "date", "region", "title"):
        if isinstance(rec.get(key), str) and not _encodable(rec[key]):
            raise ExtractInputError(
                f'{path}: line {lineno}: "{key}" holds a lone surrogate (\\ud800-\\udfff), '
                "no character"
            )
    if not _encodable(text):  # lone surrogates in the text: damaged characters, shown as such
        text = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    from regiondev._extract.claims import parse_date, region_code

    if rec.get("date") and parse_date(rec["date"]) is None:
        raise ExtractInputError(
            f'{path}: line {lineno}: "date" {rec["date"]!r} is not a date (YYYY-MM-DD)'
        )
    region = ""
    if rec.get("region"):
        region = region_code(rec["region"]) or ""
        if not region:
            raise ExtractInputError(
                f'{path}: line {lineno}: "region" {rec["region"]!r} is not a region regiondev '
                "knows (hunan, changsha, zhuzhou, china, or a province or city in Chinese)"
            )
    text = _normalise_newlines(text)
    html = _is_html("", text)
    if html:
        text = html_to_text(text)
    return Document(
        id=str(doc_id),
        text=text,
        path="",
        encoding="json",
        html=html,
        date=str(rec.get("date", "")),
        region=region,
        title=str(rec.get("title", "")),
        line=lineno,
        size=len(line.encode("utf-8", "surrogatepass")),
        container=str(path),
    )


#: A JSONL line longer than this is one failure (its document is not read), not a read of
#: everything up to the next newline: a file with no newline cannot exhaust memory.
MAX_LINE_BYTES = 64 * 1024 * 1024


def jsonl_lines(path: str | Path) -> Iterator[tuple[int, str | ExtractInputError]]:
    """The lines of a JSONL file with their numbers, each decoded on its own.

    A line that is not UTF-8 (or too long) comes as an ExtractInputError naming its own
    number, and the lines before and after it are still read. Line ends are ``\\n``, ``\\r\\n``
    and ``\\r``, as text mode's ``newline=""`` counts them. Raises ExtractInputError when the
    file cannot be opened or is not a regular file (a FIFO, a device: never read).
    """
    p = Path(path)
    if problem := regular_file_problem(p):
        raise ExtractInputError(f"{p}: {problem}")
    try:
        fh = p.open("rb")
    except OSError as exc:
        raise ExtractInputError(f"{p}: cannot read: {exc.strerror or exc}") from None
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline(MAX_LINE_BYTES + 1)
            except OSError as exc:
                raise ExtractInputError(
                    f"{p}: line {lineno + 1}: cannot read: {exc.strerror or exc}"
                ) from None
            if not raw:
                return
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                lineno += 1
                yield (
                    lineno,
                    ExtractInputError(
                        f"{p}: line {lineno}: longer than {MAX_LINE_BYTES:,} bytes; not read"
                    ),
                )
                while raw and not raw.endswith(b"\n"):  # skip to the line's end
                    raw = fh.readline(MAX_LINE_BYTES + 1)
                continue
            parts = raw.splitlines(keepends=True) if b"\r" in raw else [raw]
            for part in parts:
                lineno += 1
                try:
                    yield lineno, part.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield (
                        lineno,
                        ExtractInputError(
                            f"{p}: line {lineno}: not UTF-8 (byte {exc.start} of the line)"
                        ),
                    )


def iter_jsonl(path: str | Path) -> Iterator[Document]:
    """Stream the documents of a JSONL file, one line at a time (the first bad line raises)."""
    for lineno, line in jsonl_lines(path):
        if isinstance(line, ExtractInputError):
            raise line
        doc = parse_jsonl_line(line, str(path), lineno)
        if doc is not None:
            yield doc
