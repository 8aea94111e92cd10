package bad

func F() {
	x :=
}
