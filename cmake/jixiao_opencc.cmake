# Traditional characters folded to simplified for recognition (src/import/chinese_variants.cpp):
# OpenCC (Apache-2.0, Debian: libopencc-dev). On when it is found; without it, traditional
# labels are not recognised (pinyin glosses still are). Included once the `jixiao` target exists.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(OPENCC QUIET IMPORTED_TARGET opencc)
endif()
option(JIXIAO_WITH_OPENCC "Fold traditional characters with OpenCC (libopencc-dev)" ${OPENCC_FOUND})
if(JIXIAO_WITH_OPENCC)
  if(NOT OPENCC_FOUND)
    message(FATAL_ERROR "JIXIAO_WITH_OPENCC is ON but OpenCC was not found (apt-get install libopencc-dev)")
  endif()
  target_link_libraries(jixiao PRIVATE PkgConfig::OPENCC)
  target_compile_definitions(jixiao PRIVATE JIXIAO_WITH_OPENCC)
endif()
