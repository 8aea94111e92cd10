module provecorpus

go 1.27
