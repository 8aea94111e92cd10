module example.com/parseerr

go 1.27
