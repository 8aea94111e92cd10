package p

/* never closed

func f() {}
