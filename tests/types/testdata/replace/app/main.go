package main

import (
	"fmt"

	"example.com/lib"
	"example.com/lib/sub"
)

func main() {
	fmt.Println(lib.Name(), sub.Value)
}
