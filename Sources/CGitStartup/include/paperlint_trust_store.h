#ifndef PAPERLINT_TRUST_STORE_H
#define PAPERLINT_TRUST_STORE_H

/* How many times libgit2 asked mbedTLS to load the system's CA certificates in this process
 * and was answered with an empty store instead (see trust_store.c). Zero when libgit2 is not
 * built on mbedTLS: nothing then is skipped, and nothing needs to be. */
int paperlint_skipped_trust_store_loads(void);

#endif
