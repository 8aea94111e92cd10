// tests/types/check_test.cpp -- type-checks small Go snippets and inspects errors and Info.
#include <gtest/gtest.h>

#include "types/check.h"

namespace escapist::types {
namespace {

TEST(Check, Placeholder) { SUCCEED(); }

}  // namespace
}  // namespace escapist::types
