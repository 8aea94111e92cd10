// errorcheck

// An import path that is not a string literal is a syntax error only: the loader must not
// look for a package named by it.

package p

import 'a' // ERROR "import path must be a string"
