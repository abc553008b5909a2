# SPDX-License-Identifier: MIT
# Installs the headers, the binary and a CMake package for find_package().
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY include/httpstatus TYPE INCLUDE)
install(FILES ${PROJECT_BINARY_DIR}/generated/include/httpstatus/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/httpstatus)
install(TARGETS httpstatus EXPORT httpstatusTargets)
install(EXPORT httpstatusTargets NAMESPACE httpstatus::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/httpstatus)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/httpstatusConfigVersion.cmake
  COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)
file(WRITE ${PROJECT_BINARY_DIR}/httpstatusConfig.cmake
     "include(\${CMAKE_CURRENT_LIST_DIR}/httpstatusTargets.cmake)\n")
install(FILES ${PROJECT_BINARY_DIR}/httpstatusConfig.cmake
              ${PROJECT_BINARY_DIR}/httpstatusConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/httpstatus)
if(TARGET httpstatus_cli)
  install(TARGETS httpstatus_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
