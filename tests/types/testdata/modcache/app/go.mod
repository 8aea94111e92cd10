module example.com/usecache

go 1.27

require example.com/BigDep v1.0.0
