"""Converse: a follow-up question made standalone from the conversation so far, before it is analysed.

`rewrite.standalone(question, history)` reads the last few user turns of a chat (no state is kept
anywhere else) and, when the question leans on them (a pronoun, a demonstrative, "-nya", an ellipsis,
a reference to an earlier turn), returns the question it stands for; a complete question is left
alone. Deterministic and general: the rules know Indonesian and English function words, never the
words of a document. `propose` lets a language model word the rewrite instead, checked, when asked to.
"""
