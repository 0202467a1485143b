"""Stage 2, tables: the claims (``claims``), the entity mentions and candidate names (``entities``), and every table
of one document in one call (``extract``)."""
