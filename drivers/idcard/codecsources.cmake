# The SAM codec's sources: pure functions over bytes that need only QtCore. The kioskidcardcodec
# library and the clang-built fuzz target (tests/drivers/fuzz) both compile exactly this list.
cmake_path(GET CMAKE_CURRENT_LIST_DIR PARENT_PATH KIOSK_IDCARD_CODEC_INCLUDE_DIR)
set(KIOSK_IDCARD_CODEC_SOURCES)
foreach(source
    device/devicehealth.h device/devicehealth.cpp
    idcard/samframe.h idcard/samframe.cpp
    idcard/samframeassembler.h idcard/samframeassembler.cpp
    idcard/samstatus.h idcard/samstatus.cpp
    idcard/nation.h idcard/nation.cpp
    idcard/citizennumber.h idcard/citizennumber.cpp
    idcard/idcardholder.h idcard/idcardholder.cpp
    idcard/idcardtextblock.h idcard/idcardtextblock.cpp
    common/personaldata.h common/personaldata.cpp)
  list(APPEND KIOSK_IDCARD_CODEC_SOURCES "${KIOSK_IDCARD_CODEC_INCLUDE_DIR}/${source}")
endforeach()
