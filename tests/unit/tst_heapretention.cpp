// retainFreedHeap(): freed heap stays in the process for the next page of rows (issue 18), rather
// than being trimmed back to the kernel and page-faulted in again.

#include "domain/heapretention.h"

#include <QTest>

#include <cstdlib>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

class HeapRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
#if defined(__GLIBC__)
    void freedPageOfRows_staysInTheHeap()
    {
        dpm::retainFreedHeap();
        // A page of wide rows: 64 strings of 24 KiB, below the mmap threshold, so they come from
        // the heap, freed newest first so that the heap's top becomes free.
        std::vector<void *> blocks;
        for (int i = 0; i < 64; ++i)
            blocks.push_back(std::malloc(24 * 1024));
        const size_t used = mallinfo2().arena;
        for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
            std::free(*it);
        // glibc's default trims once 128 KiB at the top are free; retained, the heap keeps them.
        QCOMPARE_GE(mallinfo2().arena, used);
    }
#endif
};

QTEST_GUILESS_MAIN(HeapRetention)
#include "tst_heapretention.moc"
