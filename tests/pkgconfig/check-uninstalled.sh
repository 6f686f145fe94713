#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Compiles tests/pkgconfig/uninstalled.c against the build tree with only
# the flags of meson-uninstalled/libstance-1.0-uninstalled.pc, then runs it
# on the seed story.  Usage: check-uninstalled.sh BUILD_ROOT SOURCE_ROOT PKG_CONFIG CC...
set -eu
build=$1 source=$2 pkg_config=$3
shift 3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

flags=$(PKG_CONFIG_PATH="$build/meson-uninstalled" "$pkg_config" --cflags --libs libstance-1.0)
echo "# flags: $flags"
# shellcheck disable=SC2086
"$@" -o "$out/uninstalled" "$source/tests/pkgconfig/uninstalled.c" $flags
LD_LIBRARY_PATH="$build/libstance${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
  "$out/uninstalled" "$source/examples/data/cyber-2017-2020.json"
