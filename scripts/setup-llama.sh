#!/usr/bin/env bash
# llama-cpp-python (the tests' real llama.cpp server) built once for any x86-64 with AVX2, kept in a
# wheel folder and installed from it. pip's own build is -march=native: a wheel it cached on one
# machine stopped with SIGILL ("Illegal instruction") on the next one of the same kind, and the tests
# of generated answers then met a dead server. Usage: setup-llama.sh PYTHON
set -euo pipefail
py="$1"
version="${LLAMA_CPP_VERSION:-0.3.36}"
wheels="${ASSISTANT_WHEELS:-${XDG_CACHE_HOME:-$HOME/.cache}/thesis-assistant/wheels}"
mkdir -p "$wheels"
if ! ls "$wheels"/llama_cpp_python-"$version"-*.whl >/dev/null 2>&1; then
  echo "setup-llama: building llama-cpp-python $version for AVX2 (about 5 minutes, once)" >&2
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON" \
    "$py" -m pip wheel -q --no-deps --no-cache-dir "llama-cpp-python==$version" -w "$wheels"
fi
"$py" -m pip install -q --force-reinstall --no-deps --no-index --find-links "$wheels" "llama-cpp-python==$version"
