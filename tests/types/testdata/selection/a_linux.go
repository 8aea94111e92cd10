package selection

const OS = "linux"
