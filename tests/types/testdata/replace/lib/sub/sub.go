package sub

const Suffix = "!"

var Value = 42
