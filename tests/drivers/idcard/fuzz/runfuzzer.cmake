# Runs a libFuzzer target briefly and reproducibly: a fixed seed, a fixed number of
# runs, the committed corpus as seeds, and new inputs written to a scratch directory emptied first
# (libFuzzer writes into its first corpus directory, which must never be the committed one).
#   cmake -DFUZZER=path -DCORPUS=dir -DWORK_DIR=dir -DRUNS=n -P runfuzzer.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/new-inputs")
execute_process(
  COMMAND "${FUZZER}" "${WORK_DIR}/new-inputs" "${CORPUS}" -seed=1 -runs=${RUNS} -timeout=10
          -artifact_prefix=${WORK_DIR}/ -print_final_stats=1
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the fuzzer ${FUZZER} failed (${result}); the crashing input is in ${WORK_DIR}")
endif()
