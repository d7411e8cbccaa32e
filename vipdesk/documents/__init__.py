"""PDF letters: data in, PDF bytes out.

The package knows nothing of the database: a service gathers a case's data into a
:class:`~vipdesk.documents.snapshot.LetterData` and calls
:func:`~vipdesk.documents.render.render_letter`. Templates are plain text in
``resources/letters`` (an admin may edit them: :mod:`vipdesk.documents.templates` refuses a
bad edit before it is saved). No Qt here: the command line renders letters too.
"""
