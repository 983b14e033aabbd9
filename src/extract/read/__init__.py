"""read stage of extract."""
