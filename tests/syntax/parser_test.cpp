// tests/syntax/parser_test.cpp -- unit tests of the parser: node shapes, positions, errors.
#include <gtest/gtest.h>

#include "syntax/parse.h"
