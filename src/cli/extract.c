/*
 * extract.c - the text of an attachment, for the search index: PDF
 * through poppler's pdftotext (run as a separate process with a time
 * limit, so a hostile file can only waste its own 30 seconds); the zip
 * and XML formats (Word DOCX, Excel XLSX, OFD, and WPS/ET files saved in
 * those formats) read with libzip and expat in this process, each part
 * at most PART_MAX bytes unpacked so that a zip bomb stops there, and no
 * DTD read (an XML bomb is made of its entities); plain text as it is. Other
 * types (images, old binary DOC/XLS) give "" and are only found by the item
 * they belong to. Run by the server's jobs (jobs.c), never inside a request.
 */
#include "cli/cli.h"

#include "base/buf.h"
#include "base/utf8.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#define TEXT_MAX (1024 * 1024) /* bytes of text kept per attachment */
#define PART_MAX (64 * 1024 * 1024) /* bytes read of one zip part */

static int is_pdf(const char *ctype, const Buf *data)
{
	return strcmp(ctype, "application/pdf") == 0 ||
	       (data->n >= 5 && memcmp(data->p, "%PDF-", 5) == 0);
}

/* Runs pdftotext on the bytes, appending at most TEXT_MAX bytes of its
 * output. 0, or -1 with e when the tool could not run. */
static int pdf_text(const Buf *data, Buf *out, struct err *e)
{
	char path[] = "/tmp/gk-extract-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		return err_set(e, ERR_INTERNAL, "extract: cannot make a temp file");
	}
	size_t off = 0;
	while (off < data->n) {
		ssize_t w = write(fd, data->p + off, data->n - off);
		if (w <= 0) {
			close(fd);
			unlink(path);
			return err_set(e, ERR_INTERNAL, "extract: write failed");
		}
		off += (size_t)w;
	}
	close(fd);
	int pipefd[2];
	if (pipe(pipefd)) {
		unlink(path);
		return err_set(e, ERR_INTERNAL, "extract: pipe failed");
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		unlink(path);
		return err_set(e, ERR_INTERNAL, "extract: fork failed");
	}
	if (pid == 0) {
		dup2(pipefd[1], 1);
		close(pipefd[0]);
		close(pipefd[1]);
		execlp("timeout", "timeout", "30", "pdftotext", "-q", "-enc",
		       "UTF-8", path, "-", (char *)NULL);
		_exit(127);
	}
	close(pipefd[1]);
	char chunk[8192];
	ssize_t k;
	while ((k = read(pipefd[0], chunk, sizeof chunk)) > 0) {
		if (out->n + (size_t)k <= TEXT_MAX) {
			buf_append(out, chunk, (size_t)k);
		}
	}
	close(pipefd[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	unlink(path);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		return err_set(e, ERR_INTERNAL,
			       "extract: pdftotext not found (install "
			       "poppler-utils)");
	}
	return 0;
}

/*---- Zip and XML formats ----*/

/* The parts that hold a document's text, and the element of their text
 * (by local name, without the namespace prefix). A line ends after a
 * paragraph, a shared string or a row (p, si, row), a space comes after a
 * table cell or a tab (tc, c, tab). OFD's text objects are joined without
 * a break: a producer may write a line one character per object, and a
 * break would split its words for the index. */
struct part_kind {
	const char *prefix; /* the part's name starts with it ... */
	const char *suffix; /* ... and ends with it */
	const char *text;   /* the element holding text */
};

static const struct part_kind parts[] = {
	{"word/document.xml", "", "t"},
	{"word/footnotes.xml", "", "t"},
	{"word/endnotes.xml", "", "t"},
	{"word/header", ".xml", "t"},
	{"word/footer", ".xml", "t"},
	{"xl/sharedStrings.xml", "", "t"},
	{"xl/worksheets/sheet", ".xml", "t"}, /* inline strings */
	{"Doc_", "/Content.xml", "TextCode"}, /* OFD pages */
};

static const char *local_name(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

/* One part's parse: expat's handlers append to out. */
struct xml_text {
	XML_Parser p;
	Buf *out;
	const char *text; /* the element holding text */
	int depth;	  /* inside it */
};

/* Ends the text so far with c, unless it is empty or already ends with a
 * break or a space. */
static void put_sep(Buf *out, char c)
{
	if (out->n > 0 && out->p[out->n - 1] != '\n' &&
	    out->p[out->n - 1] != ' ' && out->n < TEXT_MAX) {
		buf_putc(out, c);
	}
}

static void XMLCALL on_start(void *ctx, const char *name, const char **attr)
{
	(void)attr;
	struct xml_text *x = ctx;
	const char *l = local_name(name);
	if (strcmp(l, x->text) == 0) {
		x->depth++;
	} else if (strcmp(l, "tab") == 0) {
		put_sep(x->out, ' ');
	} else if (strcmp(l, "br") == 0) {
		put_sep(x->out, '\n');
	}
}

static void XMLCALL on_end(void *ctx, const char *name)
{
	struct xml_text *x = ctx;
	const char *l = local_name(name);
	if (strcmp(l, x->text) == 0) {
		x->depth--;
	} else if (strcmp(l, "p") == 0 || strcmp(l, "si") == 0 ||
		   strcmp(l, "row") == 0) {
		put_sep(x->out, '\n');
	} else if (strcmp(l, "tc") == 0 || strcmp(l, "c") == 0) {
		put_sep(x->out, ' ');
	}
}

static void XMLCALL on_chars(void *ctx, const char *s, int n)
{
	struct xml_text *x = ctx;
	if (x->depth <= 0) {
		return;
	}
	size_t room = x->out->n < TEXT_MAX ? TEXT_MAX - x->out->n : 0;
	if ((size_t)n >= room) {
		/* a character cut at the end is dropped by extract_text */
		buf_append(x->out, s, room);
		XML_StopParser(x->p, XML_FALSE);
		return;
	}
	buf_append(x->out, s, (size_t)n);
}

/* A document type declaration ends the part: these formats have none,
 * and its entities are how an XML bomb is made. */
static void XMLCALL on_doctype(void *ctx, const char *name, const char *sys,
			       const char *pub, int internal)
{
	(void)name, (void)sys, (void)pub, (void)internal;
	struct xml_text *x = ctx;
	XML_StopParser(x->p, XML_FALSE);
}

/* Appends the text of one part; a part that is not well-formed XML
 * keeps what came before the fault. */
static void part_text(zip_t *z, zip_uint64_t i, const char *text, Buf *out)
{
	zip_file_t *f = zip_fopen_index(z, i, 0);
	if (!f) {
		return; /* encrypted, or a method libzip cannot unpack */
	}
	struct xml_text x = {XML_ParserCreate("UTF-8"), out, text, 0};
	if (!x.p) {
		zip_fclose(f);
		return;
	}
	XML_SetUserData(x.p, &x);
	XML_SetElementHandler(x.p, on_start, on_end);
	XML_SetCharacterDataHandler(x.p, on_chars);
	XML_SetStartDoctypeDeclHandler(x.p, on_doctype);
	char chunk[16384];
	size_t read = 0;
	zip_int64_t k;
	while (read < PART_MAX && (k = zip_fread(f, chunk, sizeof chunk)) > 0) {
		read += (size_t)k;
		if (XML_Parse(x.p, chunk, (int)k, XML_FALSE) != XML_STATUS_OK) {
			break;
		}
	}
	XML_ParserFree(x.p);
	zip_fclose(f);
	put_sep(out, '\n');
}

/* 1 when the bytes are a zip archive. */
static int is_zip(const Buf *data)
{
	return data->n >= 4 && memcmp(data->p, "PK\3\4", 4) == 0;
}

/* Appends the text of the known parts of a zip archive, in the
 * archive's order; a damaged archive gives what could be read. */
static void zip_text(const Buf *data, Buf *out)
{
	zip_error_t zerr;
	zip_error_init(&zerr);
	zip_source_t *src =
		zip_source_buffer_create(data->p, data->n, 0, &zerr);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
	if (!z) {
		zip_source_free(src);
		zip_error_fini(&zerr);
		return;
	}
	zip_int64_t n = zip_get_num_entries(z, 0);
	for (zip_int64_t i = 0; i < n && out->n < TEXT_MAX; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		size_t len = name ? strlen(name) : 0;
		for (size_t k = 0; name && k < sizeof parts / sizeof parts[0];
		     k++) {
			size_t pl = strlen(parts[k].prefix);
			size_t sl = strlen(parts[k].suffix);
			if (len >= pl + sl &&
			    strncmp(name, parts[k].prefix, pl) == 0 &&
			    strcmp(name + len - sl, parts[k].suffix) == 0) {
				part_text(z, (zip_uint64_t)i, parts[k].text,
					  out);
				break;
			}
		}
	}
	zip_discard(z); /* frees src too */
	zip_error_fini(&zerr);
}

int extract_text(const char *ctype, const Buf *data, Buf *out,
		 struct err *e)
{
	if (is_pdf(ctype, data)) {
		if (pdf_text(data, out, e)) {
			return -1;
		}
	} else if (is_zip(data)) {
		zip_text(data, out);
	} else if (strncmp(ctype, "text/plain", 10) == 0) {
		buf_append(out, data->p, data->n < TEXT_MAX ? data->n : TEXT_MAX);
	}
	/* keep only valid UTF-8 (a cut in the middle of a character, or a
	 * file in another encoding, is dropped back to the last good
	 * boundary) */
	size_t n = out->n;
	while (n > 0 && !utf8_valid(out->p, n)) {
		n = n > 4096 ? n - 4096 : 0;
		n = utf8_cut(out->p, n);
	}
	out->n = n;
	if (out->p) {
		out->p[n] = 0;
	}
	return 0;
}
