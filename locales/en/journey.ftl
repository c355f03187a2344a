# constat: journey messages (en).
