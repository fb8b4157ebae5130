# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by build-aux/run and build-aux/test: installs the Debian 12
# packages Headroom needs, but only those missing, and configures a build
# directory. Nothing here is needed on a machine that already has them.

# What building needs; shared-mime-info gives gettext its rules for
# translating the comparison file type's name; itstool merges the German
# help from its catalog (help/meson.build); libpng-dev, for PNG export at
# a faster compression than cairo's own writer.
HR_BUILD_PACKAGES=(
  gcc
  gettext
  itstool
  libadwaita-1-dev
  libcairo2-dev
  libglib2.0-dev
  libgtk-4-dev
  libjson-glib-dev
  libpng-dev
  meson
  ninja-build
  pkg-config
  shared-mime-info
)

# What the tests need besides: ngspice for the cross-check of the model,
# clang and its runtime for the libFuzzer targets; dbus-daemon for
# dbus-run-session, which gives the ui suite a desktop's session bus;
# locales for the German locale the tests build themselves; at-spi2-core
# and python3-pyatspi to walk the window as a screen reader does;
# libxtst-dev for the ui tests' real key presses;
# appstream,
# desktop-file-utils and libxml2-utils validate the desktop file, the
# metainfo and the icons; yelp-tools the help's Mallard pages.
HR_TEST_PACKAGES=(
  appstream
  at-spi2-core
  clang
  dbus-daemon
  desktop-file-utils
  libclang-rt-14-dev
  libxtst-dev
  libxml2-utils
  locales
  ngspice
  poppler-utils
  python3-pyatspi
  xauth
  xvfb
  yelp-tools
)

hr_missing_packages () {
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s\n' "$pkg"
    fi
  done
}

hr_install_packages () {
  local missing
  mapfile -t missing < <(hr_missing_packages "$@")
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  echo "Installing: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      echo "error: these Debian packages are missing, and installing them needs root: ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# hr_setup_build DIR [meson options…]: configures DIR, or reconfigures it
# with the options given if it exists already.
hr_setup_build () {
  local dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}
