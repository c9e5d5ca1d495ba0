# The build stages of scripts/arlen/build.sh, each run in a subshell by arlen_stage.
# Sourced, not run. Expects PREFIX (install prefix), SRC (unpacked sources), JOBS, and PATH with a
# `clang` of the chosen version first (Arlen's makefile calls clang by name).

# Shared flags: everything lands in PREFIX and the binaries find their libraries there (rpath).
arlen_cmake() {
  local src=$1 build=$2; shift 2
  cmake -S "$src" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_INSTALL_LIBDIR=lib \
    -DCMAKE_PREFIX_PATH="$PREFIX" \
    -DCMAKE_INSTALL_RPATH="$PREFIX/lib" \
    -DCMAKE_EXE_LINKER_FLAGS="-fuse-ld=lld" -DCMAKE_SHARED_LINKER_FLAGS="-fuse-ld=lld" \
    "$@"
  cmake --build "$build" -j "$JOBS"
  cmake --install "$build"
}

# Header-only; installed first so libobjc2's CMake finds it instead of fetching it from the network.
stage_robin_map() {
  arlen_cmake "$SRC/robin-map" "$SRC/robin-map/_build"
}

stage_libobjc2() {
  arlen_cmake "$SRC/libobjc2" "$SRC/libobjc2/_build" -DGNUSTEP_INSTALL_TYPE=NONE -DTESTS=OFF
}

stage_gnustep_make() {
  cd "$SRC/tools-make"
  ./configure --prefix="$PREFIX" --with-layout=fhs --with-library-combo=ng-gnu-gnu \
    --with-runtime-abi=gnustep-2.0 --with-objc-lib-flag=-lobjc \
    CC=clang CXX=clang++ CPPFLAGS="-I$PREFIX/include" \
    LDFLAGS="-fuse-ld=lld -L$PREFIX/lib -Wl,-rpath,$PREFIX/lib"
  make install
}

# libdispatch's Block.h must not replace libobjc2's (same name, other runtime): its block headers go
# to a directory of their own. The pinned commit asks for CMake 3.26 but needs nothing past 3.25
# (Debian 12's), so the minimum is set back.
stage_libdispatch() {
  sed -i 's/^cmake_minimum_required(VERSION 3\.26\.\.\.3\.29)/cmake_minimum_required(VERSION 3.25...3.29)/' \
    "$SRC/swift-corelibs-libdispatch/CMakeLists.txt"
  arlen_cmake "$SRC/swift-corelibs-libdispatch" "$SRC/swift-corelibs-libdispatch/_build" \
    -DBUILD_TESTING=OFF -DINSTALL_PRIVATE_HEADERS=YES \
    -DINSTALL_BLOCK_HEADERS_DIR="$PREFIX/libexec/dispatch-blocks/include"
}

# GNUstep.sh reads unset variables, so it is sourced with `set -u` off.
arlen_source_gnustep() {
  set +u
  # shellcheck disable=SC1091
  . "$PREFIX/share/GNUstep/Makefiles/GNUstep.sh"
  set -u
}

stage_libs_base() {
  arlen_source_gnustep
  cd "$SRC/libs-base"
  ./configure --with-dispatch-include="$PREFIX/include" --with-dispatch-library="$PREFIX/lib" \
    --disable-importing-config-file \
    CC=clang CXX=clang++ CPPFLAGS="-I$PREFIX/include" \
    LDFLAGS="-fuse-ld=lld -L$PREFIX/lib -Wl,-rpath,$PREFIX/lib"
  make -j "$JOBS"
  make install
}

stage_boomhauer() {
  cd "$SRC/arlen"
  make -j "$JOBS" boomhauer GNUSTEP_SH="$PREFIX/share/GNUstep/Makefiles/GNUstep.sh" \
    EXTRA_OBJC_FLAGS="-fuse-ld=lld -Wl,-rpath,$PREFIX/lib -Wno-unused-command-line-argument"
  test -x build/boomhauer
}
