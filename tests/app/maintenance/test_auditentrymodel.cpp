#include "auditentrymodel.h"
#include "auditlog.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// The audit trail's newest lines as the maintenance screen lists them.
class TestAuditEntryModel : public QObject
{
    Q_OBJECT

private slots:
    void theNewestLinesComeFirstAndOnlyAsManyAsAsked()
    {
        QTemporaryDir dir;
        AuditLog log(AuditLog::pathIn(dir.path()));
        QVERIFY(log.record(QStringLiteral("maintenance"), QStringLiteral("maintenance.gesture"), QStringLiteral("ok"), QStringLiteral("maintenance")));
        QVERIFY(log.record(QStringLiteral("maintenance"), QStringLiteral("maintenance.pin"), QStringLiteral("refused"), QStringLiteral("4 attempts left")));
        QVERIFY(log.record(QStringLiteral("kioskctl"), QStringLiteral("outbox.retry"), QStringLiteral("ok")));
        AuditEntryModel model(&log, 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0), AuditEntryModel::ActorRole).toString(), QStringLiteral("kioskctl"));
        QCOMPARE(model.data(model.index(0), AuditEntryModel::ActionRole).toString(), QStringLiteral("outbox.retry"));
        QCOMPARE(model.data(model.index(0), AuditEntryModel::DetailRole).toString(), QString());
        QCOMPARE(model.data(model.index(1), AuditEntryModel::ResultRole).toString(), QStringLiteral("refused"));
        QCOMPARE(model.data(model.index(1), AuditEntryModel::DetailRole).toString(), QStringLiteral("4 attempts left"));
        // Local time, month first, as staff read it off the screen.
        QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"))
                    .match(model.data(model.index(0), AuditEntryModel::AtRole).toString())
                    .hasMatch());
        QCOMPARE(model.roleNames().value(AuditEntryModel::AtRole), QByteArray("at"));
    }

    void refreshReadsWhatWasWrittenSince()
    {
        QTemporaryDir dir;
        AuditLog log(AuditLog::pathIn(dir.path()));
        AuditEntryModel model(&log, 20);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(log.record(QStringLiteral("maintenance"), QStringLiteral("paper.refilled"), QStringLiteral("ok"), QStringLiteral("receipt_printer")));
        QCOMPARE(model.rowCount(), 0);
        model.refresh();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), AuditEntryModel::ActionRole).toString(), QStringLiteral("paper.refilled"));
        QVERIFY(!model.data(model.index(1), AuditEntryModel::ActionRole).isValid());
    }
};

QTEST_GUILESS_MAIN(TestAuditEntryModel)
#include "test_auditentrymodel.moc"
