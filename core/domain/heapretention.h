#pragma once

namespace dpm {

// Keeps freed heap memory in the process for the next page of rows instead of handing it back to
// the kernel after every listing. glibc's defaults trim the heap top past 128 KiB of free space
// and mmap blocks from 128 KiB: a page of 51 async operations (~1.3 MiB of JSON as QString) was
// then page-faulted in afresh on each read, which perf showed as most of list_operations' time
// on SQLite (page faults and TLB shoot-downs, not SQL). Retention is bounded (32 MiB of free heap
// top). Call once at the start of main(); a no-op off glibc.
void retainFreedHeap();

} // namespace dpm
