"""Check a draft: every sentence's citation verified against the indexed documents, and the work to
cite where one is missing. `draft` reads the draft, `sentences` splits it keeping each sentence's
in-text citations, `verdict` judges each sentence, `report` and `comments` write the results."""
