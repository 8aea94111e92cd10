// tests/syntax/scanner_test.cpp -- unit tests of the scanner: tokens, semicolons, errors.
#include "syntax/scanner.h"

#include <gtest/gtest.h>
