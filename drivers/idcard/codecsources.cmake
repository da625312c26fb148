# The SAM codec's sources: pure functions over bytes that need only QtCore. The kioskidcardcodec
# library and the clang-built fuzz target (tests/drivers/idcard/fuzz) both compile exactly this
# list; the personal-data masking it logs through comes from the bottom library, common/.
cmake_path(GET CMAKE_CURRENT_LIST_DIR PARENT_PATH KIOSK_IDCARD_CODEC_INCLUDE_DIR)
cmake_path(GET KIOSK_IDCARD_CODEC_INCLUDE_DIR PARENT_PATH KIOSK_SOURCE_ROOT)
set(KIOSK_IDCARD_CODEC_SOURCES)
foreach(source
    device/devicehealth.h device/devicehealth.cpp
    idcard/samframe.h idcard/samframe.cpp
    idcard/samframeassembler.h idcard/samframeassembler.cpp
    idcard/samstatus.h idcard/samstatus.cpp
    idcard/nation.h idcard/nation.cpp
    idcard/citizennumber.h idcard/citizennumber.cpp
    idcard/idcardholder.h idcard/idcardholder.cpp
    idcard/idcardtextblock.h idcard/idcardtextblock.cpp)
  list(APPEND KIOSK_IDCARD_CODEC_SOURCES "${KIOSK_IDCARD_CODEC_INCLUDE_DIR}/${source}")
endforeach()
# Only the fuzz target's own build compiles these; the main build links kioskcommon instead.
set(KIOSK_IDCARD_CODEC_COMMON_SOURCES "${KIOSK_SOURCE_ROOT}/common/personaldata.h" "${KIOSK_SOURCE_ROOT}/common/personaldata.cpp")
