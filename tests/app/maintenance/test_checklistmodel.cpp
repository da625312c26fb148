#include "checklistmodel.h"

#include <QSignalSpy>
#include <QTest>

// The provisioning checklist as the provisioning screen lists it.
class TestChecklistModel : public QObject
{
    Q_OBJECT

private:
    using Item = ProvisioningChecklist::Item;

    static QList<Item> items(bool enrolled)
    {
        return {{QStringLiteral("devices_ok"), true, {}},
                {QStringLiteral("enrolled"), enrolled, enrolled ? QStringLiteral("T340103000017") : QStringLiteral("no credentials")},
                {QStringLiteral("pin_set"), true, {}}};
    }

private slots:
    void eachItemSaysWhichCheckItIsAndWhetherItIsGreen()
    {
        ChecklistModel model;
        QCOMPARE(model.rowCount(), 0);
        model.show(items(false));
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex enrolled = model.index(1);
        QCOMPARE(model.data(enrolled, ChecklistModel::ItemIdRole).toString(), QStringLiteral("enrolled"));
        QCOMPARE(model.data(enrolled, ChecklistModel::CheckRole).toInt(), int(ChecklistModel::Check::Enrolled));
        QCOMPARE(model.data(enrolled, ChecklistModel::OkRole).toBool(), false);
        QCOMPARE(model.data(enrolled, ChecklistModel::DetailRole).toString(), QStringLiteral("no credentials"));
        QCOMPARE(model.roleNames().value(ChecklistModel::ItemIdRole), QByteArray("itemId"));
        QCOMPARE(model.roleNames().value(ChecklistModel::CheckRole), QByteArray("check"));
    }

    void everyItemIdOfTheChecklistIsAKnownCheck()
    {
        QCOMPARE(ChecklistModel::checkOf(QStringLiteral("devices_ok")), ChecklistModel::Check::DevicesOk);
        QCOMPARE(ChecklistModel::checkOf(QStringLiteral("platform_reachable")), ChecklistModel::Check::PlatformReachable);
        QCOMPARE(ChecklistModel::checkOf(QStringLiteral("outbox_key")), ChecklistModel::Check::OutboxKey);
        QCOMPARE(ChecklistModel::checkOf(QStringLiteral("test_page")), ChecklistModel::Check::TestPage);
        QCOMPARE(ChecklistModel::checkOf(QStringLiteral("pin_set")), ChecklistModel::Check::PinSet);
        QCOMPARE(ChecklistModel::checkOf(QStringLiteral("production")), ChecklistModel::Check::Production);
        QCOMPARE(ChecklistModel::checkOf(QStringLiteral("kiosk_reads_files")), ChecklistModel::Check::KioskReadsFiles);
        QCOMPARE(ChecklistModel::checkOf(QStringLiteral("something_new")), ChecklistModel::Check::Other);
    }

    void anItemTurningGreenChangesOnlyItsRow()
    {
        ChecklistModel model;
        model.show(items(false));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.show(items(true));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(model.data(model.index(1), ChecklistModel::OkRole).toBool(), true);
        model.show(items(true));
        QCOMPARE(changed.size(), 1);
        model.show({{QStringLiteral("outbox_key"), false, QStringLiteral("missing")}});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChecklistModel)
#include "test_checklistmodel.moc"
