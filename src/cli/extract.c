/*
 * extract.c - the text of an attachment, for the search index: PDF
 * through poppler's pdftotext (run as a separate process with a time
 * limit, so a hostile file can only waste its own 30 seconds), plain text
 * as it is. Other types (images, office files) give "" and are only
 * found by the item they belong to. Run by the server's jobs (jobs.c),
 * never inside a request.
 */
#include "cli/cli.h"

#include "base/buf.h"
#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define TEXT_MAX (1024 * 1024) /* bytes of text kept per attachment */

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

int extract_text(const char *ctype, const Buf *data, Buf *out,
		 struct err *e)
{
	if (is_pdf(ctype, data)) {
		if (pdf_text(data, out, e)) {
			return -1;
		}
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
