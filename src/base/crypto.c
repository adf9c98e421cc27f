/*
 * crypto.c - thin wrappers over libsodium (see crypto.h).
 */
#include "base/crypto.h"

#include <sodium.h>
#include <string.h>

int crypto_setup(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

void crypto_random_hex(char out[CRYPTO_HEX32])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, CRYPTO_HEX32, raw, sizeof raw);
}

void crypto_sha256_hex(const void *p, size_t n, char out[CRYPTO_HEX32])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, p, n);
	sodium_bin2hex(out, CRYPTO_HEX32, h, sizeof h);
}

void crypto_hmac_hex(const char *key, const char *msg,
		     char out[CRYPTO_HEX32])
{
	unsigned char h[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)key,
				    strlen(key));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg,
				      strlen(msg));
	crypto_auth_hmacsha256_final(&st, h);
	sodium_bin2hex(out, CRYPTO_HEX32, h, sizeof h);
}

int crypto_pw_hash(const char *password, char out[CRYPTO_PWHASH])
{
	_Static_assert(crypto_pwhash_STRBYTES <= CRYPTO_PWHASH,
		       "password hash buffer");
	return crypto_pwhash_str_alg(out, password, strlen(password),
				     crypto_pwhash_OPSLIMIT_INTERACTIVE,
				     crypto_pwhash_MEMLIMIT_INTERACTIVE,
				     crypto_pwhash_ALG_ARGON2ID13) == 0
		       ? 0
		       : -1;
}

int crypto_pw_verify(const char *hash, const char *password)
{
	if (!hash || !password) {
		return 0;
	}
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

int crypto_str_eq(const char *a, const char *b)
{
	size_t n = strlen(a);
	if (n != strlen(b)) {
		return 0;
	}
	return sodium_memcmp(a, b, n) == 0;
}
