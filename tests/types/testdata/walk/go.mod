module example.com/walk

go 1.27
