#include "deviceselftests.h"

#include "printjobname.h"

#include "camerafigures.h"
#include "cameraframes.h"
#include "common/personaldata.h"
#include "device/deviceregistry.h"
#include "idcard/idcardholder.h"
#include "idcard/idcardreader.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "receiptrenderer.h"
#include "scanner/barcodescanner.h"

DeviceSelfTests::DeviceSelfTests(const DeviceRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
{
}

DeviceSelfTests::~DeviceSelfTests()
{
    stop();
}

QString DeviceSelfTests::maskedCard(const QString &name, const QString &nameEn, const QString &idNumber)
{
    return PersonalData::maskName(name.isEmpty() ? nameEn : name) + QStringLiteral("  ") + PersonalData::maskIdNumber(idNumber);
}

void DeviceSelfTests::startCardTest()
{
    IdCardReader *reader = m_registry ? m_registry->idCardReader() : nullptr;
    if (!reader) {
        m_card = Progress::Unavailable;
        emit changed();
        return;
    }
    m_card = Progress::Waiting;
    emit changed();
    // Only the masked name and number are kept; the holder itself is not copied.
    m_listening << connect(reader, &IdCardReader::cardRead, this, [this](const IdCardHolder &holder) {
        m_card = Progress::Done;
        m_cardText = maskedCard(holder.name, holder.nameEn, holder.idNumber);
        emit performed(QStringLiteral("selftest.card"), QStringLiteral("ok"), {});
        emit changed();
    });
    m_listening << connect(reader, &IdCardReader::cardReadFailed, this, [this](const QString &detail) {
        m_card = Progress::Failed;
        m_cardText = detail;
        emit performed(QStringLiteral("selftest.card"), QStringLiteral("failed"), detail);
        emit changed();
    });
}

void DeviceSelfTests::startScanTest()
{
    BarcodeScanner *scanner = m_registry ? m_registry->barcodeScanner() : nullptr;
    if (!scanner) {
        m_scan = Progress::Unavailable;
        emit changed();
        return;
    }
    m_scan = Progress::Waiting;
    emit changed();
    m_listening << connect(scanner, &BarcodeScanner::codeScanned, this, [this](const QString &, const QString &text) {
        // Staff scan a test code of their own; it is shown, never logged or audited in full.
        m_scan = Progress::Done;
        m_scanText = text;
        emit performed(QStringLiteral("selftest.scan"), QStringLiteral("ok"), QStringLiteral("%1 characters").arg(text.size()));
        emit changed();
    });
}

bool DeviceSelfTests::printTestPage(TestPageContent content)
{
    Printer *printer = m_registry ? m_registry->printer(QStringLiteral("receipt_printer")) : nullptr;
    if (!printer) {
        m_print = Progress::Failed;
        m_printDetail = QStringLiteral("no_printer");
        emit changed();
        return false;
    }
    content.printerName = printer->spec();
    QString error;
    const QByteArray pdf = ReceiptRenderer::renderTestPage(content, &error);
    if (pdf.isEmpty()) {
        m_print = Progress::Failed;
        m_printDetail = error;
        emit performed(QStringLiteral("selftest.print"), QStringLiteral("failed"), error);
        emit changed();
        return false;
    }
    if (m_printJob)
        m_printJob->deleteLater();
    m_printJob = printer->print(pdf, PrintJobName::of(PrintJobName::Document::TestPage));
    m_print = Progress::Waiting;
    m_printDetail.clear();
    emit changed();
    connect(m_printJob, &PrintJob::finished, this, [this, job = m_printJob] {
        if (!job)
            return;
        m_print = job->succeeded() ? Progress::Done : Progress::Failed;
        m_printDetail = job->succeeded() ? QString() : job->detail();
        emit performed(QStringLiteral("selftest.print"), job->succeeded() ? QStringLiteral("ok") : QStringLiteral("failed"), job->detail());
        emit changed();
        emit printFinished();
    });
    return true;
}

void DeviceSelfTests::measureCamera(const QString &cameraId)
{
    const QImage frame = CameraFrames(m_registry, cameraId).latestFrame();
    if (frame.isNull()) {
        m_camera = Progress::Unavailable;
    } else {
        const CameraFigures figures = CameraFigures::of(frame);
        m_camera = Progress::Done;
        m_brightness = qRound(figures.brightness);
        m_focus = qRound(figures.focus);
    }
    emit changed();
}

void DeviceSelfTests::stop()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_listening))
        disconnect(connection);
    m_listening.clear();
}

void DeviceSelfTests::reset()
{
    stop();
    m_card = m_scan = m_print = m_camera = Progress::NotRun;
    m_cardText.clear();
    m_scanText.clear();
    m_printDetail.clear();
    m_brightness = m_focus = 0;
    emit changed();
}
