#include "terminalcredentials.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestTerminalCredentials : public QObject
{
    Q_OBJECT

private slots:
    void savesWithMode0600AndReadsBack();
    void refusesAFileOthersCanRead();
    void refusesASecretThatIsNot32Bytes();
};

void TestTerminalCredentials::savesWithMode0600AndReadsBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state/terminal.json"));
    const mode_t old = ::umask(0);
    TerminalCredentials c{QStringLiteral("T340103000017"), QByteArray(32, '\x5a'), QStringLiteral("340103"), {}};
    QString error;
    const bool saved = c.save(path, &error);
    ::umask(old);
    QVERIFY2(saved, qPrintable(error));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    const auto loaded = TerminalCredentials::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->terminalId, c.terminalId);
    QCOMPARE(loaded->secret, c.secret);
    QVERIFY(!QFile::exists(path + QStringLiteral(".tmp")));
}

void TestTerminalCredentials::refusesAFileOthersCanRead()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("terminal.json"));
    TerminalCredentials c{QStringLiteral("T1"), QByteArray(32, 'x'), QStringLiteral("340103"), {}};
    QString error;
    QVERIFY(c.save(path, &error));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    QVERIFY(!TerminalCredentials::load(path, &error));
    QVERIFY2(error.contains(QLatin1String("0600")), qPrintable(error));
}

void TestTerminalCredentials::refusesASecretThatIsNot32Bytes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("terminal.json"));
    TerminalCredentials c{QStringLiteral("T1"), QByteArray(16, 'x'), QStringLiteral("340103"), {}};
    QString error;
    QVERIFY(c.save(path, &error));
    QVERIFY(!TerminalCredentials::load(path, &error));
    QVERIFY(error.contains(QLatin1String("32 bytes")));
}

QTEST_GUILESS_MAIN(TestTerminalCredentials)
#include "test_terminalcredentials.moc"
