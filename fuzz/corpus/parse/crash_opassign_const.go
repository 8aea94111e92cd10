package p

func _() {
	const x = 0
	x += 1
	x <<= 1000
}
