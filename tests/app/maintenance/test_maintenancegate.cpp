#include "maintenancegate.h"
#include "maintenancepin.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

int unixMode(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

} // namespace

// One hash for the whole suite: hashing is deliberately slow.
class TestMaintenanceGate : public QObject
{
    Q_OBJECT

private:
    QString m_hash;
    QDateTime m_now;
    QTemporaryDir m_dir;

    [[nodiscard]] QString stateFile() const { return m_dir.filePath(QStringLiteral("maintenance-gate.json")); }
    [[nodiscard]] MaintenanceGate gate() { return MaintenanceGate(m_hash, stateFile(), [this] { return m_now; }); }
    void failTimes(MaintenanceGate &g, int times)
    {
        for (int i = 0; i < times; ++i)
            QVERIFY(g.tryPin(QStringLiteral("000001")) != MaintenanceGate::Result::Accepted);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_hash = MaintenancePin::hash(QStringLiteral("482915"));
    }

    void init()
    {
        QFile::remove(stateFile());
        m_now = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
    }

    void acceptsTheRightPin()
    {
        MaintenanceGate g = gate();
        QCOMPARE(g.tryPin(QStringLiteral("482915")), MaintenanceGate::Result::Accepted);
        QCOMPARE(g.failuresLeft(), 5);
    }

    void anAcceptedPinReplacesAnOldHashWithOneOfSixHundredThousandRounds()
    {
        QString stored = MaintenancePin::hash(QStringLiteral("482915"), 100000);
        QStringList written;
        MaintenanceGate g([&stored] { return stored; }, stateFile(), [this] { return m_now; });
        g.setRehash([&](const QString &hash) {
            written.append(hash);
            stored = hash;
            return true;
        });
        QCOMPARE(g.tryPin(QStringLiteral("111112")), MaintenanceGate::Result::Refused);
        QVERIFY(written.isEmpty()); // a wrong PIN rehashes nothing
        QCOMPARE(g.tryPin(QStringLiteral("482915")), MaintenanceGate::Result::Accepted);
        QCOMPARE(written.size(), 1);
        QCOMPARE(written.first().split(QLatin1Char('$')).at(1), QStringLiteral("600000"));
        QVERIFY(MaintenancePin::matches(QStringLiteral("482915"), written.first()));
        // The new hash opens the gate too, and needs no further rehash.
        QCOMPARE(g.tryPin(QStringLiteral("482915")), MaintenanceGate::Result::Accepted);
        QCOMPARE(written.size(), 1);
    }

    void refusesAWrongPinAndCountsDown()
    {
        MaintenanceGate g = gate();
        QCOMPARE(g.tryPin(QStringLiteral("111112")), MaintenanceGate::Result::Refused);
        QCOMPARE(g.failuresLeft(), 4);
        QVERIFY(!g.lockedUntil().isValid());
    }

    void saysNoPinSetWhenTheHashIsEmptyOrMalformed()
    {
        MaintenanceGate empty(QString(), stateFile(), [this] { return m_now; });
        QCOMPARE(empty.tryPin(QStringLiteral("482915")), MaintenanceGate::Result::NoPinSet);
        MaintenanceGate plain(QStringLiteral("482915"), stateFile(), [this] { return m_now; });
        QCOMPARE(plain.tryPin(QStringLiteral("482915")), MaintenanceGate::Result::NoPinSet);
    }

    void locksForFiveMinutesAfterFiveFailures()
    {
        MaintenanceGate g = gate();
        failTimes(g, 4);
        QCOMPARE(g.failuresLeft(), 1);
        QCOMPARE(g.tryPin(QStringLiteral("000001")), MaintenanceGate::Result::LockedOut);
        QCOMPARE(g.failuresLeft(), 0);
        QCOMPARE(g.lockedUntil(), m_now.addSecs(5 * 60));
        // While locked even the right PIN is not let in.
        QCOMPARE(g.tryPin(QStringLiteral("482915")), MaintenanceGate::Result::LockedOut);
    }

    void lockSurvivesANewGateOnTheSameFile()
    {
        {
            MaintenanceGate g = gate();
            failTimes(g, 5);
        }
        MaintenanceGate restarted = gate();
        QCOMPARE(restarted.lockedUntil(), m_now.addSecs(5 * 60));
        QCOMPARE(restarted.tryPin(QStringLiteral("482915")), MaintenanceGate::Result::LockedOut);
        QCOMPARE(unixMode(stateFile()), 0600);
    }

    void failuresCountAcrossANewGate()
    {
        {
            MaintenanceGate g = gate();
            failTimes(g, 3);
        }
        MaintenanceGate restarted = gate();
        QCOMPARE(restarted.failuresLeft(), 2);
    }

    void unlocksWhenTheTimeHasPassed()
    {
        MaintenanceGate g = gate();
        failTimes(g, 5);
        m_now = m_now.addSecs(5 * 60 - 1);
        QCOMPARE(g.tryPin(QStringLiteral("482915")), MaintenanceGate::Result::LockedOut);
        m_now = m_now.addSecs(1);
        QVERIFY(!g.lockedUntil().isValid());
        QCOMPARE(g.failuresLeft(), 5);
        QCOMPARE(g.tryPin(QStringLiteral("482915")), MaintenanceGate::Result::Accepted);
    }

    void eachFurtherLockLastsTwiceAsLong()
    {
        MaintenanceGate g = gate();
        failTimes(g, 5);
        QCOMPARE(g.lockedUntil(), m_now.addSecs(5 * 60));
        m_now = m_now.addSecs(5 * 60);
        failTimes(g, 5);
        QCOMPARE(g.lockedUntil(), m_now.addSecs(10 * 60));
        m_now = m_now.addSecs(10 * 60);
        failTimes(g, 5);
        QCOMPARE(g.lockedUntil(), m_now.addSecs(20 * 60));
    }

    void successResetsTheCountAndTheLockLength()
    {
        MaintenanceGate g = gate();
        failTimes(g, 5);
        m_now = m_now.addSecs(5 * 60);
        failTimes(g, 2);
        QCOMPARE(g.tryPin(QStringLiteral("482915")), MaintenanceGate::Result::Accepted);
        QCOMPARE(g.failuresLeft(), 5);
        failTimes(g, 5);
        QCOMPARE(g.lockedUntil(), m_now.addSecs(5 * 60));
    }

    void aCorruptStateFileDoesNotGrantFreshAttempts()
    {
        MaintenanceGate g = gate();
        failTimes(g, 3);
        QFile file(stateFile());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{not json");
        file.close();
        QCOMPARE(g.failuresLeft(), 2);
    }
};

QTEST_GUILESS_MAIN(TestMaintenanceGate)
#include "test_maintenancegate.moc"
