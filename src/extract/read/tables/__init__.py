"""read.tables stage of extract."""
