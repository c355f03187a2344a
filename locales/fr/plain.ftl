# constat: plain messages (fr).
