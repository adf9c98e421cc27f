/*
 * fee.c - the two excess-progressive fee scales (see fee.h).
 */
#include "domain/fee.h"

int64_t fee_item_price(int64_t n)
{
	if (n <= 10) {
		return 0;
	}
	if (n <= 30) {
		return 100;
	}
	return 100 + 100 * ((n - 31) / 10 + 1);
}

int64_t fee_by_item(int64_t before, int64_t units)
{
	int64_t sum = 0;
	for (int64_t n = before + 1; n <= before + units; n++) {
		sum += fee_item_price(n);
	}
	return sum;
}

/* Volume bands: first page, last page (0 = no end), yuan per page. */
static const struct band {
	int64_t lo, hi, price;
} volume[] = {{1, 30, 0}, {31, 100, 10}, {101, 200, 20}, {201, 0, 40}};

int64_t fee_by_volume(int64_t pages)
{
	int64_t sum = 0;
	for (size_t i = 0; i < sizeof volume / sizeof volume[0]; i++) {
		int64_t hi = volume[i].hi ? volume[i].hi : pages;
		if (pages >= volume[i].lo) {
			sum += ((pages < hi ? pages : hi) - volume[i].lo + 1) *
			       volume[i].price;
		}
	}
	return sum;
}

void fee_explain_item(int64_t before, int64_t units, Buf *out)
{
	int64_t n = before + 1, last = before + units;
	while (n <= last) {
		int64_t price = fee_item_price(n), m = n;
		while (m < last && fee_item_price(m + 1) == price) {
			m++;
		}
		buf_printf(out,
			   "本月第 %lld–%lld 件 %lld 元/件 × %lld = %lld 元；",
			   (long long)n, (long long)m, (long long)price,
			   (long long)(m - n + 1),
			   (long long)(price * (m - n + 1)));
		n = m + 1;
	}
	buf_printf(out, "合计 %lld 元", (long long)fee_by_item(before, units));
}

void fee_explain_volume(int64_t pages, Buf *out)
{
	for (size_t i = 0; i < sizeof volume / sizeof volume[0]; i++) {
		int64_t hi = volume[i].hi ? volume[i].hi : pages;
		if (pages < volume[i].lo) {
			break;
		}
		int64_t k = (pages < hi ? pages : hi) - volume[i].lo + 1;
		buf_printf(out, "第 %lld–%lld 页 %lld 元/页 × %lld = %lld 元；",
			   (long long)volume[i].lo,
			   (long long)(volume[i].lo + k - 1),
			   (long long)volume[i].price, (long long)k,
			   (long long)(k * volume[i].price));
	}
	buf_printf(out, "合计 %lld 元", (long long)fee_by_volume(pages));
}
