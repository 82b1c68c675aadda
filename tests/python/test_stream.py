"""Python at scale: iter_forms and evaluate_iter stream a document form by form and give what
read and evaluate_batch give."""

import pytest

import jixiao
from conftest import SAMPLES_DIR


def test_iter_forms_yields_the_forms_of_read(sample_path):
    whole = jixiao.read(sample_path)
    streamed = list(jixiao.iter_forms(sample_path, chunk_bytes=512))
    assert len(streamed) == 8
    assert streamed == list(whole.forms)


def test_iter_forms_with_notes_yields_each_forms_import_notes(sample_path):
    whole = jixiao.read(sample_path)
    pairs = list(jixiao.iter_forms(sample_path, notes=True))
    assert [list(n) for _, n in pairs] == [list(whole.report.notes_for(i)) for i in range(len(pairs))]
    assert any(len(n) > 0 for _, n in pairs)


def test_the_stream_reads_tab_separated_text_in_chunks_and_other_files_whole(sample_path):
    assert jixiao._core.FormStream(str(sample_path), None, None, 1024).chunked
    csv = SAMPLES_DIR / "songjiang-2023.csv"
    stream = jixiao._core.FormStream(str(csv))
    assert not stream.chunked
    assert [f for f, _ in stream] == list(jixiao.read(csv).forms)


def test_iter_forms_is_lazy_and_raises_on_a_missing_file(tmp_path):
    it = jixiao.iter_forms(tmp_path / "missing.txt")  # a generator: nothing read yet
    with pytest.raises(FileNotFoundError):
        next(it)


def test_evaluate_iter_gives_evaluate_batch_on_a_path(tmp_path, sample_path):
    doc = tmp_path / "twice.txt"
    text = sample_path.read_text(encoding="utf-8")
    doc.write_text(text + text, encoding="utf-8")
    batch = jixiao.evaluate_batch(jixiao.read(doc))
    streamed = list(jixiao.evaluate_iter(doc, batch=3, threads=2))
    assert streamed == batch
    assert sum(1 for e in streamed for f in e.findings if f.code == "batch.duplicate_form") == 8
    assert all(e.source == "twice.txt" for e in streamed)


def test_evaluate_iter_takes_any_iterable_of_forms(sample_path):
    forms = list(jixiao.read(sample_path).forms)
    streamed = list(jixiao.evaluate_iter(iter(forms), "mof-2020", batch=5))
    assert streamed == jixiao.evaluate_batch(forms, "mof-2020")
    assert [e.form.project_name for e in streamed] == [f.project_name for f in forms]
