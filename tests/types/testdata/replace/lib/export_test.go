package lib

var Exported = Name
