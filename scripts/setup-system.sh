#!/usr/bin/env bash
# System packages the tests need (Debian): Chromium for browser tests, a real TeX-made PDF
# with its plain-text twin (debian-reference-en, -id) for extraction recall, and FreeDict eng-ind. Idempotent; root only.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
for lang in en id; do  # English and Indonesian twins (PDF + text) for the extraction-recall tests
  ls /usr/share/debian-reference/*.$lang.pdf >/dev/null 2>&1 || need+=(debian-reference-$lang)
done
# the English–Indonesian dictionary that assistant/data/lexicon_en_id.tsv.gz is built from (a test rebuilds it)
[ -f /usr/share/dictd/freedict-eng-ind.index ] || need+=(dict-freedict-eng-ind)
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
