/* glibc's allocator settings for paperlint (see paperlint_startup.h). */
#include "paperlint_startup.h"

#include <malloc.h>

int paperlint_map_large_blocks(int threshold) {
    return mallopt(M_MMAP_THRESHOLD, threshold);
}
