#include "residentrecords.h"

#include "applog.h"
#include "platformcall.h"
#include "platformclient.h"
#include "responseshape.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

ResidentRecords::ResidentRecords(QObject *parent)
    : QObject(parent)
{
}

std::optional<CaseProgress> ResidentRecords::parseCase(const QJsonObject &object)
{
    CaseProgress progress;
    progress.caseNo = object.value(QLatin1String("case_no")).toString();
    progress.itemCode = object.value(QLatin1String("item_code")).toString();
    progress.status = object.value(QLatin1String("status")).toString();
    if (progress.caseNo.isEmpty() || progress.status.isEmpty())
        return std::nullopt;
    const QJsonObject delivery = object.value(QLatin1String("delivery")).toObject();
    if (delivery.value(QLatin1String("method")).toString() == QLatin1String("post")) {
        progress.carrier = delivery.value(QLatin1String("carrier")).toString();
        progress.trackingNo = delivery.value(QLatin1String("tracking_no")).toString();
    }
    for (const QJsonValue &value : object.value(QLatin1String("history")).toArray()) {
        const QJsonObject step = value.toObject();
        progress.history.append({QDateTime::fromString(step.value(QLatin1String("at")).toString(), Qt::ISODate),
                                 step.value(QLatin1String("status")).toString(),
                                 LocalizedText::fromJson(step.value(QLatin1String("note")).toObject())});
    }
    return progress;
}

std::optional<QList<LicenceEntry>> ResidentRecords::parseLicences(const QJsonObject &body)
{
    if (!body.value(QLatin1String("licenses")).isArray())
        return std::nullopt;
    QList<LicenceEntry> entries;
    for (const QJsonValue &value : body.value(QLatin1String("licenses")).toArray()) {
        const QJsonObject object = value.toObject();
        LicenceEntry entry{object.value(QLatin1String("id")).toString(),
                           LocalizedText::fromJson(object.value(QLatin1String("type")).toObject()),
                           QDateTime::fromString(object.value(QLatin1String("issued")).toString(), Qt::ISODate),
                           object.value(QLatin1String("document_url")).toString()};
        // A licence the kiosk cannot print or name is left out rather than shown half.
        if (entry.id.isEmpty() || entry.type.isEmpty() || !entry.documentUrl.startsWith(QLatin1Char('/')))
            continue;
        entries.append(entry);
    }
    return entries;
}

bool ResidentRecords::isCaseNumber(const QString &text)
{
    return ResponseShape::isCaseNumber(text);
}

bool ResidentRecords::isLocalReference(const QString &text)
{
    static const QRegularExpression local(QStringLiteral("^T\\d{6,20}-\\d{6}$"));
    return local.match(text).hasMatch();
}

QString ResidentRecords::referenceFromReceiptCode(const QString &text)
{
    const auto isReference = [](const QString &candidate) { return isCaseNumber(candidate) || isLocalReference(candidate); };
    const QString trimmed = text.trimmed();
    if (isReference(trimmed))
        return trimmed;
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return {};
    const QString fromQuery = QUrlQuery(url).queryItemValue(QStringLiteral("case_no"));
    if (isReference(fromQuery))
        return fromQuery;
    const QString last = url.path().section(QLatin1Char('/'), -1);
    return isReference(last) ? last : QString();
}

QString ResidentRecords::referenceFromTyped(const QString &typed)
{
    const QString trimmed = typed.trimmed();
    if (isCaseNumber(trimmed) || isLocalReference(trimmed))
        return trimmed;
    const QString withTerminalMark = QStringLiteral("T") + trimmed;
    return isLocalReference(withTerminalMark) ? withTerminalMark : QString();
}

const LicenceEntry *ResidentRecords::licence(const QString &id) const
{
    for (const LicenceEntry &entry : m_licences) {
        if (entry.id == id)
            return &entry;
    }
    return nullptr;
}

void ResidentRecords::track(PlatformCall *call, void (ResidentRecords::*handler)(const PlatformResult &))
{
    if (m_call)
        m_call->disconnect(this);
    m_call = call;
    m_problem.clear();
    connect(call, &PlatformCall::finished, this, [this, handler](const PlatformResult &result) {
        m_call = nullptr;
        (this->*handler)(result);
    });
}

bool ResidentRecords::fetchCases(PlatformClient *platform, const QString &holderToken)
{
    if (!platform || holderToken.isEmpty())
        return false;
    m_cases.clear();
    track(platform->caseList(holderToken), &ResidentRecords::takeCaseList);
    return true;
}

bool ResidentRecords::fetchCase(PlatformClient *platform, const QString &caseNumber)
{
    if (!platform || !isCaseNumber(caseNumber))
        return false;
    m_cases.clear();
    track(platform->caseStatus(caseNumber), &ResidentRecords::takeOneCase);
    return true;
}

void ResidentRecords::answerQueuedHere(const QString &localRef, const QString &itemCode)
{
    if (m_call)
        m_call->disconnect(this);
    m_call = nullptr;
    m_problem.clear();
    CaseProgress progress;
    progress.localRef = localRef;
    progress.itemCode = itemCode;
    progress.status = QStringLiteral("queued_at_kiosk");
    m_cases = {progress};
    QMetaObject::invokeMethod(this, [this] { emit casesFetched(true); }, Qt::QueuedConnection);
}

bool ResidentRecords::fetchLicences(PlatformClient *platform, const QString &holderToken)
{
    if (!platform || holderToken.isEmpty())
        return false;
    m_licences.clear();
    track(platform->licenses(holderToken), &ResidentRecords::takeLicences);
    return true;
}

void ResidentRecords::setProblemFrom(const PlatformResult &result)
{
    if (result.httpStatus == 0)
        m_problem = QStringLiteral("platform_offline");
    else if (result.httpStatus == 404)
        m_problem = QStringLiteral("not_found");
    else
        m_problem = QStringLiteral("platform_error");
    qCInfo(lcSession) << "resident records not fetched:" << result.summary();
}

void ResidentRecords::takeCaseList(const PlatformResult &result)
{
    if (!result.isOk()) {
        setProblemFrom(result);
        emit casesFetched(false);
        return;
    }
    for (const QJsonValue &value : result.body.value(QLatin1String("cases")).toArray()) {
        if (const std::optional<CaseProgress> progress = parseCase(value.toObject()))
            m_cases.append(*progress);
    }
    // Newest first: the case a resident comes back about is usually the last one.
    std::reverse(m_cases.begin(), m_cases.end());
    emit casesFetched(true);
}

void ResidentRecords::takeOneCase(const PlatformResult &result)
{
    const std::optional<CaseProgress> progress = result.isOk() ? parseCase(result.body) : std::nullopt;
    if (!progress) {
        if (result.isOk())
            m_problem = QStringLiteral("platform_error");
        else
            setProblemFrom(result);
        emit casesFetched(false);
        return;
    }
    m_cases = {*progress};
    emit casesFetched(true);
}

void ResidentRecords::takeLicences(const PlatformResult &result)
{
    const std::optional<QList<LicenceEntry>> entries = result.isOk() ? parseLicences(result.body) : std::nullopt;
    if (!entries) {
        if (result.isOk())
            m_problem = QStringLiteral("platform_error");
        else
            setProblemFrom(result);
        emit licencesFetched(false);
        return;
    }
    m_licences = *entries;
    emit licencesFetched(true);
}

void ResidentRecords::wipeSessionData()
{
    if (m_call)
        m_call->disconnect(this);
    m_call = nullptr;
    m_cases.clear();
    m_licences.clear();
    m_problem.clear();
}
