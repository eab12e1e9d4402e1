"""The date finder: German date expressions normalised to inclusive intervals with a granularity.

`load_resources()` builds the resources once; `find(doc, resources)` returns the DateMentions.
"""

from biwaq_extract.nlp.dates.finder import find
from biwaq_extract.nlp.dates.resources import TemporalResources, load_resources

__all__ = ["TemporalResources", "find", "load_resources"]
