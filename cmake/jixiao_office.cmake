# Office readers (.xlsx, .docx) in the core library: libzip (BSD) opens the ZIP, pugixml (MIT)
# parses the XML parts. Debian: libzip-dev libpugixml-dev. Included from the top-level
# CMakeLists.txt once the `jixiao` target exists.
# libzip through pkg-config: Debian's libzip-config.cmake names the zipcmp/zipmerge tools,
# which libzip-dev does not ship, and fails.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)   # PkgConfig::LIBZIP
find_package(pugixml CONFIG REQUIRED)   # pugixml::pugixml (or pugixml)
if(TARGET pugixml::pugixml)
  set(JIXIAO_PUGIXML_TARGET pugixml::pugixml)
else()
  set(JIXIAO_PUGIXML_TARGET pugixml)
endif()
# The sources are in src/read/ and src/report/: the stage glob of CMakeLists.txt takes them.
target_link_libraries(jixiao PRIVATE PkgConfig::LIBZIP ${JIXIAO_PUGIXML_TARGET})
