"""The organisation finder: gazetteer, name patterns and acronyms, merged into one mention per span.

`load_resources(use_ner)` builds the resources once; `find(doc, resources)` returns the OrgMentions.
"""

from biwaq_extract.nlp.organisations.finder import find
from biwaq_extract.nlp.organisations.resources import OrgResources, load_resources

__all__ = ["OrgResources", "find", "load_resources"]
