# constat: errors messages (en).
