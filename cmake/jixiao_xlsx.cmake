# Excel output (`write_xlsx`, `jixiao score|audit --xlsx`) through libxlsxwriter (BSD; Debian
# libxlsxwriter-dev, pkg-config only). Included from the top-level CMakeLists.txt once the
# `jixiao` target exists.
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)   # PkgConfig::XLSXWRITER
# The sources are in src/read/ and src/report/: the stage glob of CMakeLists.txt takes them.
target_link_libraries(jixiao PRIVATE PkgConfig::XLSXWRITER)
