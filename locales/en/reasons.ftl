# constat: reasons messages (en).
