# Excel output (`write_xlsx`, `jixiao score|audit --xlsx`) through libxlsxwriter (BSD; Debian
# libxlsxwriter-dev, pkg-config only). Included from the top-level CMakeLists.txt once the
# `jixiao` target exists.
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)   # PkgConfig::XLSXWRITER
target_sources(jixiao PRIVATE "${PROJECT_SOURCE_DIR}/src/report/export_xlsx.cpp")
target_link_libraries(jixiao PRIVATE PkgConfig::XLSXWRITER)
