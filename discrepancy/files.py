"""The only file I/O: claims files and folders read, the baseline's text read, articles read,
output written atomically, and an `--output` that would overwrite an input (or, without
`--force`, any file) refused. Problems become InputError."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from discrepancy.errors import InputError, Location, Problem

DEFAULT_INPUT = Path("claims.yaml")


def read_inputs(paths: Iterable[Path] | None, suffixes: tuple[str, ...]) -> list[tuple[str, str]]:
    """(name, text) of every claims file named, folders expanded in sorted order to the files
    whose suffix is one of `suffixes`. Every unreadable path is listed, not just the first."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths or [DEFAULT_INPUT]:
        if path.is_dir():
            # Hidden files and folders (.git, .github, .venv, .pre-commit-hooks.yaml) are
            # never claims: skipped inside a folder, read only when named on their own.
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in suffixes
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
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
            out.append((f.as_posix(), read_text(f)))
        except InputError as e:
            problems.extend(e.problems)
    if problems:
        raise InputError(problems)
    return out


def read_text(path: Path) -> str:
    """A UTF-8 file's text (a BOM from a Windows editor is harmless); problems as InputError."""
    name = path.as_posix()
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError.at(Location(name), f"not UTF-8 text (byte {e.start})") from None
    except OSError as e:
        raise InputError.at(Location(name), f"cannot read: {e.strerror}") from None


def read_if_exists(path: Path) -> str | None:
    """The file's text, or None when there is no such file (a baseline not made yet)."""
    return read_text(path) if path.exists() else None


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
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
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
