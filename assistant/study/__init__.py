"""Study aid: timeline, glossary, chapter guide, flashcards and quiz, computed from an index."""
