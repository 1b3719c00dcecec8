#!/usr/bin/env bash
# System packages (Debian): Tesseract with Indonesian and English, which reads scanned PDF pages
# (assistant/ingest/ocr.py); for the tests Chromium for browser tests, a real TeX-made PDF
# with its plain-text twin (debian-reference-en, -id) for extraction recall, and the FreeDict dictionaries and WordNet
# the lexicon is built from. Idempotent; root only.
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
for lang in ind eng; do  # OCR languages (tesseract --list-langs)
  ls /usr/share/tesseract-ocr/*/tessdata/$lang.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-$lang)
done
command -v chromium >/dev/null 2>&1 || need+=(chromium)
for lang in en id; do  # English and Indonesian twins (PDF + text) for the extraction-recall tests
  ls /usr/share/debian-reference/*.$lang.pdf >/dev/null 2>&1 || need+=(debian-reference-$lang)
done
# the FreeDict dictionaries that assistant/data/lexicon_*.tsv.gz are built from (a test rebuilds them):
# English–Indonesian, and English–X plus X–Indonesian for the pivot languages
for pair in eng-ind eng-deu deu-ind eng-fin fin-ind eng-nld nld-ind eng-ita ita-ind; do
  [ -f /usr/share/dictd/freedict-$pair.index ] || need+=(dict-freedict-$pair)
done
# Princeton WordNet 3.0, which assistant/data/lexicon_wordnet_en_id.tsv.gz is built from (a test rebuilds it)
[ -f /usr/share/wordnet/index.noun ] || need+=(wordnet-base)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup-system: missing ${need[*]} and not root; the tests that need them will skip" >&2
    exit 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  # other apt runs (unattended upgrades, a parallel setup) hold the dpkg lock: wait for it
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
