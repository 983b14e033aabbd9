"""write stage of extract."""
