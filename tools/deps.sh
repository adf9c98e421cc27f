#!/bin/sh
# deps.sh build|test|fuzz - installs the Debian packages gongkai needs that are
# missing (a no-op when all are present). `build`: compiler and libraries
# (with the CJK font the PDF writer embeds)
# for `make` / `make run`; `test`: also what `make check` uses (curl,
# sqlite3 CLI, jq and xmllint for checking JSON and feeds, Chromium and CJK fonts for the browser tests, Node.js/npm
# for the browser test tooling, LibreOffice and poppler-utils for turning
# generated DOCX/XLSX files into PDF and reading them back, unzip for
# their parts) and the npm
# packages of tests/browser (also smtp-server, the mail sink of
# tests/e2e/t_mail.sh); `fuzz`: clang, for `make fuzz`.
set -eu
want="make gcc libc6-dev pkg-config libmicrohttpd-dev libsqlite3-dev libsodium-dev libjansson-dev libzip-dev libcurl4-openssl-dev
	libxlsxwriter-dev libpango1.0-dev libcairo2-dev fonts-noto-cjk
	libutf8proc-dev libexpat1-dev poppler-utils"
if [ "${1:-build}" = test ]; then
	want="$want curl sqlite3 jq libxml2-utils chromium valgrind procps
		libreoffice-writer-nogui libreoffice-calc-nogui unzip"
fi
if [ "${1:-build}" = fuzz ]; then
	want="clang libclang-rt-14-dev"
fi
missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
if [ "${1:-build}" = test ] && ! command -v npm >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi
if [ -n "$missing" ]; then
	echo "deps: installing$missing"
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then
			SUDO=sudo
		else
			echo "deps: run as root, or install:$missing" >&2
			exit 1
		fi
	else
		SUDO=
	fi
	$SUDO apt-get update -q
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q \
		--no-install-recommends $missing
fi
if [ "${1:-build}" = test ]; then
	dir=$(dirname "$0")/../tests/browser
	if [ ! -d "$dir/node_modules/playwright-core" ] ||
	   [ ! -d "$dir/node_modules/axe-core" ] ||
	   [ ! -d "$dir/node_modules/smtp-server" ] ||
	   [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		echo "deps: installing browser test tooling (npm ci)"
		(cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund)
	fi
fi
