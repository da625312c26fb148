#include "outboxstore.h"
#include "pdftextlayer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// kioskctl's print commands end to end, against the `simulated` printers (ippeveprinter on
// loopback, started by kioskctl under the state directory): what arrives in the spool is read
// back with pdftotext.
class TestKioskctlPrint : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void printerStatusReportsSimulatedPrintersHealthy();
    void testPagePrintsKioskIdentity();
    void receiptForCaseNumberPrintsApplicantMaskedOnly();
    void receiptRefusesACaseNumberNotInThePlatformsFormat();
    void receiptFromOutboxTombstoneCarriesCaseNumberAndLocalReference();
    void receiptForQueuedCaseGivesLocalReference();
    void unknownLocalReferenceIsANegativeAnswer();
    void unreachablePrinterIsReportedAndNothingPrints();
    void printBenchReportsRenderAndSubmitMedians();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run kioskctl(const QStringList &args);
    static QString spooledText(const QString &output);

    QTemporaryDir m_dir;
    QString m_config;
    QString m_deliveredRef;
    QString m_queuedRef;
};

void TestKioskctlPrint::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!QFile::exists(QStringLiteral("/run/dbus/system_bus_socket")))
        QProcess::execute(QStringLiteral("dbus-daemon"), {QStringLiteral("--system"), QStringLiteral("--fork")});
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(QStringLiteral("/run/dbus/system_bus_socket")), 10000);

    const QString state = m_dir.filePath(QStringLiteral("state"));
    const QString keyFile = m_dir.filePath(QStringLiteral("outbox.key"));
    QFile key(keyFile);
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write(QByteArray(64, 'a'));
    key.close();
    QVERIFY(key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    m_config = m_dir.filePath(QStringLiteral("kiosk.ini"));
    QFile config(m_config);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("[kiosk]\nstate_dir=%1\nsite=340103-HALL-09\n[offline]\nkey_file=%2\n[devices]\nprint_job_timeout_s=60\n")
                     .arg(state, keyFile)
                     .toUtf8());
    config.close();

    // Two cases in the outbox: one the platform has answered (its tombstone), one still queued.
    OutboxOptions options;
    options.stateDir = state;
    options.keyFile = keyFile;
    options.terminalId = QStringLiteral("T340103000017");
    auto opened = OutboxStore::open(options);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    OutboxStore &store = *opened.value();
    const auto delivered = store.enqueueCase({QStringLiteral("340100-000-ZZ-0006-01"), QByteArrayLiteral("{}"), {}});
    QVERIFY(delivered.ok());
    m_deliveredRef = delivered.value().localRef;
    auto lease = store.leaseNext();
    QVERIFY(lease.ok() && lease.value().has_value());
    QVERIFY(store.markDelivered(*lease.value(), QStringLiteral("34010320261123000777")).ok());
    const auto queued = store.enqueueCase({QStringLiteral("340100-000-ZZ-0002-01"), QByteArrayLiteral("{}"), {}});
    QVERIFY(queued.ok());
    m_queuedRef = queued.value().localRef;
}

TestKioskctlPrint::Run TestKioskctlPrint::kioskctl(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(KIOSKCTL), QStringList{QStringLiteral("--config"), m_config} + args);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString TestKioskctlPrint::spooledText(const QString &output)
{
    const QString path = QRegularExpression(QStringLiteral("spooled: (\\S+)")).match(output).captured(1);
    if (path.isEmpty())
        return {};
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestKioskctlPrint::printerStatusReportsSimulatedPrintersHealthy()
{
    const Run run = kioskctl({QStringLiteral("printer"), QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonArray printers = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(printers.size(), 2);
    for (const QJsonValue &printer : printers) {
        QCOMPARE(printer[QStringLiteral("level")].toString(), QStringLiteral("ok"));
        QVERIFY(printer[QStringLiteral("reachable")].toBool());
        QCOMPARE(printer[QStringLiteral("printer_state")].toInt(), 3);
    }
    QCOMPARE(printers[0][QStringLiteral("id")].toString(), QStringLiteral("receipt_printer"));
}

void TestKioskctlPrint::testPagePrintsKioskIdentity()
{
    const Run run = kioskctl({QStringLiteral("print"), QStringLiteral("test")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(QStringLiteral("completed")));
    const QString text = spooledText(run.out);
    QVERIFY2(PdfTextLayer::carries(text, QStringLiteral("340103-HALL-09")), qPrintable(text));
    QVERIFY(PdfTextLayer::carries(text, QStringLiteral("Printer test page")));
    // The job's name, which the spool file takes: what it is, never whose.
    static const QRegularExpression spooled(QStringLiteral("spooled: \\S+/\\d+-kiosk-test-page\\.pdf\n"));
    QVERIFY2(spooled.match(run.out).hasMatch(), qPrintable(run.out));
}

void TestKioskctlPrint::receiptForCaseNumberPrintsApplicantMaskedOnly()
{
    const Run run = kioskctl({QStringLiteral("print"), QStringLiteral("receipt"), QStringLiteral("--case-no"), QStringLiteral("34010320261123000042"),
                              QStringLiteral("--item"), QStringLiteral("340100-000-ZZ-0006-01"), QStringLiteral("--applicant"),
                              QStringLiteral("李小燕")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QString text = spooledText(run.out);
    QVERIFY2(PdfTextLayer::carries(text, QStringLiteral("34010320261123000042")), qPrintable(text));
    QVERIFY(PdfTextLayer::carries(text, QStringLiteral("李**")));
    QVERIFY(!PdfTextLayer::carries(text, QStringLiteral("李小燕")));
    QVERIFY(!run.out.contains(QStringLiteral("李小燕")) && !run.err.contains(QStringLiteral("李小燕")));
}

void TestKioskctlPrint::receiptRefusesACaseNumberNotInThePlatformsFormat()
{
    // Letters, a short sequence, a date that does not exist: none is a case number the platform gives.
    for (const QString &wrong : {QStringLiteral("AH2026112300042"), QStringLiteral("3401032026112300042"),
                                 QStringLiteral("34010320261341000042")}) {
        const Run run = kioskctl({QStringLiteral("print"), QStringLiteral("receipt"), QStringLiteral("--case-no"), wrong});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("is not a case number")), qPrintable(run.err));
        QVERIFY(!run.out.contains(QStringLiteral("spooled")));
    }
}

void TestKioskctlPrint::receiptFromOutboxTombstoneCarriesCaseNumberAndLocalReference()
{
    const Run run = kioskctl({QStringLiteral("print"), QStringLiteral("receipt"), QStringLiteral("--local-ref"), m_deliveredRef});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QString text = spooledText(run.out);
    QVERIFY2(PdfTextLayer::carries(text, QStringLiteral("34010320261123000777")), qPrintable(text));
    QVERIFY(PdfTextLayer::carries(text, m_deliveredRef));
    QVERIFY(PdfTextLayer::carries(text, QStringLiteral("出生登记")));
}

void TestKioskctlPrint::receiptForQueuedCaseGivesLocalReference()
{
    const Run run = kioskctl({QStringLiteral("print"), QStringLiteral("receipt"), QStringLiteral("--local-ref"), m_queuedRef,
                              QStringLiteral("--language"), QStringLiteral("en")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QString text = spooledText(run.out);
    QVERIFY2(PdfTextLayer::carries(text, m_queuedRef), qPrintable(text));
    QVERIFY(PdfTextLayer::carries(text, QStringLiteral("Kiosk ref.")));
    QVERIFY2(PdfTextLayer::carries(text, QStringLiteral("Accepted offline")), qPrintable(text));
    QVERIFY(!PdfTextLayer::carries(text, QStringLiteral("Case no.")));
}

void TestKioskctlPrint::unknownLocalReferenceIsANegativeAnswer()
{
    const Run run = kioskctl({QStringLiteral("print"), QStringLiteral("receipt"), QStringLiteral("--local-ref"), QStringLiteral("T340103000017-999999")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QStringLiteral("no outbox entry")));
}

void TestKioskctlPrint::unreachablePrinterIsReportedAndNothingPrints()
{
    const Run run = kioskctl({QStringLiteral("print"), QStringLiteral("test"), QStringLiteral("--printer"), QStringLiteral("ipp://127.0.0.1:9/ipp/print")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("no_response")), qPrintable(run.err));
}

// The figures themselves are for people to read (docs/printing.md); this checks that they come.
void TestKioskctlPrint::printBenchReportsRenderAndSubmitMedians()
{
    const Run run = kioskctl({QStringLiteral("bench"), QStringLiteral("print"), QStringLiteral("--runs"), QStringLiteral("2")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QStringLiteral("receipt print bench: 2 receipts to ipp://127.0.0.1:")), qPrintable(run.out));
    for (const QString &figure : {QStringLiteral("render \\(QPdfWriter, CJK font, QR\\): +median \\d+\\.\\d ms"),
                                  QStringLiteral("submit \\(libcups, until accepted\\): +median \\d+\\.\\d ms"),
                                  QStringLiteral("render \\+ submit: +median \\d+\\.\\d ms"),
                                  QStringLiteral("until the printer reports completed: median \\d+\\.\\d ms")}) {
        QVERIFY2(QRegularExpression(figure).match(run.out).hasMatch(), qPrintable(figure + QStringLiteral(" in:\n") + run.out));
    }
}

QTEST_MAIN(TestKioskctlPrint)
#include "test_kioskctlprint.moc"
