#include "terminalcommands.h"

#include <QBuffer>
#include <QImage>
#include <QSqlQuery>
#include <QTest>

// The reference platform's side of remote care, on its own SQLite database: commands queued with
// their arguments and delivered once, acknowledgements recorded as terminals send them, and
// screenshots taken only as PNGs answering a screenshot command of the same terminal.
class TestTerminalCommands : public QObject
{
    Q_OBJECT

private:
    QSqlDatabase m_db;
    TerminalCommands m_commands;

    static QByteArray png()
    {
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::blue);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }

private slots:
    void init()
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("commands"));
        m_db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(m_db.open());
        // The table as a server from before contract 1.1 made it: open() gives it its arguments.
        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE commands (id TEXT PRIMARY KEY, terminal_id TEXT, name TEXT, delivered INTEGER NOT NULL DEFAULT 0)")));
        QString error;
        QVERIFY2(m_commands.open(m_db, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_commands = TerminalCommands();
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("commands"));
    }

    void aCommandIsDeliveredOnceWithItsArgumentsToItsTerminalOnly()
    {
        const QJsonObject text{{QStringLiteral("zh"), QStringLiteral("今日提前闭厅")}, {QStringLiteral("en"), QStringLiteral("Closing early today")}};
        const QString id = m_commands.queue(QStringLiteral("T1"), QStringLiteral("notice"), {{QStringLiteral("text"), text}});
        QVERIFY(id.startsWith(QLatin1Char('C')));
        QVERIFY(m_commands.takeFor(QStringLiteral("T2")).isEmpty());
        const QJsonArray delivered = m_commands.takeFor(QStringLiteral("T1"));
        QCOMPARE(delivered.size(), 1);
        const QJsonObject command = delivered.first().toObject();
        QCOMPARE(command.value(QLatin1String("id")).toString(), id);
        QCOMPARE(command.value(QLatin1String("name")).toString(), QStringLiteral("notice"));
        QCOMPARE(command.value(QLatin1String("text")).toObject(), text);
        QVERIFY(m_commands.takeFor(QStringLiteral("T1")).isEmpty());
    }

    void aCommandForEveryTerminalReachesEach()
    {
        (void)m_commands.queue(QString(), QStringLiteral("reload_catalogue"), {});
        QCOMPARE(m_commands.takeFor(QStringLiteral("T1")).size(), 1);
    }

    void onlyWellFormedAcknowledgementsAreRecorded()
    {
        m_commands.recordAcks(QStringLiteral("T1"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("C1")}, {QStringLiteral("ok"), true},
                                                                           {QStringLiteral("detail"), QStringLiteral("locked")}},
                                                               QJsonObject{{QStringLiteral("id"), QStringLiteral("C2")}, {QStringLiteral("ok"), QStringLiteral("yes")}},
                                                               QStringLiteral("C3")});
        m_commands.recordAcks(QStringLiteral("T1"), QStringLiteral("not a list"));
        const QJsonArray acks = m_commands.acks();
        QCOMPARE(acks.size(), 1);
        QCOMPARE(acks.first().toObject().value(QLatin1String("id")).toString(), QStringLiteral("C1"));
        QCOMPARE(acks.first().toObject().value(QLatin1String("terminal_id")).toString(), QStringLiteral("T1"));
        QCOMPARE(acks.first().toObject().value(QLatin1String("detail")).toString(), QStringLiteral("locked"));
    }

    void aScreenshotIsAPngAnsweringAScreenshotCommandOfThatTerminal()
    {
        const QString asked = m_commands.queue(QStringLiteral("T1"), QStringLiteral("screenshot"), {});
        const QString lock = m_commands.queue(QStringLiteral("T1"), QStringLiteral("lock"), {});
        QString problem;
        QVERIFY(m_commands.storeScreenshot(QStringLiteral("T1"), asked, "GIF89a....", &problem).isEmpty());
        QVERIFY2(problem.contains(QLatin1String("PNG")), qPrintable(problem));
        QVERIFY(m_commands.storeScreenshot(QStringLiteral("T1"), lock, png(), &problem).isEmpty());
        QVERIFY2(problem.contains(QLatin1String("X-Command-Id")), qPrintable(problem));
        QVERIFY(m_commands.storeScreenshot(QStringLiteral("T2"), asked, png(), &problem).isEmpty());
        QVERIFY(m_commands.screenshots().isEmpty());

        const QString id = m_commands.storeScreenshot(QStringLiteral("T1"), asked, png(), &problem);
        QVERIFY2(id.startsWith(QLatin1Char('S')), qPrintable(problem));
        QCOMPARE(m_commands.screenshot(id), png());
        const QJsonObject listed = m_commands.screenshots().first().toObject();
        QCOMPARE(listed.value(QLatin1String("command_id")).toString(), asked);
        QCOMPARE(listed.value(QLatin1String("size")).toInt(), png().size());
        QVERIFY(!listed.contains(QLatin1String("png")));
    }
};

QTEST_MAIN(TestTerminalCommands)
#include "test_terminalcommands.moc"
