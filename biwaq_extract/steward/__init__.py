"""The data steward's loop: verdict, review items, decisions and archive packages over a dataset folder."""
