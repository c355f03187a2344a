# constat: pv messages (en).
