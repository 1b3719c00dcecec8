"""Search: embed, keywords, lexicon, language, query, index, retrieve."""

INDEX_FORMAT = 3  # layout of a saved index (index.py); 1 embedded each sentence with its section and predecessor;
# 2 keyed a short word's plural apart from it ("days" → "dai", "day" → "day")
