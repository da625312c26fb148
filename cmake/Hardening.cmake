# Debian's hardening flags on every binary the tree builds, so that the kiosk and kioskctl in the
# package are what `DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags` asks of a Debian 12
# package: position-independent executables (ASLR for the whole program), a stack protector,
# glibc's checked string and memory functions, format-string errors, and full RELRO (the GOT is
# read-only once the dynamic linker has resolved every symbol at start-up). The flags that
# dpkg-buildflags also prints but that are not hardening (-g -O2, which the build type owns, and
# -ffile-prefix-map with this tree's absolute path, which would make ccache miss in every other
# worktree) are left out. tests/packaging/test_debianpackage checks the result with readelf.
option(KIOSK_HARDENING "Build with Debian's hardening flags (PIE, stack protector, _FORTIFY_SOURCE, full RELRO)" ON)
if(NOT KIOSK_HARDENING)
  return()
endif()

include(CheckPIESupported)
check_pie_supported(LANGUAGES C CXX)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
add_compile_options(-fstack-protector-strong -Wformat -Werror=format-security)
# glibc warns that _FORTIFY_SOURCE does nothing without optimisation, and project code builds
# with -Werror: a Debug build goes without it.
add_compile_definitions($<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
add_link_options(LINKER:-z,relro LINKER:-z,now)
