func f() {}
var x = 1
