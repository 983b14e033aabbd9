"""run stage of extract."""
