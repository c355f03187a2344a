# constat: cli messages (fr).
