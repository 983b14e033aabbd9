"""A built matcher kept on disk, so that `extract match` and a run's first match start quickly."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from extract.mappings import Mappings
from extract.settings import ScoreWeights
from extract.tidy.matching import Matcher


def _matcher_key(mappings: Mappings, weights: ScoreWeights) -> str:
    """The mapping files' version and the code that builds a matcher from them."""
    import sys

    import numpy
    import rapidfuzz

    digest = hashlib.sha256(
        f"{mappings.version};{weights!r};{sys.version};{numpy.__version__};{rapidfuzz.__version__}".encode()
    )
    import extract.errors
    import extract.mappings
    import extract.model
    import extract.settings
    import extract.tidy.facets
    import extract.tidy.match_filter
    import extract.tidy.matching
    import extract.tidy.wording

    # the code a pickled matcher was built by: a change to any of it builds a new one
    for module in (extract.tidy.matching, extract.tidy.match_filter, extract.tidy.facets, extract.tidy.wording,
                   extract.mappings, extract.settings, extract.model, extract.errors):  # fmt: skip
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:20]


def load_matcher(mappings: Mappings, weights: ScoreWeights | None = None) -> Matcher:
    """A matcher for the mapping files as loaded from disk. Building one (each catalogue
    entry's facts) takes most of a second, so it is kept in the user's cache folder
    ($XDG_CACHE_HOME/extract or ~/.cache/extract), keyed by the mapping files' version and
    the matcher's code; EXTRACT_NO_MATCHER_CACHE=1 builds it every time."""
    import pickle
    import tempfile

    weights = weights or ScoreWeights()

    if os.environ.get("EXTRACT_NO_MATCHER_CACHE") or not mappings.version:
        return Matcher(mappings, weights)
    try:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "extract"
        path = folder / f"matcher-{_matcher_key(mappings, weights)}.pickle"
    except (OSError, RuntimeError):
        return Matcher(mappings, weights)
    try:
        with open(path, "rb") as fh:
            matcher = pickle.load(fh)
        if isinstance(matcher, Matcher) and matcher.mappings.version == mappings.version:
            return matcher
    except Exception:  # missing, damaged, or from another version of a library: build it
        pass
    matcher = Matcher(mappings, weights)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".matcher.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(matcher, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: build it next time too
    return matcher
