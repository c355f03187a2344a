# constat: interface messages (en).
