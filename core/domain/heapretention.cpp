#include "heapretention.h"

#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace dpm {

void retainFreedHeap()
{
#if defined(__GLIBC__)
    // Fixed values also switch off glibc's sliding mmap threshold, so the behaviour no longer
    // depends on what the process happened to free first.
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TOP_PAD, 4 * 1024 * 1024);
#endif
}

} // namespace dpm
