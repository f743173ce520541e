"""Reading, decoding, atomic writing and output planning (normalize.jobs)."""
import io
import os

import pytest

from normalize import BinaryInputError, ConfigError, InputError, OutputError
from normalize.jobs.decoding import decoded_chunks, read_text, sniff_binary
from normalize.jobs.planning import plan
from normalize.jobs.writing import TEMP_SUFFIX, AtomicWriter, abort_unfinished, make_backup, make_parents

as_root = pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permission bits")


def decode(data: bytes, encoding="utf-8", chunk_bytes=4) -> str:
    return "".join(decoded_chunks(io.BytesIO(data), "in.txt", encoding, chunk_bytes=chunk_bytes))


# --- decoding policy


def test_utf8_decodes_across_chunk_boundaries():
    # The first read takes 8 KB (to sniff); after it, reads of 3 bytes cut characters.
    text = "Vietnam’s café 日本語 🙂\n" * 600
    assert decode(text.encode("utf-8"), chunk_bytes=3) == text


@pytest.mark.parametrize("lines", [2, 2000])
def test_undecodable_byte_is_refused_with_file_offset_and_line(lines):
    data = ("line\n" * lines + "café\n").encode("utf-8").replace("é".encode(), b"\xe9")
    with pytest.raises(InputError) as caught:
        decode(data, chunk_bytes=5)
    message = str(caught.value)
    assert f"byte {5 * lines + 3} (line {lines + 1})" in message
    assert "in.txt" in message and "e9" in message and "--encoding" in message


def test_truncated_sequence_at_the_end_is_refused():
    with pytest.raises(InputError, match="byte 3"):
        decode(b"abc\xe2\x80")


def test_named_encoding_is_used():
    assert decode("café".encode("cp1252"), "cp1252") == "café"


def test_utf8_bom_is_kept_for_fix_encoding_to_record():
    assert decode(b"\xef\xbb\xbfhello") == "\ufeffhello"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_byte_order_marks_select_the_encoding(codec):
    data = "\ufeffhéllo wörld\n".encode(codec)
    assert decode(data, chunk_bytes=3) == "héllo wörld\n"


def test_unknown_encoding_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown encoding"):
        decode(b"x", "no-such-codec")


def test_read_text_names_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_text(str(tmp_path / "missing.txt"))


# --- binary inputs


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"%PDF-1.7\n", "PDF"),
        (b"\x00" * 100 + b"abc", "NUL"),
        (__import__("bz2").compress(b"text"), "bzip2"),
        (__import__("bz2").compress(b""), "bzip2"),
        (__import__("lzma").compress(b"text"), "xz"),
        (__import__("gzip").compress(b"text"), "gzip"),
        (b"(\xb5/\xfd\x00\x58", "zstd"),
        (b"PAR1\x15\x04\x15\x10\x15\x14L\x15\x02\x15\x00", "Parquet"),
    ],
)
def test_binary_data_is_recognised(head, kind):
    assert kind in sniff_binary(head)
    with pytest.raises(BinaryInputError):
        decode(head, chunk_bytes=1 << 16)


def test_a_stray_nul_in_text_is_still_text():
    assert sniff_binary(b"hello\x00world, a stray NUL in a line of text\n") is None


def test_text_that_starts_like_a_format_is_still_text():
    assert sniff_binary(b"PAR1: the first part\n") is None
    assert sniff_binary(b"BZh, said the bee\n") is None


def test_utf16_text_is_not_taken_for_binary():
    assert sniff_binary("plain".encode("utf-16-le"), "utf-16") is None


# --- atomic writing


@pytest.fixture(params=["unnamed", "named"])
def temporaries(request, monkeypatch):
    """Each writing test runs with both kinds of temporary file: unnamed
    (O_TMPFILE, where the file system has it) and named (everywhere else)."""
    if request.param == "named":
        monkeypatch.setattr("normalize.jobs.writing.open_unnamed", lambda folder: None)
    return request.param


def test_atomic_writer_replaces_only_on_commit(tmp_path, temporaries):
    target = tmp_path / "out.txt"
    target.write_text("old")
    writer = AtomicWriter(str(target))
    writer.write(b"new content")
    assert target.read_text() == "old"
    writer.commit()
    assert target.read_text() == "new content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.parametrize("exception", [RuntimeError, KeyboardInterrupt])
def test_an_exception_leaves_the_previous_file_and_no_temporary(tmp_path, exception, temporaries):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(exception):
        with AtomicWriter(str(target)) as writer:
            writer.write(b"half")
            raise exception()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_an_interrupt_while_the_writer_is_made_leaves_no_temporary(tmp_path, monkeypatch, temporaries):
    """Ctrl-C right after the temporary file exists, before the writer is
    returned to anyone who could abort it (a --jobs run once left one)."""
    target = tmp_path / "out.txt"
    target.write_text("old")

    def interrupted(fd, mode):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fchmod", interrupted)
    with pytest.raises(KeyboardInterrupt):
        AtomicWriter(str(target))
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_writers_left_unfinished_are_aborted_at_exit(tmp_path, monkeypatch):
    """An interrupt between making a writer and keeping it where it would be
    aborted (output.writer = ...): the process's exit removes its temporary
    (a named one: an unnamed one goes with the process anyway)."""
    monkeypatch.setattr("normalize.jobs.writing.open_unnamed", lambda folder: None)
    target = tmp_path / "out.txt"
    writer = AtomicWriter(str(target))
    writer.write(b"half")
    committed = AtomicWriter(str(tmp_path / "done.txt"))
    committed.write(b"all")
    committed.commit()
    assert len(list(tmp_path.iterdir())) == 2
    abort_unfinished()  # what exiting does (atexit)
    assert [p.name for p in tmp_path.iterdir()] == ["done.txt"]
    assert not target.exists()


def test_an_interrupt_as_the_temporary_file_is_made_leaves_none(tmp_path, monkeypatch, temporaries):
    """A Ctrl-C that lands as the file is created, before its descriptor is
    kept (in a process with threads, any thread may take the signal): the
    name was kept first, so the file is removed, not orphaned."""
    target = tmp_path / "out.txt"
    real_open = os.open

    def interrupted(path, flags, mode=0o777):
        os.close(real_open(path, flags, mode))
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "open", interrupted)
    with pytest.raises(KeyboardInterrupt):
        AtomicWriter(str(target))
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_leaves_the_previous_file(tmp_path, monkeypatch, temporaries):
    target = tmp_path / "out.txt"
    target.write_text("old")
    writer = AtomicWriter(str(target))

    class FullDisk:
        def write(self, data):
            raise OSError(28, "No space left on device")

        def close(self):
            pass

    monkeypatch.setattr(writer, "_file", FullDisk())
    with pytest.raises(OutputError, match="out.txt: cannot write: No space left on device"):
        writer.write(b"data")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_writing_to_a_device_goes_straight_through():
    with AtomicWriter(os.devnull) as writer:
        writer.write(b"discarded")
    assert os.path.exists(os.devnull)


def test_dev_full_gives_a_clear_error():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with pytest.raises(OutputError, match="/dev/full: cannot write"):
        with AtomicWriter("/dev/full") as writer:
            writer.write(b"x" * 100_000)


def test_new_files_get_the_usual_mode_and_rewritten_ones_keep_theirs(tmp_path):
    fresh = tmp_path / "fresh.txt"
    with AtomicWriter(str(fresh)) as writer:
        writer.write(b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.txt"
    kept.write_text("x")
    kept.chmod(0o640)
    with AtomicWriter(str(kept)) as writer:
        writer.write(b"y")
    assert kept.stat().st_mode & 0o777 == 0o640


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        AtomicWriter(str(tmp_path / "nowhere" / "out.txt"))


def test_folder_that_is_a_file_is_named(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="not a folder"):
        AtomicWriter(str(tmp_path / "file" / "out.txt"))


@as_root
def test_read_only_folder_is_named(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="permission denied"):
            AtomicWriter(str(folder / "out.txt"))
    finally:
        folder.chmod(0o700)


def test_backup_keeps_the_original_and_is_never_overwritten(tmp_path):
    original = tmp_path / "a.txt"
    original.write_text("original")
    with AtomicWriter(str(original), backup_suffix=".orig") as writer:
        writer.write(b"cleaned")
    assert original.read_text() == "cleaned"
    assert (tmp_path / "a.txt.orig").read_text() == "original"
    with pytest.raises(OutputError, match="already exists"):
        with AtomicWriter(str(original), backup_suffix=".orig") as writer:
            writer.write(b"cleaned twice")
    assert original.read_text() == "cleaned"
    assert (tmp_path / "a.txt.orig").read_text() == "original"


def test_backup_falls_back_to_a_copy_without_hard_links(tmp_path, monkeypatch):
    original = tmp_path / "a.txt"
    original.write_text("original")

    def no_links(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    make_backup(str(original), str(tmp_path / "a.txt.bak"))
    assert (tmp_path / "a.txt.bak").read_text() == "original"
    # Unnamed temporaries are copied into place where links are refused.
    for content in (b"first", b"second"):
        with AtomicWriter(str(tmp_path / "new.txt")) as writer:
            writer.write(content)
        assert (tmp_path / "new.txt").read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a.txt.bak", "new.txt"]


# --- mirroring stays inside the output folder


def test_make_parents_creates_nested_folders(tmp_path):
    make_parents(str(tmp_path), str(tmp_path / "a" / "b" / "c.txt"))
    assert (tmp_path / "a" / "b").is_dir()


def test_make_parents_refuses_a_symlink_out_of_the_folder(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "out"
    root.mkdir()
    (root / "sub").symlink_to(outside)
    with pytest.raises(OutputError, match="symbolic link"):
        make_parents(str(root), str(root / "sub" / "x.txt"))
    assert list(outside.iterdir()) == []


def test_make_parents_refuses_dot_dot(tmp_path):
    with pytest.raises(OutputError, match="outside"):
        make_parents(str(tmp_path / "out"), str(tmp_path / "out" / ".." / "x" / "y.txt"))


# --- planning


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "a" / "b").mkdir(parents=True)
    (root / "one.txt").write_text("1")
    (root / "a" / "two.txt").write_text("2")
    (root / "a" / "b" / "three.txt").write_text("3")
    (root / "a" / "skip.md").write_text("md")
    (root / ("." + "one.txt.x" + TEMP_SUFFIX)).write_text("half")
    return root


def test_a_folder_is_mirrored_into_the_output(corpus, tmp_path):
    out = tmp_path / "out"
    planned = plan([str(corpus)], output=str(out))
    assert sorted(os.path.relpath(t.target, out) for t in planned.tasks) == [
        "a/b/three.txt",
        "a/two.txt",
        "one.txt",
    ]
    assert all(t.root == str(out) for t in planned.tasks)


def test_glob_selects_files(corpus, tmp_path):
    planned = plan([str(corpus)], output=str(tmp_path / "out"), pattern="*.md")
    assert [os.path.basename(t.source) for t in planned.tasks] == ["skip.md"]


def test_an_output_folder_inside_the_input_is_not_walked(corpus):
    out = corpus / "cleaned"
    out.mkdir()
    (out / "one.txt").write_text("old output")
    planned = plan([str(corpus)], output=str(out))
    assert not any("cleaned" in t.source for t in planned.tasks)


def test_symlinked_folders_are_not_followed_so_loops_end(corpus, tmp_path):
    (corpus / "a" / "loop").symlink_to(corpus)
    planned = plan([str(corpus)], output=str(tmp_path / "out"))
    assert len(planned.tasks) == 3
    assert planned.skipped and "not followed" in planned.skipped[0][1]


def test_output_onto_its_own_input_is_refused(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("x")
    with pytest.raises(OutputError, match="also an input"):
        plan([str(source)], output=str(source))
    link = tmp_path / "link.txt"
    link.symlink_to(source)
    with pytest.raises(OutputError, match="also an input"):
        plan([str(source)], output=str(link))


def test_mirroring_a_folder_onto_itself_is_refused(corpus):
    with pytest.raises(OutputError, match="also an input"):
        plan([str(corpus)], output=str(corpus))


def test_two_inputs_with_one_output_are_refused(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "a.txt").write_text("1")
    (tmp_path / "y" / "a.txt").write_text("2")
    with pytest.raises(OutputError, match="both be written"):
        plan([str(tmp_path / "x" / "a.txt"), str(tmp_path / "y" / "a.txt")], output=str(tmp_path / "out"))


def test_missing_inputs_are_reported_not_raised(tmp_path):
    planned = plan([str(tmp_path / "missing.txt")])
    assert planned.tasks == [] and planned.failed[0][1] == "no such file or folder"


def test_stdin_cannot_go_in_place():
    with pytest.raises(OutputError, match="standard input"):
        plan(["-"], in_place=True)
