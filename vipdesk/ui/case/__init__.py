"""The case workspace: one tab per open case, a header that always shows the essentials, and
one page per aspect of the case (summary, debtor, obligations, contact log...)."""
