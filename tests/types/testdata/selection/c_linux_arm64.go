package selection

const Arch = "arm64"
