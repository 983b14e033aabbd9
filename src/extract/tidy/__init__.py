"""tidy stage of extract."""
