# constat: cli messages (en).
