#include "fakeippprinter.h"
#include "printer/printer.h"

#include <QSignalSpy>
#include <QTest>

// The driver's status path against printers reporting chosen printer-state-reasons over real
// IPP (FakeIppPrinter), since ippeveprinter cannot be told to run out of paper.
class TestPrinterHealthIpp : public QObject
{
    Q_OBJECT
private slots:
    void reportsPrinterConditionAsHealth_data();
    void reportsPrinterConditionAsHealth();
    void followsPrinterAsPaperRunsOutAndIsRefilled();
    void emptyTonerLevelIsAnError();
};

namespace {

std::unique_ptr<Printer> startPrinter(const QString &uri)
{
    PrinterOptions options;
    options.address = PrinterAddress::uri(uri);
    options.deviceClass = QStringLiteral("document_printer");
    options.statusPollMs = 200;
    auto printer = std::make_unique<Printer>(QStringLiteral("document_printer"), options);
    if (!printer->start())
        return nullptr;
    return printer;
}

} // namespace

void TestPrinterHealthIpp::reportsPrinterConditionAsHealth_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QStringList>("reasons");
    QTest::addColumn<HealthLevel>("level");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<StaffHint>("hint");
    QTest::addColumn<Device::State>("deviceState");

    QTest::newRow("media-low") << 3 << QStringList{"media-low-warning"} << HealthLevel::Warning << "media_low"
                               << StaffHint::ReplaceConsumable << Device::State::Idle;
    QTest::newRow("media-empty") << 5 << QStringList{"media-empty-error"} << HealthLevel::Error << "media_empty"
                                 << StaffHint::ReplaceConsumable << Device::State::Error;
    QTest::newRow("offline") << 5 << QStringList{"offline-report"} << HealthLevel::Error << "offline" << StaffHint::CallService
                             << Device::State::Error;
    QTest::newRow("media-jam") << 5 << QStringList{"media-jam-error"} << HealthLevel::Error << "media_jam" << StaffHint::Reset
                               << Device::State::Error;
    QTest::newRow("door-open") << 5 << QStringList{"door-open-error"} << HealthLevel::Error << "door_open" << StaffHint::Reset
                               << Device::State::Error;
    QTest::newRow("idle") << 3 << QStringList{} << HealthLevel::Ok << "" << StaffHint::None << Device::State::Idle;
}

void TestPrinterHealthIpp::reportsPrinterConditionAsHealth()
{
    QFETCH(int, state);
    QFETCH(QStringList, reasons);
    QFETCH(HealthLevel, level);
    QFETCH(QString, detail);
    FakeIppPrinter fake;
    QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
    fake.setState(state, reasons);
    const std::unique_ptr<Printer> printer = startPrinter(fake.uri());
    QVERIFY(printer);
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, level, 20000);
    QCOMPARE(printer->health().detail, detail);
    QTEST(printer->health().hint, "hint");
    QTEST(printer->state(), "deviceState");
    QCOMPARE(printer->status().reasons, reasons);
    QCOMPARE(printer->status().makeAndModel, QStringLiteral("Fake IPP Printer"));
}

void TestPrinterHealthIpp::followsPrinterAsPaperRunsOutAndIsRefilled()
{
    FakeIppPrinter fake;
    QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
    const std::unique_ptr<Printer> printer = startPrinter(fake.uri());
    QVERIFY(printer);
    QSignalSpy health(printer.get(), &Device::healthChanged);
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);

    fake.setState(3, {QStringLiteral("media-low-warning")});
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().detail, QStringLiteral("media_low"), 20000);
    QVERIFY(printer->health().isUsable());
    fake.setState(5, {QStringLiteral("media-empty-error")});
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().detail, QStringLiteral("media_empty"), 20000);
    QVERIFY(!printer->health().isUsable());
    fake.setState(3, {});
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);

    QStringList details;
    for (const QList<QVariant> &arguments : std::as_const(health))
        details << arguments.first().value<DeviceHealth>().detail;
    details.removeDuplicates();
    QCOMPARE(details, (QStringList{QString(), QStringLiteral("media_low"), QStringLiteral("media_empty")}));
}

void TestPrinterHealthIpp::emptyTonerLevelIsAnError()
{
    FakeIppPrinter fake;
    QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
    fake.setMarker(QStringLiteral("black toner"), 0, 10);
    const std::unique_ptr<Printer> printer = startPrinter(fake.uri());
    QVERIFY(printer);
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().detail, QStringLiteral("toner_empty"), 20000);
    QCOMPARE(printer->status().markers.size(), 1);
    QCOMPARE(printer->status().markers.first().name, QStringLiteral("black toner"));
    QCOMPARE(printer->status().markers.first().level, 0);
}

QTEST_GUILESS_MAIN(TestPrinterHealthIpp)
#include "test_printerhealthipp.moc"
