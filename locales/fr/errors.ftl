# constat: errors messages (fr).
