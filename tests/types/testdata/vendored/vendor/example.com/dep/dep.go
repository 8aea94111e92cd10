package dep

// Answer is vendored.
const Answer = 42
