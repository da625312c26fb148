#pragma once

#include <cstdio>
#include <cstdlib>

// A fuzz target's promise: when it breaks, the target says which and aborts, so libFuzzer keeps
// the input that broke it as a crash like any other.
#define FUZZ_REQUIRE(condition)                                                                    \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, #condition);   \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
