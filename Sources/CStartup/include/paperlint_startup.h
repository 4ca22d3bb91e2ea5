#ifndef PAPERLINT_STARTUP_H
#define PAPERLINT_STARTUP_H

/* Process-wide settings made as paperlint starts, in C because Swift's Glibc module does not
 * include <malloc.h>. */

/* How many times libgit2 asked mbedTLS to load the system's CA certificates in this process
 * and was answered with an empty store instead (see trust_store.c). Zero when libgit2 is not
 * built on mbedTLS: nothing then is skipped, and nothing needs to be. */
int paperlint_skipped_trust_store_loads(void);

/* Has glibc map blocks of `threshold` bytes and more on their own, and unmap them when freed
 * (mallopt M_MMAP_THRESHOLD), instead of raising that threshold after each large free and
 * keeping freed large blocks in the heap. Returns 0 where the setting is refused. */
int paperlint_map_large_blocks(int threshold);

#endif
