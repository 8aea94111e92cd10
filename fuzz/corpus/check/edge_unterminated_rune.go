package p

var r = '\u12