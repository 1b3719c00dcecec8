"""Search: embed, keywords, lexicon, language, query, index, retrieve."""

INDEX_FORMAT = 5  # layout of a saved index (index.py); 1 embedded each sentence with its section and predecessor;
# 2 keyed a short word's plural apart from it ("days" → "dai", "day" → "day");
# 3 and 4 (a possessive's keyword, reverted) kept a line opening with "(1)" as one sentence, which 5 splits
