/* paperlint never opens a network connection, so it never needs trusted CA certificates.
 *
 * Debian's libgit2 (1.5, built on mbedTLS) nevertheless parses the whole system CA bundle
 * inside git_libgit2_init, with no option to skip it: about 52 million instructions, 15% of
 * a pre-commit check of a 2,000-entry list and ~2 ms of its wall time. The two loaders below
 * take the place of mbedTLS's own for libgit2 (a definition in the executable comes first
 * in the dynamic linker's lookup, and the linker exports it because libgit2.so refers to
 * it) and load nothing. Should anything in the process ever make a TLS connection through
 * libgit2, an empty store trusts no server: it fails closed.
 *
 * Where libgit2 is built on OpenSSL instead, nothing refers to these symbols and they are
 * inert.
 *
 * They are weak definitions, so that a static link against mbedTLS's own archive still
 * links (the archive's definitions then win, and the bundle is parsed as before);
 * `make install` links a copy of libmbedx509.a whose two definitions are weakened, so that
 * these, linked first, are kept. */
#include "paperlint_startup.h"

#include <stdatomic.h>

static atomic_int skipped_loads;

int mbedtls_x509_crt_parse_file(void *chain, const char *path);
int mbedtls_x509_crt_parse_path(void *chain, const char *path);

__attribute__((weak)) int mbedtls_x509_crt_parse_file(void *chain, const char *path) {
    (void)chain;
    (void)path;
    atomic_fetch_add(&skipped_loads, 1);
    return 0; /* mbedTLS: 0 is success, every certificate (none) parsed */
}

__attribute__((weak)) int mbedtls_x509_crt_parse_path(void *chain, const char *path) {
    (void)chain;
    (void)path;
    atomic_fetch_add(&skipped_loads, 1);
    return 0;
}

int paperlint_skipped_trust_store_loads(void) {
    return atomic_load(&skipped_loads);
}
