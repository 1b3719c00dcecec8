"""Search: embed, keywords, lexicon, language, query, index, retrieve."""

INDEX_FORMAT = 4  # layout of a saved index (index.py); 1 embedded each sentence with its section and predecessor;
# 2 keyed a short word's plural apart from it ("days" → "dai", "day" → "day"), 3 no longer; 4 reads an English
# possessive as its word ("Yulanda's" → "yulanda")
