"""The "Análisis financiero" page of a case: statements by period, ratios with their trend,
capacity to pay, and settlement scenarios valued side by side."""
