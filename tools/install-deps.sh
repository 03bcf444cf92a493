#!/bin/sh
# Installs the Debian 12 packages Argumark needs to build, test and run.
# Runs apt-get only when something is missing, and apt-get update only then.
set -eu

PACKAGES="
  gcc
  make
  pkg-config
  meson
  ninja-build
  gettext
  libglib2.0-dev
  libglib2.0-dev-bin
  libglib2.0-bin
  libgtk-4-dev
  libjson-glib-dev
  libicu-dev
  desktop-file-utils
  appstream
  libxml2-utils
  xvfb
  xauth
  xdotool
  imagemagick
  python3
  clang
  libclang-rt-14-dev
  librsvg2-common
  adwaita-icon-theme
  fonts-dejavu-core
  fonts-noto-core
  fonts-noto-cjk
  dbus-x11
  hyperfine
"

missing=""
for p in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
  esac
done

[ -z "$missing" ] && exit 0

echo "Installing missing packages:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
