/*
 * fee.h - 信息处理费 (regulation art. 42; 国办函〔2020〕109号, see
 * shared/reference/fee-rules-2020.md): both rules are excess-progressive.
 *
 * By item (按件, art. 4): per applicant per natural month, the 1st-10th
 * items are free, the 11th-30th cost 100 yuan each, and from the 31st on
 * every band of 10 items costs 100 yuan more per item (31st-40th: 200,
 * 41st-50th: 300, ...).
 * By volume (按量, pages): 1-30 free, 31-100 at 10 yuan, 101-200 at 20,
 * 201 and up at 40 yuan per page.
 * Pure functions.
 */
#ifndef GK_FEE_H
#define GK_FEE_H

#include "base/buf.h"

#include <stdint.h>

/* The price in yuan of the applicant's nth item (n >= 1) of a month. */
int64_t fee_item_price(int64_t n);
/* Yuan for `units` items when the applicant already filed `before` items
 * in the same natural month. */
int64_t fee_by_item(int64_t before, int64_t units);
/* Yuan for `pages` pages. */
int64_t fee_by_volume(int64_t pages);
/* Appends how the amount is made up, band by band, e.g. "第 11-15 件
 * 100 元/件 × 5 = 500 元；". */
void fee_explain_item(int64_t before, int64_t units, Buf *out);
void fee_explain_volume(int64_t pages, Buf *out);

#endif
