#include "receiptcontent.h"

#include "catalogue.h"
#include "kioskconfig.h"

#include <QUrl>

QList<LocalizedText> ReceiptContent::standardNextSteps(bool filed)
{
    if (filed) {
        return {
            {QStringLiteral("请留意短信通知，办理结果将以短信告知。"),
             QStringLiteral("Watch for a text message: the result will be sent to your phone.")},
            {QStringLiteral("扫描下方二维码或拨打 12345 可查询办理进度。"),
             QStringLiteral("Scan the QR code below or call 12345 to follow your case.")},
            {QStringLiteral("领取证照时请携带本凭条和身份证件。"),
             QStringLiteral("Bring this receipt and your ID when you collect the result.")},
        };
    }
    return {
        {QStringLiteral("网络恢复后，本机将自动提交您的申请，无需重复办理。"),
         QStringLiteral("The kiosk will submit your application when the network returns; you need not apply again.")},
        {QStringLiteral("提交后，任一窗口可凭本机编号查询。"),
         QStringLiteral("Once submitted, any service window can find it by this reference.")},
        {QStringLiteral("如有疑问请拨打 12345。"), QStringLiteral("Questions: call 12345.")},
    };
}

QString ReceiptContent::followUrlFor(const QString &pattern, const QString &reference)
{
    if (pattern.isEmpty() || reference.isEmpty())
        return {};
    QString url = pattern;
    url.replace(QLatin1String("{ref}"), QString::fromLatin1(QUrl::toPercentEncoding(reference)));
    return url;
}

ReceiptContent ReceiptContent::forCase(const KioskConfig &config, const CatalogueItem *item, const QString &caseNumber,
                                       const QString &localReference, const QDateTime &filedAt, const QString &language)
{
    ReceiptContent content;
    content.language = language;
    content.hallName = {config.string(QStringLiteral("kiosk/hall_name")), config.string(QStringLiteral("kiosk/hall_name_en"))};
    content.terminalId = config.string(QStringLiteral("kiosk/site"));
    content.caseNumber = caseNumber;
    content.localReference = localReference;
    content.filedAt = filedAt;
    if (item) {
        content.itemName = item->name;
        content.department = item->department;
        // A case is filed only with its required materials, so those at least were received.
        for (const MaterialSpec &material : item->materials) {
            if (material.required)
                content.materials << material.name;
        }
    }
    content.nextSteps = standardNextSteps(!caseNumber.isEmpty());
    content.followUrl = followUrlFor(config.string(QStringLiteral("devices/receipt_follow_url")), content.reference());
    content.printedAt = QDateTime::currentDateTime();
    return content;
}
