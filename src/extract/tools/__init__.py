"""tools stage of extract."""
