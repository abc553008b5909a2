# SPDX-License-Identifier: MIT
# Installs the headers, a CMake package, a pkg-config file, the binary, the
# man page and shell completions; CPack turns the same into a .deb.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY include/httpstatus TYPE INCLUDE)
install(TARGETS httpstatus EXPORT httpstatusTargets)
install(EXPORT httpstatusTargets NAMESPACE httpstatus::
        DESTINATION ${CMAKE_INSTALL_DATADIR}/httpstatus/cmake)
# The library is header-only and architecture-independent, so its package
# lives under share/ where find_package looks on every architecture.
configure_package_config_file(cmake/httpstatusConfig.cmake.in
  ${PROJECT_BINARY_DIR}/httpstatusConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_DATADIR}/httpstatus/cmake)
# While the version is 0.x, a minor release may break: 0.1 accepts 0.1.*
# only, where SameMajorVersion accepted 0.9 too.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/httpstatusConfigVersion.cmake
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/httpstatusConfig.cmake
              ${PROJECT_BINARY_DIR}/httpstatusConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_DATADIR}/httpstatus/cmake)
configure_file(cmake/httpstatus.pc.in ${PROJECT_BINARY_DIR}/httpstatus.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/httpstatus.pc
        DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)

if(TARGET httpstatus_cli)
  install(TARGETS httpstatus_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  # The version comes from version.hpp through project(), like the rest.
  configure_file(share/man/httpstatus.1.in ${PROJECT_BINARY_DIR}/httpstatus.1
                 @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/httpstatus.1
          DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES share/completions/httpstatus.bash
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          RENAME httpstatus)
  install(FILES share/completions/_httpstatus
          DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
  install(FILES share/completions/httpstatus.fish
          DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
  # lib/, not CMAKE_INSTALL_LIBDIR (lib/x86_64-linux-gnu on Debian): systemd
  # reads units from /usr/lib/systemd/system and /usr/local/lib/systemd/system.
  install(FILES deploy/systemd/httpstatus@.service
          DESTINATION lib/systemd/system)
endif()

# `make deb` (cpack -G DEB): one package with the binary and the headers.
set(CPACK_PACKAGE_NAME httpstatus)
set(CPACK_PACKAGE_VENDOR "httpstatus")
set(CPACK_PACKAGE_CONTACT "httpstatus maintainers <maintainers@httpstatus.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
