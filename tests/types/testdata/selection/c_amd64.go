package selection

const Arch = "amd64"
