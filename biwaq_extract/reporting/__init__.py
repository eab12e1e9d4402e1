"""Reporting: the HTML run report that data stewards read before archiving a run."""
