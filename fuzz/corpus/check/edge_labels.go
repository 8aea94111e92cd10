package p

func f() {
L:
	goto L
	goto M
	break L
	continue L
	for { break Q }
L:
	select {}
	fallthrough
}
