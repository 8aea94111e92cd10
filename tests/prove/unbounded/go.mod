module proveunbounded

go 1.27
