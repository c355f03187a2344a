# constat: reasons messages (fr).
