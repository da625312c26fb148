#include "device/deviceregistry.h"
#include "paperrollmodel.h"

#include <QTemporaryDir>
#include <QTest>

// The paper list on the maintenance screen. With printers it is exercised against the simulated
// printer by the maintenance UI suites (test_maintenanceentry); here, what it does without one.
class TestPaperRollModel : public QObject
{
    Q_OBJECT

private slots:
    void withoutPrintersThereIsNoPaperToListOrRefill()
    {
        QTemporaryDir dir;
        DeviceRegistryOptions options;
        options.stateDirectory = dir.path();
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY(registry.build(&errors));
        PaperRollModel model(&registry, dir.path(), 80, 100);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasPrinter(QStringLiteral("receipt_printer")));
        QString error;
        QVERIFY(!model.refill(QStringLiteral("receipt_printer"), &error));
        QCOMPARE(error, QStringLiteral("no printer receipt_printer"));
        QVERIFY(!QFileInfo::exists(QDir(dir.path()).filePath(QStringLiteral("maintenance"))));
        PaperRollModel none(nullptr, dir.path(), 80, 100);
        QCOMPARE(none.rowCount(), 0);
        QVERIFY(!none.hasPrinter(QStringLiteral("document_printer")));
    }

    void eachRoleHasTheNameQmlReads()
    {
        const QHash<int, QByteArray> roles = PaperRollModel(nullptr, {}, 80, 100).roleNames();
        QCOMPARE(roles.value(PaperRollModel::PrinterIdRole), QByteArray("printerId"));
        QCOMPARE(roles.value(PaperRollModel::PrintedRole), QByteArray("printed"));
        QCOMPARE(roles.value(PaperRollModel::RemainingRole), QByteArray("remaining"));
        QCOMPARE(roles.value(PaperRollModel::CapacityRole), QByteArray("capacity"));
        QCOMPARE(roles.value(PaperRollModel::RefilledAtRole), QByteArray("refilledAt"));
    }
};

QTEST_GUILESS_MAIN(TestPaperRollModel)
#include "test_paperrollmodel.moc"
