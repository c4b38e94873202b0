"""Writing outputs without losing a user's file: checked early, written atomically, owned.

Every file regiondev writes (``report --out``, ``extract --as-catalog`` and its text copies)
goes through here, so the promises hold in one place:

- paths are checked before any expensive work: a dangling symlink, a path under a regular
  file, a folder that cannot be written, an output that is one of the inputs: one
  :class:`~regiondev.errors.OutputError` naming the path;
- a file is written to a temporary file in its own folder and moved into place with
  ``os.replace`` (atomic: the old file or the new one, never half of one); a symlink at the
  target is refused, so nothing is ever written through a link;
- regiondev replaces only what it wrote: a folder's *manifest* (a small text file listing the
  files regiondev wrote there) says which; ``--force`` lets regiondev write into a folder
  that holds other files, never replace or delete them;
- a set of files (a report) is staged in a hidden folder and moved into place under a
  journal; an interruption rolls forward (in-process, or on the next run after a kill), and a
  staging folder left by a killed run is cleaned up by the next run, never in its way.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from regiondev.errors import OutputError

__all__ = [
    "STAGING_PREFIX",
    "atomic_write",
    "check_output_file",
    "check_output_folder",
    "owned_files",
    "write_file_set",
    "write_manifest",
]

STAGING_PREFIX = ".regiondev-staging-"
_SENTINEL = ".regiondev-staging"
_JOURNAL = "COMMIT"
_MANIFEST_HEADER = "# regiondev: the files below were written by regiondev and are rewritten here"


def _nearest_existing(path: Path) -> Path:
    p = path
    while not os.path.lexists(p) and p != p.parent:
        p = p.parent
    return p


def _probe(folder: Path, what: Path) -> None:
    """Fail now, naming ``what``, if no file can be created in ``folder``."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".regiondev-probe-", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"{what}: cannot write in {folder}: {exc.strerror or exc}"
            + (" (read-only folder)" if exc.errno in (13, 30) else "")
        ) from None
    os.close(fd)
    os.unlink(tmp)


def _check_path(path: Path, what: str, *, folder: bool = False) -> None:
    """The path itself and the folders leading to it: no dangling link, no file in the way,
    and the folder the output goes in (or its nearest existing ancestor) writable."""
    if os.path.islink(path) and not path.exists():
        raise OutputError(f"{path}: is a symbolic link to nothing (dangling); {what}")
    if folder and path.exists():
        if not path.is_dir():
            raise OutputError(f"{path}: exists and is not a folder; {what}")
        _probe(path, path)
        return
    near = _nearest_existing(path.parent)
    if os.path.islink(near) and not near.exists():
        raise OutputError(f"{path}: {near} on its path is a dangling symbolic link")
    if not near.is_dir():
        raise OutputError(f"{path}: {near} on its path is a file, not a folder")
    _probe(near, path)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output_file(
    path: Path,
    *,
    force: bool,
    inputs: Iterable[Path] = (),
    ours: bool = False,
) -> None:
    """Refuse, before any work, an output file path regiondev may not write.

    ``ours`` says the existing file was written by regiondev (the caller recognises its own
    files); only such a file is replaced, and only with ``force``.
    """
    for given in inputs:
        if _same_file(path, given) or path.resolve() == Path(given).resolve():
            raise OutputError(f"{path}: is one of the inputs; choose another output path")
    if os.path.islink(path):
        raise OutputError(
            f"{path}: is a symbolic link; regiondev never writes through a link (remove it or "
            "choose another path)"
        )
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file path (e.g. {path / 'out.toml'})")
    if path.exists():
        if not force:
            raise OutputError(f"{path}: already exists; pass --force to replace it")
        if not ours:
            raise OutputError(
                f"{path}: exists and was not written by regiondev; --force replaces only "
                "regiondev's own files (move it or choose another path)"
            )
        if not path.is_file():
            raise OutputError(f"{path}: is not a regular file")
    _check_path(path, "choose another path")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``: a temporary file in the same folder, then ``os.replace``.

    A symlink at ``path`` is refused (replacing it would drop the user's link; writing
    through it would change the file it points to).
    """
    if os.path.islink(path):
        raise OutputError(f"{path}: is a symbolic link; regiondev never writes through a link")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- folders of files regiondev owns (a report, the text copies of drafts) ----------------


def owned_files(folder: Path, manifest: str, legacy: Sequence[str] = ()) -> set[str]:
    """The files (relative posix paths) the folder's manifest says regiondev wrote.

    A manifest of an older version lists no files (its first line only): then ``legacy``
    glob patterns say what that version wrote.
    """
    p = folder / manifest
    if not p.is_file() or p.is_symlink():
        return set()
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()
    names = {
        line.strip()
        for line in lines[1:]
        if line.strip() and not line.startswith("#") and _safe_name(line.strip())
    }
    if not names and legacy:
        names = {
            str(q.relative_to(folder).as_posix())
            for pattern in legacy
            for q in folder.glob(pattern)
            if q.is_file() and not q.is_symlink()
        }
    return names


def _safe_name(name: str) -> bool:
    """A manifest entry is a relative path inside the folder (never ``..`` or absolute)."""
    parts = Path(name).parts
    return bool(parts) and not Path(name).is_absolute() and ".." not in parts


def write_manifest(folder: Path, manifest: str, names: Iterable[str]) -> None:
    body = "\n".join([_MANIFEST_HEADER, *sorted(set(names))]) + "\n"
    atomic_write(folder / manifest, body.encode("utf-8"))


def _user_entries(folder: Path, manifest: str, owned: set[str]) -> list[str]:
    """Entries of the folder that are the user's (not staging, not the manifest)."""
    out = []
    for entry in folder.iterdir():
        if entry.name.startswith(STAGING_PREFIX) or entry.name == manifest:
            continue
        if entry.name in owned:
            continue
        if entry.is_dir() and not entry.is_symlink():
            inner = [
                str(q.relative_to(folder).as_posix()) for q in entry.rglob("*") if not q.is_dir()
            ]
            if inner and all(name in owned for name in inner):
                continue
        out.append(entry.name)
    return out


def check_output_folder(
    folder: Path,
    *,
    force: bool,
    manifest: str,
    names: Iterable[str],
    legacy: Sequence[str] = (),
) -> None:
    """Refuse, before any work, an output folder regiondev may not write ``names`` into.

    A folder holding files regiondev did not write needs ``force`` (they are kept); a file
    of the user's at one of ``names`` is refused even then.
    """
    _check_path(folder, "choose another --out", folder=True)
    if not folder.is_dir():
        return
    _recover(folder)
    owned = owned_files(folder, manifest, legacy)
    has_manifest = (folder / manifest).is_file()
    if not has_manifest and not force and _user_entries(folder, manifest, owned):
        raise OutputError(
            f"{folder} is not empty and holds no previous regiondev output; choose another "
            "--out or pass --force to write into it (its other files are kept)"
        )
    for name in names:
        _check_target(folder, name, owned)


def _check_target(folder: Path, name: str, owned: set[str]) -> None:
    target = folder / name
    if os.path.islink(target):
        raise OutputError(f"{target}: is a symbolic link; regiondev never writes through a link")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder where regiondev writes a file")
    if target.exists() and name not in owned:
        raise OutputError(
            f"{target}: exists and was not written by regiondev; --force replaces only "
            "regiondev's own files (move it or choose another --out)"
        )
    for parent in Path(name).parents:
        if str(parent) == ".":
            break
        p = folder / parent
        if os.path.lexists(p) and (os.path.islink(p) or not p.is_dir()):
            raise OutputError(f"{p}: is not a folder (regiondev writes {name} there)")


def _recover(folder: Path) -> None:
    """Finish or drop what a killed run left: a staging folder with a journal is moved into
    place (the run had decided to), one without is removed (it was never in use)."""
    for staging in folder.glob(STAGING_PREFIX + "*"):
        if not staging.is_dir() or staging.is_symlink() or not (staging / _SENTINEL).exists():
            continue
        journal = staging / _JOURNAL
        if journal.is_file():
            try:
                names = journal.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                names = []
            _apply(folder, staging, [n for n in names if _safe_name(n)], ())
        shutil.rmtree(staging, ignore_errors=True)


def _apply(folder: Path, staging: Path, names: Sequence[str], stale: Iterable[str]) -> None:
    for name in names:
        new = staging / "new" / name
        if not new.exists():
            continue  # moved already
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(new, target)
    for name in stale:
        p = folder / name
        if p.is_file() and not p.is_symlink():
            p.unlink()


def write_file_set(
    folder: Path,
    files: Mapping[str, bytes],
    *,
    force: bool,
    manifest: str,
    legacy: Sequence[str] = (),
    first: Sequence[str] = (),
) -> None:
    """Write ``files`` (relative posix path → bytes) into ``folder`` as one set.

    Files the previous manifest lists and the new set lacks are deleted; every other file
    in the folder is left alone. ``first`` are moved into place before the rest (figures
    before the report that shows them); the manifest goes last.
    """
    names = list(files)
    check_output_folder(folder, force=force, manifest=manifest, names=names, legacy=legacy)
    folder.mkdir(parents=True, exist_ok=True)
    old = owned_files(folder, manifest, legacy)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    try:
        (staging / _SENTINEL).write_bytes(b"")
        for name, data in files.items():
            p = staging / "new" / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
            os.chmod(p, 0o644)
        body = "\n".join([_MANIFEST_HEADER, *sorted(names)]) + "\n"
        (staging / "new" / manifest).write_text(body, encoding="utf-8")
        for d in (staging / "new").rglob("*"):
            if d.is_dir():
                os.chmod(d, 0o755)
        order = [n for n in first if n in files]
        order += [n for n in names if n not in order] + [manifest]
        # the journal makes the moves one decision: a run killed from here on is finished by
        # the next one (_recover)
        (staging / (_JOURNAL + ".tmp")).write_text("\n".join(order) + "\n", encoding="utf-8")
        os.replace(staging / (_JOURNAL + ".tmp"), staging / _JOURNAL)
        stale = sorted(old - set(names) - {manifest})
        try:
            _apply(folder, staging, order, stale)
        except BaseException:
            # interrupted (Ctrl-C, SIGTERM as SystemExit): finish the moves, then go on
            # interrupting; a failure here leaves the journal for the next run
            _apply(folder, staging, order, stale)
            raise
    finally:
        unfinished = (staging / _JOURNAL).exists() and any(
            not p.is_dir() for p in (staging / "new").rglob("*")
        )
        if not unfinished:  # else the journal stays for the next run to finish
            shutil.rmtree(staging, ignore_errors=True)
