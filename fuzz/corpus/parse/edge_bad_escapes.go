package p

var a = "\q\x4\u12\U0011ffff\400\uD800"
var b = '\''
var c = ''
var d = 'ab'
