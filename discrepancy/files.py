"""The only file I/O: claims files and folders read, the baseline's text read, articles read,
output written atomically, and an `--output` that would overwrite an input (or, without
`--force`, any file) refused. Problems become InputError."""

from __future__ import annotations

import glob
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from discrepancy import limits
from discrepancy.errors import InputError, Location, Problem

DEFAULT_INPUT = Path("claims.yaml")


def read_inputs(
    paths: Iterable[Path] | None, suffixes: tuple[str, ...]
) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(name, text) of every claims file named, folders expanded in sorted order to the files
    whose suffix is one of `suffixes`, and the problems of the paths that cannot be read
    (missing, unreadable, too big, not UTF-8). The readable ones are still read, so that their
    problems are listed beside (issue 12: a missing path beside a bad file reports both)."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths or [DEFAULT_INPUT]:
        if path.is_dir():
            before = len(problems)
            found = _claims_files(path, suffixes, problems)
            if not found and len(problems) == before:
                problems.append(
                    Problem(
                        Location(str(path)),
                        f"no claims files ({', '.join('*' + s for s in suffixes)}) in this folder",
                    )
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(Location(str(path)), "no such file or folder"))
    out = []
    seen: set[Path] = set()
    for f in files:
        if f.resolve() in seen:  # a file named twice (alone and in its folder) is read once
            continue
        seen.add(f.resolve())
        try:
            out.append((f.as_posix(), read_text(f, limits.file_limit(f.name), "a claims file")))
        except InputError as e:
            problems.extend(e.problems)
    return out, problems


def _claims_files(folder: Path, suffixes: tuple[str, ...], problems: list[Problem]) -> list[Path]:
    """Claims files in a folder and its subfolders, sorted. Hidden files and folders (.git,
    .github, .venv, .pre-commit-hooks.yaml) are never claims: skipped, read only when named on
    their own. A subfolder that cannot be listed is a problem, never a silent hole."""

    def unreadable(e: OSError) -> None:
        where = Path(e.filename).as_posix() if e.filename else folder.as_posix()
        problems.append(Problem(Location(where), f"cannot read this folder: {e.strerror}"))

    found = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(root) / n
            for n in names
            if not n.startswith(".") and Path(n).suffix.lower() in suffixes
        ]
    return sorted(p for p in found if p.is_file())


def read_text(path: Path, limit: int = limits.MAX_BASELINE_BYTES, what: str = "") -> str:
    """A file's text, refused unread past `limit` bytes. UTF-8 (a BOM from a Windows editor is
    harmless), or UTF-16 with its mark; a byte that is not UTF-8 is located by line and column."""
    name = path.as_posix()
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError([limits.too_big(size, limit, what or "a file", name)])
        data = path.read_bytes()
    except OSError as e:
        raise InputError.at(Location(name), f"cannot read: {e.strerror}") from None
    return limits.decode(data, name)


def read_stdin(name: str) -> str:
    """Standard input's text, named `name` in messages, refused past a claims file's limit
    (read no further than the limit: a stream has no size to look at first)."""
    limit = limits.file_limit(name)
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    data = stream.read(limit + 1) if stream else sys.stdin.read(limit + 1).encode()
    if len(data) > limit:
        raise InputError([limits.too_big_stream(limit, name)])
    return limits.decode(data, name)


def read_if_exists(path: Path) -> str | None:
    """The file's text, or None when there is no such file (a baseline not made yet)."""
    return read_text(path, limits.MAX_BASELINE_BYTES, "a baseline file") if path.exists() else None


def read_document(path: Path) -> str | None:
    """An article's text, None when there is no such file. Bytes that are not UTF-8 are
    replaced, so a quote beside them fails to match rather than the whole run failing."""
    try:
        return path.read_bytes().decode("utf-8-sig", errors="replace")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    except OSError as e:
        raise InputError.at(Location(path.as_posix()), f"cannot read: {e.strerror}") from None


def is_file(path: Path) -> bool:
    return path.is_file()


def is_folder(path: Path) -> bool:
    return path.is_dir()


def refuse_existing(output: Path, force: bool) -> None:
    """An `--output` that exists is overwritten only with `--force`."""
    if output.exists() and not force:
        raise InputError.at(Location(output.as_posix()), "exists: use --force to overwrite it")


def refuse_to_overwrite(output: Path, inputs: Iterable[str]) -> None:
    """An `--output` that names a file being read (a claims file, the baseline) is an error:
    the tool never rewrites its input."""
    if any(Path(name).resolve() == output.resolve() for name in inputs):
        raise InputError.at(
            Location(str(output)),
            "this is a file being read (a claims file or the baseline): the tool "
            "never overwrites one; choose another --output",
        )


def write_output(output: Path, text: str, inputs: Iterable[str] = ()) -> None:
    """`text` written atomically to `output`, which may never be one of `inputs`."""
    refuse_to_overwrite(output, inputs)
    try:
        write_atomic(output, text)
    except OSError as e:
        raise InputError.at(Location(str(output)), f"cannot write: {e.strerror}") from None


def write_atomic(path: Path, text: str) -> None:
    """Write beside the target, then rename over it: a reader never sees half a file. The file
    keeps its permissions, or gets the usual ones (the umask's) when it is new. A device or a
    pipe (/dev/null, a FIFO) is written to directly: renaming over it would replace it."""
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        return
    path = path.resolve()
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    _clear_leftovers(path)
    # The writer's process id in the name: a SIGKILL between here and the rename leaves the
    # file behind, hidden and never a claims file; the next write clears it (issue 12).
    fd, tmp = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _clear_leftovers(path: Path) -> None:
    """Temporary files of earlier writes to `path` whose writer is gone (killed mid-write)."""
    for old in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = old.name[len(path.name) + 2 :].split(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            old.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
