package main

import "example.com/parseerr/bad"

func main() { bad.F() }
