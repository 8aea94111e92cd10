// fuzz/big_stack.h -- runs one fuzz input on a thread with a large stack, as escapist's Loader
// runs parsing and checking (types/loader.cpp RunWithBigStack), so that the recursion the tool
// allows on its own big stack is allowed here too and a stack overflow is a real defect.
#pragma once

#include <pthread.h>

#include <cstddef>
#include <functional>

namespace escapist::fuzz {

// Runs `f` to completion on a fresh thread whose stack is `stack_bytes` (reserved, not
// committed); runs it on the calling thread if no thread can be created.
inline void RunOnBigStack(const std::function<void()>& f, size_t stack_bytes = size_t{1} << 30) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, stack_bytes);
  pthread_t th;
  auto thunk = [](void* arg) -> void* {
    (*static_cast<const std::function<void()>*>(arg))();
    return nullptr;
  };
  if (pthread_create(&th, &attr, thunk, const_cast<std::function<void()>*>(&f)) != 0) {
    pthread_attr_destroy(&attr);
    f();
    return;
  }
  pthread_join(th, nullptr);
  pthread_attr_destroy(&attr);
}

}  // namespace escapist::fuzz
