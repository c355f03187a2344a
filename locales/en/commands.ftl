# constat: commands messages (en).
