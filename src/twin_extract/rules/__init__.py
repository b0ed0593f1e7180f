"""The relation rule families, one module each; ``relations.TwinExtractor`` runs them in order.

- ``clause_pairs``: places and a trigger in one clause ("Chernihiv twinned with Rzeszów");
- ``hubs``: one place owns the trigger ("Kyiv's sister cities include A, B");
- ``implicit_host``: a lone partner after "with"; the story's place is the host;
- ``lists``: one partner per line (after a colon, or a partner page's entries);
- ``followups``: "the two cities", and later sentences that update status or date;
- ``merge``: precedence between the families and one record per pair.

Shared by all: ``lexicon`` (compiled rules), ``findings`` (the one finding factory and the
confidence table) and ``status`` (status from cues, trigger caps).
"""
