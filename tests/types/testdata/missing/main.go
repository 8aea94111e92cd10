package main

import "example.com/nothere/x"

func main() { x.F() }
