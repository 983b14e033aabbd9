"""read.narrative stage of extract."""
