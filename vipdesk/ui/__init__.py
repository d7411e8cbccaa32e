"""The PySide6 desktop interface. Importing it has no side effects (no QApplication).

Entry point: :func:`vipdesk.ui.application.run_gui`.
"""
