module example.com/missing

go 1.27

require example.com/nothere v1.2.3
