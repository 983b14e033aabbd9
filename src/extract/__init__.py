"""extract: council performance figures from committee papers, as a tidy dataset."""

__version__ = "0.1.0"
