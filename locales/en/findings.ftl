# constat: the findings' wording (what each observation proves; see docs/findings.md).
