"""plugins stage of extract."""
