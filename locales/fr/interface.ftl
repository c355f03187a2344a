# constat: interface messages (fr).
