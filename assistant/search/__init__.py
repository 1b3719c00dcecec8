"""Search: embed, keywords, lexicon, language, query, index, retrieve."""

INDEX_FORMAT = 2  # layout of a saved index (index.py); 1 embedded each sentence with its section and predecessor
