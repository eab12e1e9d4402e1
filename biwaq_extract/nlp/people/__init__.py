"""The people finder: names with the role and organisation the text ties them to.

`load_resources()` builds the resources once; `find(doc, resources)` returns the PersonMentions.
"""

from biwaq_extract.nlp.people.finder import find
from biwaq_extract.nlp.people.resources import PeopleResources, load_resources

__all__ = ["PeopleResources", "find", "load_resources"]
