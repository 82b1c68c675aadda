# Runs one example and checks what it printed (ctest, label `examples`).
#   -DPROGRAM=exe -DARGS=a|b|c -DWORK_DIR=dir -DEXPECTED=file.out
#   [-DCHECK_FILE=path-in-WORK_DIR -DCHECK_TEXT=text]  a file the example writes, and a text in it
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND "${PROGRAM}" ${args}
  WORKING_DIRECTORY "${WORK_DIR}"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}\n${out}\n${err}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT out STREQUAL expected)
  file(WRITE "${WORK_DIR}/actual.out" "${out}")
  message(FATAL_ERROR "output differs from ${EXPECTED} (actual output in ${WORK_DIR}/actual.out):\n${out}")
endif()
if(DEFINED CHECK_FILE)
  if(NOT EXISTS "${WORK_DIR}/${CHECK_FILE}")
    message(FATAL_ERROR "${CHECK_FILE} was not written")
  endif()
  file(READ "${WORK_DIR}/${CHECK_FILE}" written)
  string(FIND "${written}" "${CHECK_TEXT}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${CHECK_FILE} does not contain ${CHECK_TEXT}")
  endif()
endif()
message(STATUS "ok: output equals ${EXPECTED}")
