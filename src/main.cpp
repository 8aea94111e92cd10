// main.cpp -- the escapist command.
#include "driver/driver.h"

int main(int argc, char** argv) { return escapist::driver::Main(argc, argv); }
