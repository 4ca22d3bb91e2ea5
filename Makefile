# make install PREFIX=/usr/local
#
# Builds a release paperlint that links libgit2, cmark-gfm and what they pull in (mbedTLS,
# libssh2 with OpenSSL's libcrypto, http-parser, PCRE2, zlib) statically from Debian's
# archives, strips it, and installs it with its shell completions and man page. The binary
# then needs only the C and C++ runtimes and the Kerberos GSSAPI libraries (Debian ships no
# static archive of them), so it runs on any glibc Linux with the same or newer glibc.
# Needs the -dev packages to build (bash .ci/install).

PREFIX ?= /usr/local
BUILD := .build-install
LIBDIR := $(shell pkg-config --variable=libdir libgit2)
STAGE := $(BUILD)/static
BINARY := $(BUILD)/release/paperlint
# libgit2's Negotiate authentication needs GSSAPI, which Debian ships as a shared library only
# (libgssapi-krb5-2; the -dev symlink may be absent, so the versioned file is named).
GSSAPI := $(firstword $(wildcard $(LIBDIR)/libgssapi_krb5.so $(LIBDIR)/libgssapi_krb5.so.2))

.PHONY: build install uninstall clean

# The binary is removed first: SwiftPM does not see a changed PKG_CONFIG_PATH, and a binary
# linked without it (by hand, or by the manual plugin) must not be taken for this one.
build: $(STAGE)/pkgconfig/libgit2.pc
	rm -f $(BINARY)
	PKG_CONFIG_PATH=$(CURDIR)/$(STAGE)/pkgconfig swift build -c release --product paperlint --scratch-path $(BUILD)
	strip $(BINARY)

# Linker scripts named like the shared libraries, found first: `-lgit2` then takes the
# archives, in an order that resolves every symbol. libmbedx509.a is copied with its two CA
# loaders weakened, so that paperlint's own (Sources/CStartup/trust_store.c: paperlint never
# connects, and parsing the system's CA bundle at libgit2's start-up was 15% of a pre-commit
# check) are the ones linked.
$(STAGE)/pkgconfig/libgit2.pc:
	mkdir -p $(STAGE)/lib $(STAGE)/pkgconfig
	objcopy --weaken-symbol=mbedtls_x509_crt_parse_file --weaken-symbol=mbedtls_x509_crt_parse_path \
		$(LIBDIR)/libmbedx509.a $(STAGE)/lib/libmbedx509.a
	echo "GROUP($(LIBDIR)/libgit2.a $(LIBDIR)/libmbedtls.a $(CURDIR)/$(STAGE)/lib/libmbedx509.a $(LIBDIR)/libmbedcrypto.a $(LIBDIR)/libhttp_parser.a $(LIBDIR)/libssh2.a $(LIBDIR)/libcrypto.a $(LIBDIR)/libpcre2-8.a $(LIBDIR)/libz.a $(GSSAPI) -lrt -ldl -lpthread)" > $(STAGE)/lib/libgit2.so
	echo "GROUP($(LIBDIR)/libcmark-gfm-extensions.a $(LIBDIR)/libcmark-gfm.a)" > $(STAGE)/lib/libcmark-gfm-extensions.so
	echo "GROUP($(LIBDIR)/libcmark-gfm.a)" > $(STAGE)/lib/libcmark-gfm.so
	printf 'Name: libgit2\nDescription: libgit2, linked statically\nVersion: %s\nLibs: -L%s -lgit2\nCflags: %s\n' \
		"$$(pkg-config --modversion libgit2)" "$(CURDIR)/$(STAGE)/lib" "$$(pkg-config --cflags libgit2)" > $(STAGE)/pkgconfig/libgit2.pc
	printf 'Name: libcmark-gfm\nDescription: cmark-gfm, linked statically\nVersion: %s\nLibs: -L%s -lcmark-gfm -lcmark-gfm-extensions\nCflags: %s\n' \
		"$$(pkg-config --modversion libcmark-gfm)" "$(CURDIR)/$(STAGE)/lib" "$$(pkg-config --cflags libcmark-gfm)" > $(STAGE)/pkgconfig/libcmark-gfm.pc

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(BINARY) $(DESTDIR)$(PREFIX)/bin/paperlint
	$(BINARY) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/paperlint
	$(BINARY) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_paperlint
	$(BINARY) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/paperlint.fish
	PKG_CONFIG_PATH=$(CURDIR)/$(STAGE)/pkgconfig swift package --scratch-path $(BUILD) plugin generate-manual >/dev/null
	install -m 644 $$(find $(BUILD)/plugins -name paperlint.1 | head -1) $(DESTDIR)$(PREFIX)/share/man/man1/paperlint.1
	@echo "installed $(DESTDIR)$(PREFIX)/bin/paperlint"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/paperlint $(DESTDIR)$(PREFIX)/share/man/man1/paperlint.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/paperlint $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_paperlint \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/paperlint.fish

clean:
	rm -rf $(BUILD)
