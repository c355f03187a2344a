# constat: report messages (en).
