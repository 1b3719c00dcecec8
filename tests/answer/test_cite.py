"""Find a citation and the citation index over the real thesis; the `cite` / `citations` commands."""
from __future__ import annotations

import json

import pytest

from assistant.answer.cite import citation_index, find_citation
from assistant.cli import format_citation_index, format_find_citation

pytestmark = pytest.mark.slow

# Claims of our own (not the dev questions), each with the work the thesis cites for it.
CLAIMS = [
    ("Kejahatan transnasional mengancam lembaga demokrasi dan stabilitas ekonomi di seluruh dunia", "id",
     "FBI, 2025"),
    ("Encrypted networks such as VPNs and the dark web make it hard for police to trace traffickers", "en",
     "Lazarus, 2025"),
    ("Traffickers rely on global networks and advanced technology", "en", "L'Hoiry, 2024"),
    ("Korban dijaga oleh orang bersenjata dan anjing pelacak sepanjang hari", "id", "Armandhanu, 2025"),
    ("Bilateral politics is cooperation between two countries", "en", "Rudy, 2002"),
]
RESULT_KEYS = {"n", "doc", "file", "page", "section", "text", "score", "cites"}


@pytest.mark.parametrize("claim, language, key", CLAIMS)
def test_claim_finds_the_cited_work(engine, claim, language, key):
    result = find_citation(engine, claim, k=5)
    assert result["claim"] == claim and result["language"] == language
    ranks = [r["n"] for r in result["results"] if key in r["cites"]]
    assert ranks, [(r["n"], r["cites"]) for r in result["results"]]


def test_result_schema_and_order(engine):
    result = find_citation(engine, "Kemiskinan mendorong warga Indonesia menjadi korban perdagangan manusia", k=4)
    assert [r["n"] for r in result["results"]] == [1, 2, 3, 4]
    for r in result["results"]:
        assert RESULT_KEYS <= set(r)
        assert r["file"] == "thesis.txt" and r["page"] is None and r["section"].startswith("BAB")
        assert isinstance(r["cites"], list) and r["sentence"] in r["text"]
    scores = [r["score"] for r in result["results"]]
    assert scores == sorted(scores, reverse=True)
    assert "cite:" in format_find_citation(result)


@pytest.mark.parametrize("claim, key", [
    ("Alih-alih mendapat pekerjaan layak, korban malah diperjualbelikan pelaku", "Wulandari, 2014"),
    (CLAIMS[0][0], "FBI, 2025"),  # its passage also holds a sentence citing Shehdula & Karamuco
])
def test_cites_lead_with_the_closest_sentence(engine, claim, key):
    top = find_citation(engine, claim, k=3)["results"][0]
    assert top["cites"][0] == key and key.split(",")[0] in top["sentence"]


def test_citation_index_of_the_thesis(engine):
    works = citation_index(engine.index)
    by_key = {w["key"]: w for w in works}
    assert len(works) == 45 and sum(w["count"] for w in works) == 49
    assert by_key["Shehdula, 2024"]["count"] == 2
    assert by_key["Yashinta, 2022"]["written"] == ["(Yashinta dan Haryati, 2022)", "(Yashinta & Haryati, 2022)"]
    assert by_key["Munatama, 2023"]["written"] == ["Saputra dalam Munatama & Zhaidah (2023)",
                                                  "Munatama & Zhaidah (2023)"]
    for w in works:
        assert w["source"] is None and w["reference"] is None
        assert w["passages"] and all(p["file"] == "thesis.txt" for p in w["passages"])
        flat = [" ".join(p["text"].split()) for p in w["passages"]]
        assert all(any(form in t for t in flat) for form in w["written"])
    assert "Shehdula, 2024  ×2" in format_citation_index(works)


def test_cite_cli_batch_and_single(engine, thesis_settings, tmp_path, capsys, monkeypatch):
    from assistant import cli, engine as engine_module

    loads = []
    real_init = engine_module.Assistant.__init__
    monkeypatch.setattr(engine_module.Assistant, "__init__", lambda self, s: (loads.append(1), real_init(self, s))[1])
    batch = tmp_path / "claims.jsonl"
    batch.write_text("\n".join(json.dumps(o) for o in [
        {"id": "c1", "claim": CLAIMS[1][0], "other": 1}, {"claim": CLAIMS[3][0]}]) + "\n", encoding="utf-8")
    index = str(thesis_settings.index_dir)
    assert cli.main(["cite", "--json", "--batch", str(batch), "-k", "3", "--index", index]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(loads) == 1
    assert [(o["id"], o["claim"], o["language"]) for o in lines] == [("c1", CLAIMS[1][0], "en"),
                                                                      (None, CLAIMS[3][0], "id")]
    assert all(len(o["results"]) == 3 and RESULT_KEYS <= set(o["results"][0]) for o in lines)

    assert cli.main(["cite", CLAIMS[4][0], "--json", "--index", index]) == 0
    single = json.loads(capsys.readouterr().out)
    assert single["id"] is None and len(single["results"]) == 5

    assert cli.main(["citations", "--json", "--index", index]) == 0
    works = json.loads(capsys.readouterr().out)
    assert {"key", "written", "count", "passages", "source", "reference"} <= set(works[0])
