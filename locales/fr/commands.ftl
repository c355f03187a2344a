# constat: commands messages (fr).
