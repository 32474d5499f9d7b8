#!/usr/bin/env bash
# Sets up what the tests need and is missing on a Debian or Ubuntu machine, then runs every test
# (`mvn -B verify`; extra arguments go to Maven, e.g. ./test.sh -pl cli -am). Asks for root (sudo)
# only when a package must be installed. .ci/run calls this script, so CI runs the README's command.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# Java 17 and Maven build everything. The DejaVu fonts: the PDF embeds them and the diagram's text
# is measured with them. LibreOffice Calc and Writer: the workbook and Word report tests convert
# evidence.xlsx and report.docx to PDF to prove they open (and fail without it). poppler-utils: pdftoppm renders that PDF's pages to look at.
# Chromium: the toc.html test opens the page in it, headless, and clicks a node.
need=()
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if ! fc-list 2>/dev/null | grep "DejaVu Sans" >/dev/null; then need+=(fontconfig fonts-dejavu-core); fi
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# LibreOffice Writer: the Word report's test converts report.docx to PDF the same way.
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || [ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# Jupyter: JupyterNotebooksIT installs the Evident kernel (jupyter kernelspec) and executes the notebooks
# with nbconvert, and fails without them; .ci/run runs Jupyter's kernel conformance test on it.
jupyter nbconvert --version >/dev/null 2>&1 || need+=(jupyter-nbconvert jupyter-client)
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import jupyter_kernel_test' 2>/dev/null || need+=(python3-jupyter-kernel-test)
command -v chromium >/dev/null 2>&1 || need+=(chromium)

if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]} (about 400 MB with LibreOffice, 100 MB with Jupyter)"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: no apt-get here: install ${need[*]} (or your system's packages of them), then run ./test.sh again" >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    echo "test.sh: installing packages needs root: sudo may ask for your password"
    as_root=(sudo)
  else
    echo "test.sh: installing packages needs root and there is no sudo; as root, run:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${need[*]}" >&2
    exit 1
  fi
  "${as_root[@]}" apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# Version lines: sed reads the whole stream; `head -1` closes the pipe early and, under
# pipefail, fails the script at random when mvn is still writing (seen in CI).
java -version 2>&1 | sed -n 1p
mvn -v 2>&1 | sed -n 1p

# Every test. The first build downloads about 770 MB of dependencies into ~/.m2.
exec mvn -B verify "$@"
