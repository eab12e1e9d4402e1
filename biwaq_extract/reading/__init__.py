"""Reading: turn input (JSON Lines, saved HTML pages) into plain `Document` records, screened for bad input."""
