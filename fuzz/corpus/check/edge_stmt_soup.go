package p

func f() {
	x := := 1
	if x := 1; x { } else if { }
	for ;; ; {}
	go func(){}
	defer 1
	x++ ++
	<-<-<-c
	var _ = [...][...]int{}
	type T = 
	return return
}
