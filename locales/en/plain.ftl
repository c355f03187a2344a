# constat: plain messages (en).
