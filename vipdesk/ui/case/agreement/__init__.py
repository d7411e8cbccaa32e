"""The "Convenio" page of a case: its payment agreements, the selected version's terms with
their breakdown and schedule, its signatories and its approval trail, and the steps that move
it from draft to approved, signed and completed."""
