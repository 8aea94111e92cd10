package selection

const OS = "windows"
