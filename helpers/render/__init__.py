"""Stage 6, rendering: figures (``figures``, with the CJK font from ``fonts``), the generated prose (``narrative``), and
the report (``report``: notebooks run by ``notebooks``, rendered by ``pages``, with the ``assets`` they carry)."""
