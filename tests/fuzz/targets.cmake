# The libFuzzer targets over the kiosk's parsers of untrusted bytes: for each, its fuzz source in
# tests/fuzz, the project sources it compiles (paths from the source root) and the libraries it
# needs beyond QtCore. The clang build (clang/CMakeLists.txt) compiles exactly these lists, so a
# parser is fuzzed as the kiosk builds it; tests/fuzz/CMakeLists.txt registers one ctest per name.
set(KIOSK_FUZZ_TARGETS
  hidposreport wedgekeys scanpayload admincode platformresponse catalogue config httpmessage ippstatus)

set(KIOSK_FUZZ_hidposreport_SOURCES drivers/scanner/hidposreport.cpp)
set(KIOSK_FUZZ_wedgekeys_SOURCES drivers/scanner/wedgekeydecoder.cpp)
set(KIOSK_FUZZ_scanpayload_SOURCES drivers/scanner/scanpayload.cpp)
set(KIOSK_FUZZ_admincode_SOURCES app/maintenance/admincode.cpp)
set(KIOSK_FUZZ_admincode_CRYPTO ON)
set(KIOSK_FUZZ_platformresponse_SOURCES
  app/platform/responseshape.cpp app/platform/platformresult.cpp app/platform/requestsigner.cpp app/core/catalogue.cpp)
set(KIOSK_FUZZ_platformresponse_CRYPTO ON)
set(KIOSK_FUZZ_catalogue_SOURCES app/core/catalogue.cpp)
set(KIOSK_FUZZ_config_SOURCES app/core/kioskconfig.cpp app/core/configschema.cpp app/core/halltime.cpp)
set(KIOSK_FUZZ_httpmessage_SOURCES refplatform/httpmessage.cpp)
set(KIOSK_FUZZ_ippstatus_SOURCES drivers/printer/printerstatus.cpp drivers/device/devicehealth.cpp)

# Executions per target in ctest: a few seconds each on the CI machine, with the committed corpus
# replayed first. tests/fuzz/run-long.sh runs each for ten million.
set(KIOSK_FUZZ_RUNS 20000)
set(KIOSK_FUZZ_admincode_RUNS 5000)
