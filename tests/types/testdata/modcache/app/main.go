package main

import "example.com/BigDep/inner"

func main() { inner.Use(inner.Value) }
