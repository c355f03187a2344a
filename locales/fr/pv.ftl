# constat: pv messages (fr).
