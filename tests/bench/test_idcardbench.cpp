#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

// `kioskctl bench idcard` with tiny counts: every figure line is printed and holds a number.
// What the numbers are is the benchmark's business, never asserted here.
class TestIdCardBench : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("KIOSKCTL")), "KIOSKCTL must name the kioskctl executable");
    }

    void printsTheCodecRateAndTheLatencyAgainstTheWireTime()
    {
        QProcess bench;
        bench.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("bench"), QStringLiteral("idcard"), QStringLiteral("--frames"),
                                                        QStringLiteral("20"), QStringLiteral("--runs"), QStringLiteral("2"),
                                                        QStringLiteral("--poll-ms"), QStringLiteral("100"), QStringLiteral("--idle-ms"),
                                                        QStringLiteral("300")});
        QVERIFY(bench.waitForFinished(120000));
        const QString out = QString::fromUtf8(bench.readAllStandardOutput());
        QVERIFY2(bench.exitCode() == 0, qPrintable(QString::fromUtf8(bench.readAllStandardError())));
        const QString number = QStringLiteral("[0-9]+(\\.[0-9]+)?");
        const QStringList expectedLines = {
            QStringLiteral("^codec: 20 read replies \\(1295 bytes\\) assembled, checked and parsed in %1 ms = %1 frames/s \\(%1 MB/s\\)$"),
            QStringLiteral("^latency over 2 presentations, pty paced at 115200 baud 8N1, find polled every 100 ms:$"),
            QStringLiteral("^  card present -> holder available: median %1 ms \\(min %1, max %1\\)$"),
            QStringLiteral("^  card found -> holder available \\(select \\+ read\\): median %1 ms$"),
            // The wire time is arithmetic, not a measurement: 1295 bytes of 10 bits at 115200 baud.
            QStringLiteral("^  wire time of the 1295-byte read reply alone: 112\\.4 ms; beyond it: median -?%1 ms$"),
            QStringLiteral("^  CPU with no card, 300 ms each: %1 % of a core while polling against %1 % with the reader closed "
                           "\\(\\+-?%1 points\\)$"),
        };
        for (const QString &line : expectedLines) {
            const QRegularExpression pattern(line.arg(number), QRegularExpression::MultilineOption);
            QVERIFY2(pattern.match(out).hasMatch(), qPrintable(QStringLiteral("no line like %1 in:\n%2").arg(pattern.pattern(), out)));
        }
    }
};

QTEST_GUILESS_MAIN(TestIdCardBench)
#include "test_idcardbench.moc"
