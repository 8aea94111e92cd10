#!/usr/bin/env bash
# Installs everything escapist needs to build and test on a fresh Debian
# machine: the C++ toolchain and libraries (Debian packages) and Go 1.27 from
# trixie-backports, pinned low so nothing else is pulled from that suite.
# Idempotent; must run as root (or via sudo).
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

need_update=1
apt_update() {
  if [ "$need_update" = 1 ]; then
    $SUDO apt-get update -qq
    need_update=0
  fi
}

# Go 1.27 from trixie-backports, beside the machine's own suites.
if [ ! -f /etc/apt/sources.list.d/trixie-backports.sources ]; then
  $SUDO tee /etc/apt/sources.list.d/trixie-backports.sources >/dev/null <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie-backports trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  $SUDO tee /etc/apt/preferences.d/trixie-backports-low >/dev/null <<'PIN'
Package: *
Pin: release n=trixie-backports
Pin-Priority: 100

Package: *
Pin: release n=trixie
Pin-Priority: 50
PIN
fi

PKGS=(build-essential cmake ninja-build pkg-config git
      libgmp-dev libmpfr-dev libfmt-dev nlohmann-json3-dev libcli11-dev libssl-dev
      libgtest-dev libgmock-dev libbenchmark-dev clang python3)
missing=()
for p in "${PKGS[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt_update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

if ! dpkg -s golang-1.27-go >/dev/null 2>&1 || ! dpkg -s golang-1.27-src >/dev/null 2>&1; then
  apt_update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -t trixie-backports \
    golang-1.27-go golang-1.27-src
fi
