#include "handbuiltbytes.h"
#include "idcard/idcardholder.h"
#include "idcard/idcardtextblock.h"

#include <QDebug>
#include <QTest>

using namespace HandBuilt;

// What a card's holder leaves behind: printed masked unless asked otherwise, and every personal
// field gone after a wipe.
class TestIdCardHolderPrivacy : public QObject
{
    Q_OBJECT

private slots:
    void printsHolderMaskedByDefault()
    {
        IdCardHolder holder;
        holder.name = QStringLiteral("李文静");
        holder.idNumber = QStringLiteral("340104198806122521");
        holder.address = QStringLiteral("安徽省合肥市蜀山区长江西路189号");
        QString printed;
        QDebug(&printed) << holder;
        QVERIFY(!printed.contains(QStringLiteral("340104198806122521")));
        QVERIFY(!printed.contains(QStringLiteral("文静")));
        QVERIFY(printed.contains(QStringLiteral("3401**********2521")));

        const QJsonObject masked = holder.toJson(false);
        QCOMPARE(masked.value(QLatin1String("id_number")).toString(), QStringLiteral("3401**********2521"));
        QVERIFY(!masked.value(QLatin1String("address")).toString().contains(QStringLiteral("189")));
        QCOMPARE(holder.toJson(true).value(QLatin1String("id_number")).toString(), QStringLiteral("340104198806122521"));
    }

    void wipesEveryPersonalField()
    {
        IdCardHolder holder = *IdCardTextBlock::parse(block({{0, QStringLiteral("李文静")}, {122, QStringLiteral("340104198806122521")}}));
        holder.photo = QByteArray(1024, 'p');
        holder.wipe();
        QVERIFY(holder.name.isEmpty());
        QVERIFY(holder.idNumber.isEmpty());
        QVERIFY(holder.photo.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIdCardHolderPrivacy)
#include "test_idcardholderprivacy.moc"
