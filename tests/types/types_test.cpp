// tests/types/types_test.cpp -- unit tests of sizes, constants, type strings and assignability.
#include <gtest/gtest.h>

#include "types/checker.h"
#include "types/types.h"

namespace escapist::types {
namespace {

TEST(Constants, Placeholder) { EXPECT_EQ(constant::String(constant::MakeInt64(5)), "5"); }

}  // namespace
}  // namespace escapist::types
