"""Cited question answering over an Indonesian thesis and the PDFs it cites.

Pipeline, one module a stage: load → chunk (citations) → embed → index (keywords) →
retrieve → answer (language) → engine → cli / app.
"""
__version__ = "0.1.0"
