#include "printer/printeraddress.h"
#include "printer/printerstatus.h"

#include <QTest>

// The IPP-to-health mapping and the printer address, as pure functions (reference/devices.md §4).
class TestPrinterStatus : public QObject
{
    Q_OBJECT
private slots:
    void mapsPrinterReportToHealth_data();
    void mapsPrinterReportToHealth();
    void mapsMarkerLevelsWhenNoReasonSaysSo_data();
    void mapsMarkerLevelsWhenNoReasonSaysSo();
    void unreachablePrinterIsAnErrorToRetry();
    void namesTheReasonThatStopsThePrinter_data();
    void namesTheReasonThatStopsThePrinter();
    void mapsIppJobStates_data();
    void mapsIppJobStates();
    void parsesPrinterAddresses_data();
    void parsesPrinterAddresses();
};

void TestPrinterStatus::mapsPrinterReportToHealth_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QStringList>("reasons");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("hint");

    QTest::newRow("idle") << 3 << QStringList{} << "ok" << "" << "none";
    QTest::newRow("printing") << 4 << QStringList{} << "busy" << "printing" << "none";
    QTest::newRow("paper low") << 3 << QStringList{"media-low-warning"} << "warning" << "media_low" << "replace_consumable";
    QTest::newRow("paper low, report suffix") << 3 << QStringList{"media-low-report"} << "warning" << "media_low" << "replace_consumable";
    QTest::newRow("paper empty") << 5 << QStringList{"media-empty-error"} << "error" << "media_empty" << "replace_consumable";
    QTest::newRow("paper needed") << 5 << QStringList{"media-needed"} << "error" << "media_empty" << "replace_consumable";
    QTest::newRow("jam") << 5 << QStringList{"media-jam-error"} << "error" << "media_jam" << "reset";
    QTest::newRow("door open") << 5 << QStringList{"door-open-error"} << "error" << "door_open" << "reset";
    QTest::newRow("cover open") << 5 << QStringList{"cover-open"} << "error" << "door_open" << "reset";
    QTest::newRow("offline") << 5 << QStringList{"offline-report"} << "error" << "offline" << "call_service";
    QTest::newRow("toner empty") << 5 << QStringList{"toner-empty-error"} << "error" << "toner_empty" << "replace_consumable";
    QTest::newRow("toner low") << 3 << QStringList{"toner-low-report"} << "warning" << "toner_low" << "replace_consumable";
    QTest::newRow("jam outranks paper low") << 5 << QStringList{"media-low-warning", "media-jam-error"} << "error" << "media_jam" << "reset";
    QTest::newRow("paper low while printing") << 4 << QStringList{"media-low-warning"} << "warning" << "media_low" << "replace_consumable";
    QTest::newRow("stopped without reason") << 5 << QStringList{} << "error" << "stopped" << "call_service";
    QTest::newRow("unknown reason is not an error") << 3 << QStringList{"other-report"} << "ok" << "" << "none";
}

void TestPrinterStatus::mapsPrinterReportToHealth()
{
    QFETCH(int, state);
    QFETCH(QStringList, reasons);
    PrinterStatus status;
    status.reachable = true;
    status.state = state;
    status.reasons = reasons;
    const DeviceHealth health = PrinterStatusMapping::health(status);
    QTEST(DeviceVocabulary::toString(health.level), "level");
    QTEST(health.detail, "detail");
    QTEST(DeviceVocabulary::toString(health.hint), "hint");
}

void TestPrinterStatus::mapsMarkerLevelsWhenNoReasonSaysSo_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("lowLevel");
    QTest::addColumn<QString>("health");

    QTest::newRow("full") << 80 << 10 << "ok";
    QTest::newRow("at the low mark") << 10 << 10 << "warning";
    QTest::newRow("empty") << 0 << 10 << "error";
    QTest::newRow("unknown level") << -1 << 10 << "ok";
    QTest::newRow("some left") << -3 << 10 << "ok";
}

void TestPrinterStatus::mapsMarkerLevelsWhenNoReasonSaysSo()
{
    QFETCH(int, level);
    QFETCH(int, lowLevel);
    PrinterStatus status;
    status.reachable = true;
    status.state = 3;
    status.markers = {{QStringLiteral("black toner"), QStringLiteral("toner"), level, lowLevel}};
    QTEST(DeviceVocabulary::toString(PrinterStatusMapping::health(status).level), "health");
}

void TestPrinterStatus::unreachablePrinterIsAnErrorToRetry()
{
    PrinterStatus status;
    status.reachable = false;
    DeviceHealth health = PrinterStatusMapping::health(status);
    QCOMPARE(health.level, HealthLevel::Error);
    QCOMPARE(health.detail, QStringLiteral("no_response"));
    QCOMPARE(health.hint, StaffHint::Retry);

    status.unreachableDetail = QStringLiteral("no_device");
    health = PrinterStatusMapping::health(status);
    QCOMPARE(health.detail, QStringLiteral("no_device"));
    QVERIFY(!health.isUsable());
}

void TestPrinterStatus::namesTheReasonThatStopsThePrinter_data()
{
    QTest::addColumn<QStringList>("reasons");
    QTest::addColumn<QString>("blocking");

    QTest::newRow("nothing wrong") << QStringList{} << "";
    QTest::newRow("paper low only") << QStringList{"media-low-warning"} << "";
    QTest::newRow("out of paper, as ippeveprinter says it while printing") << QStringList{"media-empty-warning"} << "media-empty";
    QTest::newRow("paper needed") << QStringList{"media-needed-error"} << "media-needed";
    QTest::newRow("jam outranks paper low") << QStringList{"media-low-warning", "media-jam-error"} << "media-jam";
    QTest::newRow("open door outranks jam") << QStringList{"media-jam-error", "door-open"} << "door-open";
}

void TestPrinterStatus::namesTheReasonThatStopsThePrinter()
{
    QFETCH(QStringList, reasons);
    PrinterStatus status;
    status.reachable = true;
    status.state = 4;
    status.reasons = reasons;
    QTEST(PrinterStatusMapping::blockingReason(status), "blocking");
}

void TestPrinterStatus::mapsIppJobStates_data()
{
    QTest::addColumn<int>("ipp");
    QTest::addColumn<QString>("state");
    QTest::addColumn<bool>("final");

    QTest::newRow("pending") << 3 << "pending" << false;
    QTest::newRow("held") << 4 << "held" << false;
    QTest::newRow("processing") << 5 << "processing" << false;
    QTest::newRow("stopped") << 6 << "stopped" << false;
    QTest::newRow("canceled") << 7 << "cancelled" << true;
    QTest::newRow("aborted") << 8 << "aborted" << true;
    QTest::newRow("completed") << 9 << "completed" << true;
    QTest::newRow("out of range") << 42 << "aborted" << true;
}

void TestPrinterStatus::mapsIppJobStates()
{
    QFETCH(int, ipp);
    const PrintJobState state = PrinterStatusMapping::jobStateFromIpp(ipp);
    QTEST(PrinterStatusMapping::toString(state), "state");
    QTEST(PrinterStatusMapping::isFinal(state), "final");
}

void TestPrinterStatus::parsesPrinterAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");

    QTest::newRow("none") << "none" << true << int(PrinterAddress::Kind::None) << "";
    QTest::newRow("simulated") << "simulated" << true << int(PrinterAddress::Kind::Simulated) << "";
    QTest::newRow("queue") << "cups:receipt" << true << int(PrinterAddress::Kind::Queue) << "receipt";
    QTest::newRow("ipp uri") << "ipp://10.0.0.5:631/ipp/print" << true << int(PrinterAddress::Kind::Uri) << "ipp://10.0.0.5:631/ipp/print";
    QTest::newRow("ipps uri") << "ipps://printer.local/ipp/print" << true << int(PrinterAddress::Kind::Uri) << "ipps://printer.local/ipp/print";
    QTest::newRow("empty queue") << "cups:" << false << 0 << "";
    QTest::newRow("queue with slash") << "cups:a/b" << false << 0 << "";
    QTest::newRow("uri without host") << "ipp:///ipp/print" << false << 0 << "";
    QTest::newRow("serial is not a printer") << "serial:/dev/ttyS0" << false << 0 << "";
}

void TestPrinterStatus::parsesPrinterAddresses()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QString error;
    const std::optional<PrinterAddress> address = PrinterAddress::parse(text, &error);
    QCOMPARE(address.has_value(), valid);
    if (!valid) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QTEST(int(address->kind), "kind");
    QTEST(address->target, "target");
    QCOMPARE(address->toString(), text);
}

QTEST_GUILESS_MAIN(TestPrinterStatus)
#include "test_printerstatus.moc"
