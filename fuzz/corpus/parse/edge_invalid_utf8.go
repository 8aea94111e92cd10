package p

var sÿ = "Ã("
var r = 'â‚'
/* ğ(Œ( */
