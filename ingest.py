#!/usr/bin/env python3
"""Build the index: `python ingest.py [--corpus DIR] [--index DIR]` (see assistant/ingest/build.py)."""
import sys

from assistant.ingest.build import main

if __name__ == "__main__":
    sys.exit(main())
