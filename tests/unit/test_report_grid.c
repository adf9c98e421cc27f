/*
 * test_report_grid.c - render/report_grid.c: every table of every shipped
 * format tiles its grid exactly (each position covered once), and the
 * cn-2021 applications table and the fj-county-2018 table land where the
 * official forms put them: corner, spans, header rows, unit column,
 * numbers with their values and decimals, blanks.
 */
#include "t.h"

#include "base/buf.h"
#include "render/report_doc.h"
#include "render/report_grid.h"

#include <stdlib.h>
#include <string.h>

static const struct rg_cell *at(const struct rgrid *g, int row, int col)
{
	for (size_t i = 0; i < g->n; i++) {
		if (g->v[i].row == row && g->v[i].col == col) {
			return &g->v[i];
		}
	}
	return NULL;
}

/* 1 when the cells of g cover every position exactly once. */
static int tiles(const struct rgrid *g)
{
	int *seen = calloc((size_t)(g->nrows * g->ncols) + 1, sizeof *seen);
	int ok = g->nrows > 0 && g->ncols > 0;
	for (size_t i = 0; i < g->n && ok; i++) {
		const struct rg_cell *c = &g->v[i];
		for (int r = c->row; r < c->row + c->rowspan && ok; r++) {
			for (int k = c->col; k < c->col + c->colspan && ok;
			     k++) {
				ok = r < g->nrows && k < g->ncols &&
				     seen[r * g->ncols + k]++ == 0;
			}
		}
	}
	for (int i = 0; i < g->nrows * g->ncols && ok; i++) {
		ok = seen[i] == 1;
	}
	free(seen);
	return ok;
}

static void t_every_table_tiles(void)
{
	Buf ids = BUF_INIT;
	report_formats_known(&ids);
	char *list = buf_detach(&ids), *save = NULL;
	int nformats = 0;
	for (char *id = strtok_r(list, ", ", &save); id;
	     id = strtok_r(NULL, ", ", &save)) {
		struct format f;
		struct err e = {0};
		T_ASSERT(report_format_load(NULL, id, &f, &e) == 0);
		for (size_t t = 0; t < f.ntables; t++) {
			struct cellset s = {0};
			struct rgrid g;
			report_grid(&f.tables[t], "某局", 2023, &s, &g);
			if (!tiles(&g)) {
				T_FAIL_("%s/%s does not tile", id,
					f.tables[t].id);
			}
			report_grid_free(&g);
		}
		format_free(&f);
		nformats++;
	}
	T_ASSERT(nformats >= 2);
	free(list);
}

static void t_cn2021_applications(void)
{
	struct format f;
	struct err e = {0};
	T_ASSERT(report_format_load(NULL, "cn-2021", &f, &e) == 0);
	struct cellset s = {0};
	cellset_put(&s, "applications", "new", "natural", 3 * CELL_SCALE);
	struct rgrid g;
	report_grid(format_table(&f, "applications"), "某局", 2023, &s, &g);
	T_EQ_STR(g.caption, "收到和处理政府信息公开申请情况");
	T_EQ_INT(g.header_rows, 3);
	const struct rg_cell *c = at(&g, 0, 0);
	T_ASSERT(c && c->kind == RG_CORNER && c->rowspan == 3);
	int rd = c->colspan; /* the row header levels */
	T_EQ_INT(rd, 3);
	T_EQ_INT(g.ncols, rd + 7);
	c = at(&g, 0, rd);
	T_ASSERT(c && c->kind == RG_COLHEAD && c->colspan == 7);
	T_EQ_STR(c->text, "申请人情况");
	c = at(&g, 1, rd);
	T_ASSERT(c && c->rowspan == 2 && c->colspan == 1);
	T_EQ_STR(c->text, "自然人");
	c = at(&g, 1, rd + 1);
	T_ASSERT(c && c->rowspan == 1 && c->colspan == 5);
	T_EQ_STR(c->text, "法人或其他组织");
	c = at(&g, 2, rd + 1);
	T_EQ_STR(c ? c->text : "", "商业企业");
	c = at(&g, 3, 0);
	T_ASSERT(c && c->kind == RG_ROWHEAD && c->colspan == rd);
	T_EQ_STR(c->text, "一、本年新收政府信息公开申请数量");
	c = at(&g, 3, rd);
	T_ASSERT(c && c->kind == RG_NUM && c->has_value &&
		 c->value == 3 * CELL_SCALE);
	T_EQ_STR(c->text, "3");
	c = at(&g, 3, rd + 1);
	T_ASSERT(c && c->kind == RG_NUM && !c->has_value);
	T_EQ_STR(c->text, "");
	/* 三、本年度办理结果 spans its rows in the first column */
	c = at(&g, 5, 0);
	T_ASSERT(c && c->kind == RG_ROWHEAD && c->rowspan > 10);
	report_grid_free(&g);
	cellset_free(&s);
	format_free(&f);
}

static void t_fj_county(void)
{
	struct format f;
	struct err e = {0};
	T_ASSERT(report_format_load(NULL, "fj-county-2018", &f, &e) == 0);
	T_ASSERT(f.ntables >= 1);
	struct cellset s = {0};
	cellset_put(&s, "stats", "items", "cumulative", 1225 * CELL_SCALE);
	struct rgrid g;
	report_grid(&f.tables[0], "沙县应急管理局", 2018, &s, &g);
	int units = 0, found = 0;
	for (size_t i = 0; i < g.n; i++) {
		const struct rg_cell *c = &g.v[i];
		units += c->kind == RG_UNITHEAD;
		T_ASSERT(!strstr(c->text, "{year}"));
		if (c->kind == RG_NUM && c->has_value) {
			found++;
			T_EQ_STR(c->text, "1225");
		}
	}
	T_EQ_INT(units, 1);
	T_EQ_INT(found, 1);
	report_grid_free(&g);
	cellset_free(&s);
	format_free(&f);
}

void suite_report_grid(void)
{
	T_RUN(t_every_table_tiles);
	T_RUN(t_cn2021_applications);
	T_RUN(t_fj_county);
}
