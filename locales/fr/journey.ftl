# constat: journey messages (fr).
