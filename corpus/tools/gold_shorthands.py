"""Annotation shorthands shared by the corpus generator scripts (write_articles_a.py, write_articles_b.py)."""


def O(name, acronym, *aliases):
    return {"name": name, "acronym": acronym, "aliases": list(aliases)}


def P(name, role, organisation):
    return {"name": name, "role": role, "organisation": organisation}


def E(type_, name, start, end, location, participants):
    return {"type": type_, "name": name, "start": start, "end": end,
            "location": location, "participants": participants}


def C(text, count, qualifier, who):
    return {"text": text, "count": count, "qualifier": qualifier, "who": who}
