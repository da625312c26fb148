#include "queueticketing.h"

#include "applog.h"
#include "identityverification.h"
#include "kioskconfig.h"
#include "platformcall.h"
#include "platformclient.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "printjobname.h"
#include "receiptrenderer.h"
#include "ticketcontent.h"

#include <QJsonArray>

namespace {

const QString kAppointmentCodePrefix = QStringLiteral("APPT:");

} // namespace

QueueTicketing::QueueTicketing(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    m_parts.session->addWipeable(this);
}

QueueTicketing::~QueueTicketing()
{
    m_parts.session->removeWipeable(this);
}

LocalizedText QueueTicketing::groupName(const QString &groupId) const
{
    for (const Group &group : m_groups) {
        if (group.id == groupId)
            return group.name;
    }
    return {groupId, groupId};
}

QString QueueTicketing::serviceRef() const
{
    return m_ticket.number.isEmpty() ? QString() : QStringLiteral("ticket:") + m_ticket.number;
}

bool QueueTicketing::isAppointmentCode(const QString &text)
{
    return text.startsWith(kAppointmentCodePrefix) && text.size() > kAppointmentCodePrefix.size() && text.size() <= 64;
}

bool QueueTicketing::follow(PlatformCall *call, std::function<void(const PlatformResult &)> done)
{
    if (!call)
        return false;
    setStage(Stage::Loading);
    const quint64 generation = m_generation;
    connect(call, &PlatformCall::finished, this, [this, generation, done = std::move(done)](const PlatformResult &result) {
        if (generation != m_generation)
            return;
        if (result.outcome != PlatformOutcome::Ok)
            fail(result);
        else
            done(result);
    });
    return true;
}

bool QueueTicketing::loadGroups()
{
    return fetchGroups(true);
}

bool QueueTicketing::fetchGroups(bool thenChoose)
{
    if (!m_parts.platform)
        return false;
    PlatformCall *call = m_parts.platform->ticketGroups();
    if (thenChoose)
        setStage(Stage::Loading);
    const quint64 generation = m_generation;
    connect(call, &PlatformCall::finished, this, [this, generation, thenChoose](const PlatformResult &result) {
        if (generation != m_generation)
            return;
        // Groups asked for beside an appointment only name its counters: their failure is not the resident's.
        if (result.outcome != PlatformOutcome::Ok) {
            if (thenChoose)
                fail(result);
            return;
        }
        m_groups.clear();
        for (const QJsonValue &value : result.body.value(QLatin1String("groups")).toArray()) {
            const QJsonObject g = value.toObject();
            m_groups.append({g.value(QLatin1String("id")).toString(), LocalizedText::fromJson(g.value(QLatin1String("name")).toObject()),
                             g.value(QLatin1String("waiting")).toInt(), g.value(QLatin1String("estimated_wait_min")).toInt(),
                             g.value(QLatin1String("open")).toBool()});
        }
        if (thenChoose)
            setStage(Stage::Choosing);
        else
            emit changed();
    });
    return true;
}

bool QueueTicketing::takeTicket(const QString &groupId, bool elderPriority)
{
    if (!m_parts.platform || m_stage == Stage::Loading || m_stage == Stage::Issued)
        return false;
    QJsonObject request{{QStringLiteral("group"), groupId},
                        {QStringLiteral("priority"), elderPriority ? QJsonValue(QStringLiteral("elder")) : QJsonValue(QJsonValue::Null)}};
    if (m_parts.verification && m_parts.verification->isVerified())
        request.insert(QStringLiteral("holder_token"), m_parts.verification->holderToken());
    return follow(m_parts.platform->takeTicket(request, PlatformClient::newIdempotencyKey()),
                  [this, elderPriority](const PlatformResult &result) { takeIssued(result, elderPriority, false); });
}

bool QueueTicketing::loadAppointments()
{
    if (!m_parts.platform || !m_parts.verification || !m_parts.verification->isVerified())
        return false;
    // The groups name the appointments' counters.
    if (m_groups.isEmpty())
        fetchGroups(false);
    return follow(m_parts.platform->appointments(m_parts.verification->holderToken()), [this](const PlatformResult &result) {
        m_appointments.clear();
        const QString division = m_parts.config->string(QStringLiteral("kiosk/site")).left(6);
        for (const QJsonValue &value : result.body.value(QLatin1String("appointments")).toArray()) {
            const QJsonObject a = value.toObject();
            const QJsonObject hall = a.value(QLatin1String("hall")).toObject();
            const QString hallDivision = hall.value(QLatin1String("division")).toString();
            m_appointments.append({a.value(QLatin1String("id")).toString(), a.value(QLatin1String("group")).toString(),
                                   PlatformResponse::parseTime(a.value(QLatin1String("slot_start")).toString().toLatin1()),
                                   LocalizedText::fromJson(hall.value(QLatin1String("name")).toObject()),
                                   hallDivision.isEmpty() || hallDivision == division});
        }
        if (m_appointments.isEmpty())
            setStage(Stage::Failed, QStringLiteral("no_appointment_today"));
        else
            setStage(Stage::Choosing);
    });
}

bool QueueTicketing::checkIn(const QString &appointmentId)
{
    if (!m_parts.platform || appointmentId.isEmpty() || m_stage == Stage::Loading || m_stage == Stage::Issued)
        return false;
    return follow(m_parts.platform->checkInAppointment(appointmentId, PlatformClient::newIdempotencyKey()),
                  [this](const PlatformResult &result) { takeIssued(result, false, true); });
}

bool QueueTicketing::checkInCode(const QString &text)
{
    if (!isAppointmentCode(text)) {
        setStage(Stage::Failed, QStringLiteral("code_not_an_appointment"));
        return false;
    }
    if (m_groups.isEmpty())
        fetchGroups(false);
    return checkIn(text.mid(kAppointmentCodePrefix.size()).trimmed());
}

void QueueTicketing::takeIssued(const PlatformResult &result, bool priority, bool appointment)
{
    const QJsonObject &o = result.body;
    m_ticket = {o.value(QLatin1String("ticket_no")).toString(),
                o.value(QLatin1String("group")).toString(),
                o.value(QLatin1String("waiting_before")).toInt(),
                o.value(QLatin1String("estimated_wait_min")).toInt(),
                priority,
                appointment,
                PlatformResponse::parseTime(o.value(QLatin1String("issued_at")).toString().toLatin1())};
    qCInfo(lcSession) << (appointment ? "appointment checked in," : "ticket taken,") << "group" << m_ticket.groupId;
    setStage(Stage::Issued);
}

void QueueTicketing::fail(const PlatformResult &result)
{
    QString problem = QStringLiteral("failed");
    if (result.outcome == PlatformOutcome::Transient)
        problem = QStringLiteral("platform_offline");
    else if (result.errorCode == QLatin1String("group_closed") || result.errorCode == QLatin1String("already_checked_in")
             || result.errorCode == QLatin1String("not_today"))
        problem = result.errorCode;
    else if (result.errorCode == QLatin1String("other_hall")) {
        problem = result.errorCode;
        m_otherHall = LocalizedText::fromJson(result.details.value(QLatin1String("hall")).toObject());
    } else if (result.errorCode == QLatin1String("not_found"))
        problem = QStringLiteral("appointment_unknown");
    qCInfo(lcSession) << "hall counters:" << problem << result.errorCode << result.requestId;
    setStage(Stage::Failed, problem);
}

bool QueueTicketing::printTicket(const QString &language)
{
    Printer *printer = m_parts.devices.receiptPrinter();
    if (!printer || m_ticket.number.isEmpty())
        return false;
    TicketContent content;
    content.language = language;
    content.hallName = {m_parts.config->string(QStringLiteral("kiosk/hall_name")), m_parts.config->string(QStringLiteral("kiosk/hall_name_en"))};
    content.terminalId = m_parts.config->string(QStringLiteral("kiosk/site"));
    content.groupName = groupName(m_ticket.groupId);
    content.ticketNumber = m_ticket.number;
    content.peopleAhead = m_ticket.peopleAhead;
    content.estimatedWaitMin = m_ticket.estimatedWaitMin;
    content.priority = m_ticket.priority;
    content.appointment = m_ticket.appointment;
    content.issuedAt = m_ticket.issuedAt.isValid() ? m_ticket.issuedAt.toLocalTime() : QDateTime::currentDateTime();
    QString why;
    const QByteArray pdf = ReceiptRenderer::renderTicket(content, &why);
    if (pdf.isEmpty()) {
        qCWarning(lcSession) << "ticket not rendered:" << why;
        return false;
    }
    PrintJob *job = printer->print(pdf, PrintJobName::of(PrintJobName::Document::Ticket));
    m_printJob = job;
    connect(job, &PrintJob::stateChanged, this, [this, job](PrintJobState state) {
        if (state == PrintJobState::Stopped && job == m_printJob)
            emit ticketPrintFinished(false, job->detail());
    });
    connect(job, &PrintJob::finished, this, [this, job](PrintJobState) {
        job->deleteLater();
        if (job != m_printJob)
            return;
        m_printJob = nullptr;
        m_printed = job->succeeded();
        emit ticketPrintFinished(job->succeeded(), job->detail());
    });
    return true;
}

void QueueTicketing::setStage(Stage stage, const QString &problem)
{
    m_stage = stage;
    m_problem = problem;
    if (stage != Stage::Failed)
        m_otherHall = {};
    emit changed();
}

void QueueTicketing::wipeSessionData()
{
    ++m_generation;
    m_stage = Stage::Idle;
    m_problem.clear();
    m_otherHall = {};
    m_groups.clear();
    m_appointments.clear();
    m_ticket = {};
    m_printed = false;
    m_printJob = nullptr;
    emit changed();
}
