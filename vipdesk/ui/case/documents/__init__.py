"""The "Documentos" page of a case: the letters generated for it, previewed, printed, saved to
a folder and handed to legal; the PDF preview is shared with legal's inbox."""
