package b

var B int = "type error in walk/a/b"
