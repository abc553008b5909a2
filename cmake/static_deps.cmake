# SPDX-License-Identifier: MIT
# Links the C and Boost libraries into the binary instead of loading them at
# start-up. `httpstatus 404` is a whole process: with libssl, libcrypto,
# Boost.JSON, Boost.URL, zlib and brotli as shared objects, the dynamic
# loader's symbol lookups and relocations took about 2 of its 3 ms
# (bench/RESULTS.md). Debian ships PIC archives of all of them, so the
# position-independent executable links them as it is.
#
# libfmt has no archive in Debian (libfmt-dev ships only the .so), so these
# builds use fmt header-only (httpstatus_fmt, CMakeLists.txt). With every C++
# library compiled in, the binary links libstdc++ and libgcc statically too
# (cli/CMakeLists.txt): no shared C++ runtime is left whose statics a second
# copy would fail to share, and the process loads only libc and libm.
# The sanitizer and fuzzing builds keep the shared runtime, which their
# interceptors expect; start-up time is not what they measure.
if(HTTPSTATUS_SANITIZE OR HTTPSTATUS_SANITIZE_THREAD OR HTTPSTATUS_BUILD_FUZZ)
  set(HTTPSTATUS_STATIC_DEPS OFF)
endif()
if(NOT HTTPSTATUS_STATIC_DEPS)
  return()
endif()
set(Boost_USE_STATIC_LIBS ON)
set(OPENSSL_USE_STATIC_LIBS TRUE)
set(ZLIB_USE_STATIC_LIBS ON)
# For the libraries found by name (brotli): an archive first, the shared
# object when there is none.
set(CMAKE_FIND_LIBRARY_SUFFIXES .a ${CMAKE_FIND_LIBRARY_SUFFIXES})
# A build directory configured before with shared libraries has their paths
# in its cache; forget them so that the archives are found.
foreach(cached OPENSSL_SSL_LIBRARY OPENSSL_CRYPTO_LIBRARY ZLIB_LIBRARY_RELEASE
               BROTLI_ENC_LIBRARY BROTLI_DEC_LIBRARY BROTLI_COMMON_LIBRARY)
  if("${${cached}}" MATCHES "\\.so$")
    unset(${cached} CACHE)
  endif()
endforeach()
