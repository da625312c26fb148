#include "maintenanceshell.h"

#include "admincode.h"
#include "admincodereplaylist.h"
#include "auditlog.h"
#include "camera/camera.h"
#include "camera/frameprovider.h"
#include "common/personaldata.h"
#include "configfileeditor.h"
#include "device/deviceregistry.h"
#include "idcard/idcardholder.h"
#include "idcard/idcardreader.h"
#include "kioskruntime.h"
#include "maintenancegate.h"
#include "maintenancepin.h"
#include "outboxstore.h"
#include "paperroll.h"
#include "platformclient.h"
#include "platformheartbeat.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "provisioningchecklist.h"
#include "receiptcontent.h"
#include "receiptrenderer.h"
#include "recentlog.h"
#include "scanner/barcodescanner.h"
#include "terminalcredentials.h"
#include "uilog.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <cmath>

namespace {

constexpr int IdleMs = 5 * 60 * 1000;
// Long enough to read "this code has expired" at arm's length, short enough not to bother the next resident.
constexpr int AdminCodeNoticeMs = 8000;
const QString Actor = QStringLiteral("maintenance");

// Mean grey level and the variance of the Laplacian over a grey copy of at most 640 px wide:
// the figure grows as edges sharpen, so a technician turns the focus ring until it peaks.
std::pair<double, double> brightnessAndFocus(const QImage &frame)
{
    const QImage grey = (frame.width() > 640 ? frame.scaledToWidth(640) : frame).convertToFormat(QImage::Format_Grayscale8);
    const int w = grey.width();
    const int h = grey.height();
    if (w < 3 || h < 3)
        return {0, 0};
    double sum = 0;
    double lapSum = 0;
    double lapSquares = 0;
    for (int y = 0; y < h; ++y) {
        const uchar *row = grey.constScanLine(y);
        for (int x = 0; x < w; ++x)
            sum += row[x];
        if (y == 0 || y == h - 1)
            continue;
        const uchar *up = grey.constScanLine(y - 1);
        const uchar *down = grey.constScanLine(y + 1);
        for (int x = 1; x < w - 1; ++x) {
            const double lap = double(up[x]) + down[x] + row[x - 1] + row[x + 1] - 4.0 * row[x];
            lapSum += lap;
            lapSquares += lap * lap;
        }
    }
    const double n = double(w - 2) * (h - 2);
    const double mean = lapSum / n;
    return {sum / (double(w) * h), lapSquares / n - mean * mean};
}

QString statisticsText(const DeviceStatistics &statistics)
{
    QStringList parts;
    for (auto it = statistics.counters().cbegin(); it != statistics.counters().cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    return parts.join(QStringLiteral(" · "));
}

} // namespace

MaintenanceShell::MaintenanceShell(KioskRuntime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_config(runtime->config())
    , m_audit(std::make_unique<AuditLog>(AuditLog::pathIn(runtime->config().string(QStringLiteral("kiosk/state_dir")))))
{
    rebuildGate();
    m_idle.setSingleShot(true);
    m_idle.setInterval(IdleMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        audit(QStringLiteral("maintenance.leave"), QStringLiteral("idle"));
        leave();
    });
    if (runtime->devices()) {
        for (Device *device : runtime->devices()->devices())
            connect(device, &Device::healthChanged, this, &MaintenanceShell::devicesChanged);
    }
    m_adminCodeNotice.setSingleShot(true);
    m_adminCodeNotice.setInterval(AdminCodeNoticeMs);
    connect(&m_adminCodeNotice, &QTimer::timeout, this, [this] {
        m_adminCodeProblem.clear();
        emit adminCodeChanged();
    });
    if (runtime->devices()) {
        // The runtime passes codes on only while a resident identifies; staff show theirs at any
        // moment (the attract screen, the out-of-service screen), so the devices are heard directly.
        if (BarcodeScanner *scanner = runtime->devices()->barcodeScanner()) {
            connect(scanner, &BarcodeScanner::codeScanned, this, [this](const QString &, const QString &text) { takeAdminCode(text); });
        }
        for (const QString &id : {QStringLiteral("face_camera"), QStringLiteral("document_camera")}) {
            if (auto *camera = qobject_cast<Camera *>(runtime->devices()->device(id)))
                connect(camera, &Camera::codeScanned, this, [this](const QString &, const QString &text) { takeAdminCode(text); });
        }
    }
    watchHeartbeat();
    // A terminal enrolled from the provisioning screen starts beating then.
    connect(runtime, &KioskRuntime::heartbeatStarted, this, &MaintenanceShell::watchHeartbeat);
    qApp->installEventFilter(this);
}

void MaintenanceShell::watchHeartbeat()
{
    if (PlatformHeartbeat *heartbeat = m_runtime->heartbeat()) {
        connect(heartbeat, &PlatformHeartbeat::beaten, this, [this](const PlatformResult &result) {
            m_lastHeartbeat = QDateTime::currentDateTime();
            m_lastHeartbeatResult = result.isOk() ? QStringLiteral("ok") : result.summary();
        });
    }
}

MaintenanceShell::~MaintenanceShell()
{
    qApp->removeEventFilter(this);
    stopSelfTests();
}

MaintenanceShell *MaintenanceShell::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine)
    Q_UNUSED(jsEngine)
    return ProcessSingleton<MaintenanceShell>::forQml();
}

void MaintenanceShell::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    rebuildGate();
    emit pinChanged();
}

void MaintenanceShell::rebuildGate()
{
    m_gate = std::make_unique<MaintenanceGate>(m_config.string(QStringLiteral("admin/pin_hash")),
                                               QDir(stateDir()).filePath(QStringLiteral("maintenance-gate.json")), m_now);
}

QString MaintenanceShell::stateDir() const
{
    return m_config.string(QStringLiteral("kiosk/state_dir"));
}

QDateTime MaintenanceShell::now() const
{
    return m_now ? m_now() : QDateTime::currentDateTimeUtc();
}

QString MaintenanceShell::terminalId() const
{
    if (PlatformClient *platform = m_runtime->platform()) {
        if (platform->settings().credentials)
            return platform->settings().credentials->terminalId;
    }
    return m_config.string(QStringLiteral("kiosk/site"));
}

void MaintenanceShell::audit(const QString &action, const QString &result, const QString &detail)
{
    if (!m_audit->record(Actor, action, result, detail))
        qCWarning(lcUi) << "the audit log could not record" << action << result;
    refreshLogs();
}

bool MaintenanceShell::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_mode.isEmpty()) {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
        case QEvent::KeyPress:
            m_idle.start();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void MaintenanceShell::setMode(const QString &mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    if (m_mode.isEmpty())
        m_idle.stop();
    else
        m_idle.start();
    emit modeChanged();
}

int MaintenanceShell::failuresLeft() const
{
    return m_gate->failuresLeft();
}

QString MaintenanceShell::lockedUntil() const
{
    const QDateTime until = m_gate->lockedUntil();
    return until.isValid() ? until.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

bool MaintenanceShell::enrolled() const
{
    PlatformClient *platform = m_runtime->platform();
    return platform && platform->settings().credentials.has_value();
}

bool MaintenanceShell::devicesFailed() const
{
    return !outOfServiceReason().isEmpty();
}

QString MaintenanceShell::outOfServiceReason() const
{
    const DeviceRegistry *registry = m_runtime->devices();
    if (!registry)
        return {};
    // Only a device that reports an error counts: one still starting (health unknown) does not
    // take the kiosk out of service.
    const auto failed = [](const Device *device) { return !device || device->health().level == HealthLevel::Error; };
    const Device *reader = registry->device(QStringLiteral("id_card_reader"));
    const Device *scanner = registry->device(QStringLiteral("barcode_scanner"));
    if (!reader || !failed(reader))
        return {};
    if (!failed(scanner))
        return {};
    return QStringLiteral("id_card_reader: %1").arg(reader->health().detail);
}

QVariantList MaintenanceShell::devices() const
{
    QVariantList out;
    if (!m_runtime->devices())
        return out;
    for (const Device *device : m_runtime->devices()->devices()) {
        const DeviceHealth health = device->health();
        out.append(QVariantMap{
            {QStringLiteral("id"), device->id()},
            {QStringLiteral("spec"), device->spec()},
            {QStringLiteral("level"), DeviceVocabulary::toString(health.level)},
            {QStringLiteral("detail"), health.detail},
            {QStringLiteral("hint"), DeviceVocabulary::toString(health.hint)},
            {QStringLiteral("usable"), health.isUsable()},
            {QStringLiteral("statistics"), statisticsText(device->statistics())},
        });
    }
    return out;
}

QVariantList MaintenanceShell::paper() const
{
    QVariantList out;
    if (!m_runtime->devices())
        return out;
    for (const QString &id : {QStringLiteral("receipt_printer"), QStringLiteral("document_printer")}) {
        const Printer *printer = m_runtime->devices()->printer(id);
        if (!printer)
            continue;
        const PaperRoll roll(stateDir(), id, int(m_config.integer(QStringLiteral("devices/receipt_roll_length_m"))),
                             int(m_config.integer(QStringLiteral("devices/receipt_length_mm"))));
        const qint64 jobs = printer->statistics().value(QStringLiteral("jobs_completed"));
        out.append(QVariantMap{
            {QStringLiteral("id"), id},
            {QStringLiteral("printed"), roll.printedSinceRefill(jobs)},
            {QStringLiteral("remaining"), roll.estimatedRemaining(jobs)},
            {QStringLiteral("capacity"), roll.capacity()},
            {QStringLiteral("refilledAt"), roll.refilledAt().isValid() ? roll.refilledAt().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString()},
        });
    }
    return out;
}

QVariantMap MaintenanceShell::outbox() const
{
    // A key that keeps the outbox closed, or a damaged file set aside, is said in a sentence that
    // names the file: staff act on it, the resident only ever sees "cannot take applications".
    const OutboxCondition condition = m_runtime->outboxCondition();
    const QVariantMap alert{{QStringLiteral("health"), condition.health}, {QStringLiteral("alert"), condition.message}};
    OutboxStore *store = m_runtime->outbox();
    if (!store) {
        QVariantMap closed = alert;
        closed.insert(QStringLiteral("problem"), condition.detail.isEmpty() ? QStringLiteral("outbox_unavailable") : condition.detail);
        return closed;
    }
    const OutboxResult<OutboxStats> stats = store->stats();
    if (!stats) {
        QVariantMap failed = alert;
        failed.insert(QStringLiteral("problem"), stats.error().message);
        return failed;
    }
    QVariantMap figures = alert;
    figures.insert({
        {QStringLiteral("pending"), stats.value().pending},
        {QStringLiteral("parked"), stats.value().parked},
        {QStringLiteral("delivered"), stats.value().delivered},
        {QStringLiteral("oldestS"), stats.value().oldestPendingS},
        {QStringLiteral("bytes"), stats.value().payloadBytes},
        {QStringLiteral("problem"), QString()},
    });
    return figures;
}

QVariantList MaintenanceShell::failedEntries() const
{
    QVariantList out;
    OutboxStore *store = m_runtime->outbox();
    if (!store)
        return out;
    const OutboxResult<QList<OutboxEntry>> parked = store->entries(EntryState::Parked);
    if (!parked)
        return out;
    for (const OutboxEntry &entry : parked.value()) {
        out.append(QVariantMap{
            {QStringLiteral("localRef"), entry.localRef},
            {QStringLiteral("kind"), entryKindName(entry.kind)},
            {QStringLiteral("error"), entry.lastError},
            {QStringLiteral("attempts"), entry.attempts},
        });
    }
    return out;
}

QVariantList MaintenanceShell::checklist() const
{
    ProvisioningChecklist list(m_config);
    if (m_runtime->devices())
        list.setDevices(m_runtime->devices()->devices());
    if (m_platformChecked)
        list.setPlatformReachable(m_platformReachable, m_platformDetail);
    QVariantList out;
    for (const ProvisioningChecklist::Item &item : list.items())
        out.append(QVariantMap{{QStringLiteral("id"), item.id}, {QStringLiteral("ok"), item.ok}, {QStringLiteral("detail"), item.detail}});
    return out;
}

bool MaintenanceShell::checklistGreen() const
{
    for (const QVariant &item : checklist()) {
        if (!item.toMap().value(QStringLiteral("ok")).toBool())
            return false;
    }
    return true;
}

void MaintenanceShell::requestEntry(const QString &purpose)
{
    if (purpose != QLatin1String("maintenance") && purpose != QLatin1String("provisioning"))
        return;
    // A resident's session ends through its one wipe before staff see anything.
    if (m_runtime->session()->state() != SessionState::Attract)
        m_runtime->session()->end(SessionEnd::Cancelled);
    m_purpose = purpose;
    const bool pinSet = MaintenancePin::isWellFormed(m_config.string(QStringLiteral("admin/pin_hash")));
    m_settingPin = !pinSet && purpose == QLatin1String("provisioning") && !enrolled();
    m_pinProblem = (!pinSet && !m_settingPin) ? QStringLiteral("no_pin") : QString();
    audit(QStringLiteral("maintenance.gesture"), QStringLiteral("ok"), purpose);
    setMode(QStringLiteral("pin"));
    emit modeChanged();
    emit pinChanged();
}

bool MaintenanceShell::submitPin(const QString &pin)
{
    if (m_mode != QLatin1String("pin"))
        return false;
    const MaintenanceGate::Result result = m_gate->tryPin(pin);
    switch (result) {
    case MaintenanceGate::Result::Accepted:
        m_pinProblem.clear();
        audit(QStringLiteral("maintenance.pin"), QStringLiteral("ok"), m_purpose);
        break;
    case MaintenanceGate::Result::Refused:
        m_pinProblem = QStringLiteral("refused");
        audit(QStringLiteral("maintenance.pin"), QStringLiteral("refused"), QStringLiteral("%1 attempts left").arg(failuresLeft()));
        break;
    case MaintenanceGate::Result::LockedOut:
        m_pinProblem = QStringLiteral("locked_out");
        audit(QStringLiteral("maintenance.pin"), QStringLiteral("locked-out"),
              QStringLiteral("until %1").arg(m_gate->lockedUntil().toUTC().toString(Qt::ISODate)));
        break;
    case MaintenanceGate::Result::NoPinSet:
        m_pinProblem = QStringLiteral("no_pin");
        audit(QStringLiteral("maintenance.pin"), QStringLiteral("no-pin-set"));
        break;
    }
    emit pinChanged();
    if (result != MaintenanceGate::Result::Accepted)
        return false;
    refresh();
    setMode(m_purpose);
    return true;
}

bool MaintenanceShell::setFirstPin(const QString &pin, const QString &repeated)
{
    if (m_mode != QLatin1String("pin") || !m_settingPin)
        return false;
    QString problem = MaintenancePin::weaknessOf(pin);
    if (problem.isEmpty() && pin != repeated)
        problem = QStringLiteral("mismatch");
    QString error;
    const QString hash = problem.isEmpty() ? MaintenancePin::hash(pin) : QString();
    if (problem.isEmpty() && m_config.sourcePath().isEmpty())
        problem = QStringLiteral("not_saved");
    if (problem.isEmpty()
        && !ConfigFileEditor::setValues(m_config.sourcePath(), {{QStringLiteral("admin/pin_hash"), hash}}, &error)) {
        qCWarning(lcUi) << "the new maintenance PIN could not be saved:" << error;
        problem = QStringLiteral("not_saved");
    }
    m_pinProblem = problem;
    audit(QStringLiteral("maintenance.set-pin"), problem.isEmpty() ? QStringLiteral("ok") : QStringLiteral("refused"), problem);
    if (!problem.isEmpty()) {
        emit pinChanged();
        return false;
    }
    m_config.set(QStringLiteral("admin/pin_hash"), hash);
    rebuildGate();
    m_settingPin = false;
    emit pinChanged();
    refresh();
    setMode(m_purpose);
    emit modeChanged();
    return true;
}

bool MaintenanceShell::takeAdminCode(const QString &text)
{
    if (!AdminCode::isAdminCodePayload(text))
        return false;
    // Already inside (the scanner self-test, say): a code neither opens anything nor is used up.
    if (m_mode == QLatin1String("maintenance") || m_mode == QLatin1String("provisioning"))
        return false;
    const QString keysPath = m_config.string(QStringLiteral("admin/code_keys"));
    QList<QByteArray> keys;
    if (!keysPath.isEmpty()) {
        // Read at every scan, so keys added or withdrawn on the terminal count without a restart.
        QFile file(keysPath);
        if (file.open(QIODevice::ReadOnly))
            keys = AdminCode::publicKeysIn(file.readAll());
        else
            qCWarning(lcUi) << "the admin code keys cannot be read:" << keysPath << file.errorString();
    }
    if (keys.isEmpty()) {
        refuseAdminCode(QStringLiteral("disabled"), keysPath.isEmpty() ? QStringLiteral("admin/code_keys is empty")
                                                                       : QStringLiteral("no Ed25519 public key in ") + keysPath);
        return false;
    }
    const QDateTime at = now();
    const AdminCodeVerdict verdict = AdminCode::verify(text, keys, terminalId(), at);
    // Who came in, never the code itself: it could be shown again until it expires.
    const QString who = verdict.claims.keyId.isEmpty()
        ? QString()
        : QStringLiteral("key %1 role %2 nonce %3").arg(verdict.claims.keyId, verdict.claims.role, verdict.claims.nonce);
    if (!verdict.ok()) {
        refuseAdminCode(AdminCode::errorName(verdict.error), who);
        return false;
    }
    switch (AdminCodeReplayList(AdminCodeReplayList::pathIn(stateDir())).admit(verdict.claims.nonce, verdict.claims.expires, at)) {
    case AdminCodeReplayList::Outcome::Replayed:
        refuseAdminCode(AdminCode::errorName(AdminCodeError::Replayed), who);
        return false;
    case AdminCodeReplayList::Outcome::NotStored:
        refuseAdminCode(QStringLiteral("not_stored"), who);
        return false;
    case AdminCodeReplayList::Outcome::Fresh:
        break;
    }
    // A resident's session ends through its one wipe before staff see anything.
    if (m_runtime->session()->state() != SessionState::Attract)
        m_runtime->session()->end(SessionEnd::Cancelled);
    // At the PIN pad the code opens what the pad was for; elsewhere a technician's code on a
    // terminal not yet enrolled opens the first-boot setup.
    if (m_mode != QLatin1String("pin"))
        m_purpose = verdict.claims.role == QLatin1String("technician") && !enrolled() ? QStringLiteral("provisioning")
                                                                                      : QStringLiteral("maintenance");
    m_settingPin = false;
    m_pinProblem.clear();
    m_adminCodeNotice.stop();
    m_adminCodeProblem.clear();
    m_adminCodeRole = verdict.claims.role;
    audit(QStringLiteral("maintenance.admin-code"), QStringLiteral("ok"), who + QLatin1Char(' ') + m_purpose);
    emit adminCodeChanged();
    emit pinChanged();
    refresh();
    setMode(m_purpose);
    emit modeChanged();
    return true;
}

void MaintenanceShell::refuseAdminCode(const QString &problem, const QString &detail)
{
    audit(QStringLiteral("maintenance.admin-code"), QStringLiteral("refused"), detail.isEmpty() ? problem : problem + QLatin1Char(' ') + detail);
    m_adminCodeProblem = problem;
    m_adminCodeNotice.start();
    emit adminCodeChanged();
}

void MaintenanceShell::leave()
{
    if (m_mode.isEmpty())
        return;
    stopSelfTests();
    if (m_mode != QLatin1String("pin"))
        audit(QStringLiteral("maintenance.leave"), QStringLiteral("ok"), m_mode);
    m_pinProblem.clear();
    m_cardTest.clear();
    m_scanTest.clear();
    m_printTest.clear();
    m_cameraFigures.clear();
    m_provisioningProblem.clear();
    m_adminCodeRole.clear();
    setMode({});
    emit adminCodeChanged();
    emit selfTestChanged();
    emit pinChanged();
}

void MaintenanceShell::refresh()
{
    refreshLogs();
    emit devicesChanged();
    emit paperChanged();
    emit outboxChanged();
    emit provisioningChanged();
}

void MaintenanceShell::refreshLogs()
{
    // The process's own recent log, already masked when it was written.
    const RecentLog *log = RecentLog::installed();
    m_recentLog = log ? log->tail(40) : QStringList();
    m_auditEntries.clear();
    for (const AuditEntry &entry : m_audit->recent(20)) {
        m_auditEntries.append(QVariantMap{
            {QStringLiteral("at"), entry.at.toLocalTime().toString(QStringLiteral("MM-dd HH:mm:ss"))},
            {QStringLiteral("actor"), entry.actor},
            {QStringLiteral("action"), entry.action},
            {QStringLiteral("result"), entry.result},
            {QStringLiteral("detail"), entry.detail},
        });
    }
    emit logsChanged();
}

void MaintenanceShell::stopSelfTests()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_selfTestConnections))
        disconnect(connection);
    m_selfTestConnections.clear();
}

void MaintenanceShell::startCardTest()
{
    IdCardReader *reader = m_runtime->devices() ? m_runtime->devices()->idCardReader() : nullptr;
    if (!reader) {
        m_cardTest = QStringLiteral("no_reader");
        emit selfTestChanged();
        return;
    }
    m_cardTest = QStringLiteral("waiting");
    emit selfTestChanged();
    // Only the masked name and number are kept; the holder itself is not copied.
    m_selfTestConnections << connect(reader, &IdCardReader::cardRead, this, [this](const IdCardHolder &holder) {
        const QString name = holder.name.isEmpty() ? holder.nameEn : holder.name;
        m_cardTest = PersonalData::maskName(name) + QStringLiteral("  ") + PersonalData::maskIdNumber(holder.idNumber);
        audit(QStringLiteral("selftest.card"), QStringLiteral("ok"));
        emit selfTestChanged();
    });
    m_selfTestConnections << connect(reader, &IdCardReader::cardReadFailed, this, [this](const QString &detail) {
        m_cardTest = QStringLiteral("failed: ") + detail;
        audit(QStringLiteral("selftest.card"), QStringLiteral("failed"), detail);
        emit selfTestChanged();
    });
}

void MaintenanceShell::startScanTest()
{
    BarcodeScanner *scanner = m_runtime->devices() ? m_runtime->devices()->barcodeScanner() : nullptr;
    if (!scanner) {
        m_scanTest = QStringLiteral("no_scanner");
        emit selfTestChanged();
        return;
    }
    m_scanTest = QStringLiteral("waiting");
    emit selfTestChanged();
    m_selfTestConnections << connect(scanner, &BarcodeScanner::codeScanned, this, [this](const QString &, const QString &text) {
        // Staff scan a test code of their own; it is shown, never logged or audited in full.
        m_scanTest = text;
        audit(QStringLiteral("selftest.scan"), QStringLiteral("ok"), QStringLiteral("%1 characters").arg(text.size()));
        emit selfTestChanged();
    });
}

void MaintenanceShell::measureCamera(const QString &cameraId)
{
    const Camera *camera = m_runtime->devices() ? qobject_cast<Camera *>(m_runtime->devices()->device(cameraId)) : nullptr;
    const QImage frame = camera && camera->frameProvider() ? camera->frameProvider()->latestFrame() : QImage();
    if (frame.isNull()) {
        m_cameraFigures = QStringLiteral("no_frame");
    } else {
        const auto [brightness, focus] = brightnessAndFocus(frame);
        m_cameraFigures = QStringLiteral("%1 · %2").arg(qRound(brightness)).arg(qRound(focus));
    }
    emit selfTestChanged();
}

bool MaintenanceShell::printTestPage()
{
    Printer *printer = m_runtime->devices() ? m_runtime->devices()->printer(QStringLiteral("receipt_printer")) : nullptr;
    if (!printer) {
        m_printTest = QStringLiteral("failed: no_printer");
        emit selfTestChanged();
        return false;
    }
    TestPageContent content;
    content.hallName = {m_config.string(QStringLiteral("kiosk/hall_name")), m_config.string(QStringLiteral("kiosk/hall_name_en"))};
    content.terminalId = terminalId();
    content.printerName = printer->spec();
    content.softwareVersion = QStringLiteral(KIOSK_VERSION);
    content.printedAt = QDateTime::currentDateTime();
    QString error;
    const QByteArray pdf = ReceiptRenderer::renderTestPage(content, &error);
    if (pdf.isEmpty()) {
        m_printTest = QStringLiteral("failed: ") + error;
        audit(QStringLiteral("selftest.print"), QStringLiteral("failed"), error);
        emit selfTestChanged();
        return false;
    }
    if (m_printJob)
        m_printJob->deleteLater();
    m_printJob = printer->print(pdf, QStringLiteral("Printer test page"));
    m_printTest = QStringLiteral("printing");
    emit selfTestChanged();
    connect(m_printJob, &PrintJob::finished, this, [this, job = m_printJob] {
        if (!job)
            return;
        m_printTest = job->succeeded() ? QStringLiteral("printed") : QStringLiteral("failed: ") + job->detail();
        audit(QStringLiteral("selftest.print"), job->succeeded() ? QStringLiteral("ok") : QStringLiteral("failed"), job->detail());
        emit selfTestChanged();
        emit paperChanged();
        emit provisioningChanged();
    });
    return true;
}

bool MaintenanceShell::paperRefilled(const QString &printerId)
{
    const Printer *printer = m_runtime->devices() ? m_runtime->devices()->printer(printerId) : nullptr;
    if (!printer)
        return false;
    PaperRoll roll(stateDir(), printerId, int(m_config.integer(QStringLiteral("devices/receipt_roll_length_m"))),
                   int(m_config.integer(QStringLiteral("devices/receipt_length_mm"))));
    QString error;
    const bool saved = roll.markRefilled(printer->statistics().value(QStringLiteral("jobs_completed")), QDateTime::currentDateTime(), &error);
    audit(QStringLiteral("paper.refilled"), saved ? QStringLiteral("ok") : QStringLiteral("failed"), saved ? printerId : error);
    emit paperChanged();
    return saved;
}

bool MaintenanceShell::retryEntry(const QString &localRef)
{
    OutboxStore *store = m_runtime->outbox();
    if (!store)
        return false;
    const OutboxResult<QStringList> retried = store->retry(localRef, Actor);
    audit(QStringLiteral("outbox.retry"), retried ? QStringLiteral("ok") : QStringLiteral("failed"),
          retried ? retried.value().join(QLatin1Char(' ')) : retried.error().message);
    emit outboxChanged();
    return retried.ok();
}

void MaintenanceShell::checkPlatform()
{
    PlatformClient *platform = m_runtime->platform();
    if (!platform) {
        m_platformCheck = {{QStringLiteral("checked"), true}, {QStringLiteral("reachable"), false},
                           {QStringLiteral("detail"), QStringLiteral("platform client not configured")}};
        m_platformChecked = true;
        m_platformReachable = false;
        m_platformDetail = QStringLiteral("platform client not configured");
        emit platformChanged();
        emit provisioningChanged();
        return;
    }
    m_platformCheck = {{QStringLiteral("checking"), true}};
    emit platformChanged();
    // As `kioskctl platform ping`: enrolled, a signed catalogue request proves the signature
    // too; not yet enrolled, an enrolment with no token is refused cleanly, which proves the way.
    const bool isEnrolled = enrolled();
    const QDateTime sentAt = QDateTime::currentDateTimeUtc();
    PlatformCall *call = isEnrolled ? platform->fetchCatalogue() : platform->enroll({}, {}, {}, {});
    connect(call, &PlatformCall::finished, this, [this, sentAt, isEnrolled](const PlatformResult &result) {
        const QDateTime receivedAt = QDateTime::currentDateTimeUtc();
        // Enrolled, the platform must also accept the terminal's signature.
        const bool reachable = result.httpStatus != 0 && (!isEnrolled || result.isOk());
        QVariantMap check{
            {QStringLiteral("checked"), true},
            {QStringLiteral("reachable"), reachable},
            {QStringLiteral("enrolled"), isEnrolled},
            {QStringLiteral("terminalId"), isEnrolled ? terminalId() : QString()},
            {QStringLiteral("signatureOk"), isEnrolled && result.isOk()},
            {QStringLiteral("httpStatus"), result.httpStatus},
            {QStringLiteral("latencyMs"), result.elapsedMs},
            {QStringLiteral("detail"), reachable ? QString() : result.summary()},
            {QStringLiteral("lastHeartbeat"), m_lastHeartbeat.isValid() ? m_lastHeartbeat.toString(QStringLiteral("HH:mm:ss")) : QString()},
            {QStringLiteral("lastHeartbeatResult"), m_lastHeartbeatResult},
        };
        if (result.serverTime.isValid()) {
            const QDateTime middle = sentAt.addMSecs(sentAt.msecsTo(receivedAt) / 2);
            check.insert(QStringLiteral("clockOffsetS"), QString::number(middle.msecsTo(result.serverTime) / 1000.0, 'f', 1));
        }
        m_platformCheck = check;
        m_platformChecked = true;
        m_platformReachable = reachable;
        m_platformDetail = reachable ? QStringLiteral("HTTP %1 in %2 ms").arg(result.httpStatus).arg(result.elapsedMs) : result.summary();
        audit(QStringLiteral("platform.check"), reachable ? QStringLiteral("ok") : QStringLiteral("failed"), m_platformDetail);
        emit platformChanged();
        emit provisioningChanged();
    });
}

bool MaintenanceShell::setHall(const QString &nameZh, const QString &nameEn, const QString &site)
{
    if (nameZh.trimmed().isEmpty() || site.trimmed().isEmpty()) {
        m_provisioningProblem = QStringLiteral("hall_incomplete");
        emit provisioningChanged();
        return false;
    }
    QString error;
    if (m_config.sourcePath().isEmpty()
        || !ConfigFileEditor::setValues(m_config.sourcePath(),
                                        {{QStringLiteral("kiosk/hall_name"), nameZh.trimmed()},
                                         {QStringLiteral("kiosk/hall_name_en"), nameEn.trimmed()},
                                         {QStringLiteral("kiosk/site"), site.trimmed()}},
                                        &error)) {
        m_provisioningProblem = QStringLiteral("not_saved");
        audit(QStringLiteral("provisioning.hall"), QStringLiteral("failed"), error);
        emit provisioningChanged();
        return false;
    }
    m_config.set(QStringLiteral("kiosk/hall_name"), nameZh.trimmed());
    m_config.set(QStringLiteral("kiosk/hall_name_en"), nameEn.trimmed());
    m_config.set(QStringLiteral("kiosk/site"), site.trimmed());
    m_provisioningProblem.clear();
    audit(QStringLiteral("provisioning.hall"), QStringLiteral("ok"), site.trimmed());
    emit provisioningChanged();
    return true;
}

bool MaintenanceShell::enrol(const QString &token)
{
    PlatformClient *platform = m_runtime->platform();
    if (!platform || token.trimmed().isEmpty()) {
        m_provisioningProblem = platform ? QStringLiteral("token_missing") : QStringLiteral("platform_not_configured");
        emit provisioningChanged();
        return false;
    }
    m_provisioningProblem = QStringLiteral("enrolling");
    emit provisioningChanged();
    const QString serial = QString::fromLatin1(QSysInfo::machineUniqueId());
    const QString model = QStringLiteral("kiosk-") + QSysInfo::currentCpuArchitecture();
    PlatformCall *call = platform->enroll(token.trimmed(), serial, model, m_config.string(QStringLiteral("kiosk/site")));
    connect(call, &PlatformCall::finished, this, [this](const PlatformResult &result) {
        if (!result.isOk()) {
            m_provisioningProblem = QStringLiteral("refused: ") + result.summary();
            audit(QStringLiteral("provisioning.enrol"), QStringLiteral("refused"), result.summary());
            emit provisioningChanged();
            return;
        }
        TerminalCredentials credentials = TerminalCredentials::fromEnrolment(result.body, m_runtime->platform()->settings().baseUrl.toString());
        QString error;
        if (!credentials.save(m_config.string(QStringLiteral("platform/credentials_file")), &error)) {
            m_provisioningProblem = QStringLiteral("not_saved");
            audit(QStringLiteral("provisioning.enrol"), QStringLiteral("failed"), error);
            emit provisioningChanged();
            return;
        }
        m_runtime->platform()->setCredentials(credentials);
        m_provisioningProblem.clear();
        audit(QStringLiteral("provisioning.enrol"), QStringLiteral("ok"), credentials.terminalId);
        emit provisioningChanged();
        // Reachable before enrolment says nothing about the signature: check again as enrolled.
        m_platformChecked = false;
        checkPlatform();
    });
    return true;
}

bool MaintenanceShell::putIntoService()
{
    if (m_mode != QLatin1String("provisioning") || !checklistGreen()) {
        audit(QStringLiteral("provisioning.in-service"), QStringLiteral("refused"));
        return false;
    }
    audit(QStringLiteral("provisioning.in-service"), QStringLiteral("ok"), terminalId());
    leave();
    return true;
}
