module example.com/BigDep

go 1.20
