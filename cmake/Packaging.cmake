# The Debian packages, built with `cpack -G DEB` in the build tree (tests/packaging does so):
#   kiosk              the kiosk and kioskctl, the example configuration, the systemd unit running
#                      the kiosk inside cage on tty1, udev rules, tmpfiles, the usblp blacklist, docs;
#   kiosk-refplatform  the reference platform server, for test halls and development only.
# The device simulator (kiosk-devsim) and the benchmarks (kiosk-bench) are development tools and ship
# in neither.
# Install rules live here, in their own components, so that a target's plain install() line
# elsewhere never drags a development tool into a package.

set(KIOSK_PACKAGING_DIR "${PROJECT_SOURCE_DIR}/packaging")

# The example configuration is exactly what `kioskctl config example` prints, made at build time,
# so the file in the package can never drift from the schema.
set(KIOSK_EXAMPLE_CONFIG "${PROJECT_BINARY_DIR}/packaging/kiosk.ini")
add_custom_command(OUTPUT "${KIOSK_EXAMPLE_CONFIG}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/packaging"
  COMMAND sh -c "\"$<TARGET_FILE:kioskctl>\" config example > \"${KIOSK_EXAMPLE_CONFIG}\""
  DEPENDS kioskctl
  COMMENT "Writing the example configuration with kioskctl config example"
  VERBATIM)
add_custom_target(kiosk-example-config ALL DEPENDS "${KIOSK_EXAMPLE_CONFIG}")

install(TARGETS kiosk kioskctl RUNTIME DESTINATION bin COMPONENT kiosk)
# Real cameras' capture (OpenCV videoio), loaded from ../lib/kiosk beside the programs when first
# needed (drivers/camera/framecapture.h).
install(TARGETS kiosk-videoio LIBRARY DESTINATION lib/kiosk COMPONENT kiosk)
install(FILES "${KIOSK_EXAMPLE_CONFIG}" DESTINATION /etc/kiosk COMPONENT kiosk)
install(FILES "${KIOSK_PACKAGING_DIR}/systemd/kiosk.service" DESTINATION /lib/systemd/system COMPONENT kiosk)
install(FILES "${KIOSK_PACKAGING_DIR}/udev/70-kiosk.rules" DESTINATION /lib/udev/rules.d COMPONENT kiosk)
install(FILES "${KIOSK_PACKAGING_DIR}/tmpfiles/kiosk.conf" DESTINATION lib/tmpfiles.d COMPONENT kiosk)
# Installed under the name docs/printing.md gives it.
install(FILES "${KIOSK_PACKAGING_DIR}/modprobe/kiosk-usblp.conf" DESTINATION /etc/modprobe.d
  RENAME kiosk-no-usblp.conf COMPONENT kiosk)
install(DIRECTORY "${KIOSK_ASSETS_DIR}/" DESTINATION share/kiosk COMPONENT kiosk
  PATTERN "convert-divisions.py" EXCLUDE) # the division table's source converter, not needed to run
install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION share/doc/kiosk COMPONENT kiosk)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/" DESTINATION share/doc/kiosk COMPONENT kiosk
  FILES_MATCHING PATTERN "*.md" PATTERN "images" EXCLUDE)
install(TARGETS kiosk-refplatform RUNTIME DESTINATION bin COMPONENT refplatform)

# kioskctl's man page (compressed, as Debian policy asks) and bash completion, and for the
# province's monitoring the alert rules and Grafana dashboard (docs/fleet.md).
set(KIOSK_MAN_PAGE "${PROJECT_BINARY_DIR}/packaging/man/kioskctl.1.gz")
add_custom_command(OUTPUT "${KIOSK_MAN_PAGE}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/packaging/man"
  COMMAND sh -c "gzip -9n -c \"${KIOSK_PACKAGING_DIR}/man/kioskctl.1\" > \"${KIOSK_MAN_PAGE}\""
  DEPENDS "${KIOSK_PACKAGING_DIR}/man/kioskctl.1"
  VERBATIM)
add_custom_target(kiosk-man-page ALL DEPENDS "${KIOSK_MAN_PAGE}")
install(FILES "${KIOSK_MAN_PAGE}" DESTINATION share/man/man1 COMPONENT kiosk)
install(FILES "${KIOSK_PACKAGING_DIR}/bash-completion/kioskctl" DESTINATION share/bash-completion/completions COMPONENT kiosk)
install(FILES "${KIOSK_PACKAGING_DIR}/prometheus/kiosk-alerts.yml" "${KIOSK_PACKAGING_DIR}/prometheus/kiosk-alerts.test.yml"
  "${KIOSK_PACKAGING_DIR}/prometheus/kiosk-dashboard.json" DESTINATION share/kiosk/prometheus COMPONENT kiosk)

# Deployment hardening: the drivers loaded at boot for the unit's device list, the scripts the
# postinst runs to keep CUPS's spool empty and to give timesyncd the hall's servers
# (packaging/cups, packaging/timesyncd say why).
install(FILES "${KIOSK_PACKAGING_DIR}/modules-load/kiosk.conf" DESTINATION lib/modules-load.d COMPONENT kiosk)
install(PROGRAMS "${KIOSK_PACKAGING_DIR}/cups/kiosk-cups-spool" "${KIOSK_PACKAGING_DIR}/timesyncd/kiosk-ntp-servers"
  DESTINATION libexec/kiosk COMPONENT kiosk)

# What Debian policy asks of every package, so that lintian finds no error (tests/packaging runs
# it): a copyright file, a changelog compressed with gzip -9n, and the overrides for the warnings
# kept on purpose, each with its reason in the file.
set(KIOSK_PACKAGE_MAINTAINER "Kiosk maintainers <kiosk@example.org>" CACHE STRING
  "Maintainer of the Debian packages; a province deploying the kiosk puts its own contact here")
foreach(component kiosk refplatform)
  if(component STREQUAL kiosk)
    set(PACKAGE kiosk)
    set(PACKAGE_ROLE "the terminal software")
  else()
    set(PACKAGE kiosk-refplatform)
    set(PACKAGE_ROLE "the reference platform server, for test halls and development")
  endif()
  set(VERSION "${PROJECT_VERSION}")
  set(MAINTAINER "${KIOSK_PACKAGE_MAINTAINER}")
  set(doc "${PROJECT_BINARY_DIR}/packaging/doc/${PACKAGE}")
  configure_file("${KIOSK_PACKAGING_DIR}/deb/copyright" "${doc}/copyright" @ONLY)
  configure_file("${KIOSK_PACKAGING_DIR}/deb/changelog" "${doc}/changelog" @ONLY)
  add_custom_command(OUTPUT "${doc}/changelog.gz"
    COMMAND gzip -9n -c "${doc}/changelog" > "${doc}/changelog.gz"
    DEPENDS "${doc}/changelog"
    VERBATIM)
  add_custom_target(kiosk-${component}-changelog ALL DEPENDS "${doc}/changelog.gz")
  install(FILES "${doc}/copyright" "${doc}/changelog.gz" DESTINATION share/doc/${PACKAGE} COMPONENT ${component})
  install(FILES "${KIOSK_PACKAGING_DIR}/deb/lintian/${PACKAGE}" DESTINATION share/lintian/overrides COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VENDOR "kiosk project")
set(CPACK_PACKAGE_CONTACT "${KIOSK_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
# Each package's summary is the first line of its own description, not the project's.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/deb")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING IGNORE)
set(CPACK_COMPONENTS_ALL kiosk refplatform)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
# The binaries in kiosk and kiosk-refplatform are stripped; their debug information goes to
# kiosk-dbgsym and kiosk-refplatform-dbgsym (.ddeb), under /usr/lib/debug/.build-id/ where gdb
# finds it by the binary's build id. A terminal installs only the stripped package; a crash dump
# from it is read against the dbgsym package of the same build. CPack strips the files itself
# when it splits the debug information off, so CPACK_STRIP_FILES stays unset (it would strip them
# first and leave nothing for the dbgsym package).
set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME kiosk)
set(CPACK_DEBIAN_KIOSK_DESCRIPTION "24/7 government self-service kiosk
The terminal software of a 7x24 self-service hall: reads ID cards and QR
codes, fills forms from the card, photographs documents, submits cases to
the provincial platform (queuing them when the network is down), prints
receipts and collects ratings. Runs as the user kiosk inside the cage
compositor on tty1 under systemd, with a watchdog.")
# Beyond the libraries dpkg-shlibdeps finds: the compositor (Debian's cage exits when it cannot start
# Xwayland) and seatd, which gives it the screen and input devices (kiosk.service says why not a
# logind session), the
# Qt plugins and QML modules the kiosk loads at run time, Chinese fonts, and what the maintainer
# scripts call.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
  "cage, xwayland, seatd, dbus, fonts-noto-cjk, adduser, init-system-helpers (>= 1.54~), qt6-wayland, qml6-module-qtquick, qml6-module-qtquick-window, qml6-module-qtquick-layouts, qml6-module-qtqml, qml6-module-qtqml-models, qml6-module-qtqml-workerscript")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "cups, libgl1-mesa-dri, systemd, pulseaudio")
# The example configuration's simulated printers run ippeveprinter; production printers do not.
set(CPACK_DEBIAN_KIOSK_PACKAGE_SUGGESTS "cups-ipp-utils")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
  "${KIOSK_PACKAGING_DIR}/deb/conffiles;${KIOSK_PACKAGING_DIR}/deb/postinst;${KIOSK_PACKAGING_DIR}/deb/prerm;${KIOSK_PACKAGING_DIR}/deb/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_REFPLATFORM_PACKAGE_NAME kiosk-refplatform)
set(CPACK_DEBIAN_REFPLATFORM_DESCRIPTION "reference platform server for the self-service kiosk
Implements the kiosk's whole terminal contract with switches for latency,
errors and outages, for test halls and development. Not for production.")
set(CPACK_DEBIAN_REFPLATFORM_PACKAGE_DEPENDS "libqt6sql6-sqlite")

include(CPack)
