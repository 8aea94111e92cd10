module escapist/bench/go

go 1.27
