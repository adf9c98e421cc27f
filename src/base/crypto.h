/*
 * crypto.h - the few cryptographic operations gongkai needs, all from
 * libsodium: random tokens, SHA-256, HMAC-SHA-256 and argon2id password
 * hashes. Hex strings are lower case and NUL-terminated.
 */
#ifndef GK_CRYPTO_H
#define GK_CRYPTO_H

#include <stddef.h>

#define CRYPTO_HEX32 65   /* 32 bytes as hex + NUL */
#define CRYPTO_PWHASH 128 /* room for an argon2id encoded hash */

/* Initialises libsodium; call once at start. 0 or -1. */
int crypto_setup(void);
/* Fills out with 32 random bytes as 64 hex characters. */
void crypto_random_hex(char out[CRYPTO_HEX32]);
/* SHA-256 of n bytes at p, as hex. */
void crypto_sha256_hex(const void *p, size_t n, char out[CRYPTO_HEX32]);
/* HMAC-SHA-256 of msg under key, as hex. */
void crypto_hmac_hex(const char *key, const char *msg,
		     char out[CRYPTO_HEX32]);
/* argon2id hash of password (interactive limits) into out: 0, or -1 when
 * out of memory. */
int crypto_pw_hash(const char *password, char out[CRYPTO_PWHASH]);
/* 1 when password matches the encoded hash, else 0. */
int crypto_pw_verify(const char *hash, const char *password);
/* Constant-time comparison of two NUL-terminated strings: 1 if equal. */
int crypto_str_eq(const char *a, const char *b);

#endif
