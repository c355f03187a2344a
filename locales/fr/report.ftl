# constat: report messages (fr).
