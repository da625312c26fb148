#include "scanner/hidposreport.h"

#include "scanner/scanpayload.h"

#include <QList>

HidPosReportAssembler::Verdict HidPosReportAssembler::feed(QByteArrayView report, Scan *scan)
{
    if (report.isEmpty() || quint8(report.at(0)) != ReportId)
        return Verdict::Ignored;
    if (report.size() < 2)
        return Verdict::Malformed;
    const int length = quint8(report.at(1));
    if (length > MaxPayloadPerReport || report.size() < 2 + length) {
        m_payload.clear();
        m_discarding = false;
        return Verdict::Malformed;
    }
    if (m_discarding) {
        // A short report ends the scan that was dropped; the next report starts a new one.
        m_discarding = length == MaxPayloadPerReport;
        return Verdict::Ignored;
    }
    if (m_payload.size() + length > ScanPayload::MaxBytes) {
        m_payload.clear();
        m_symbology = 0;
        m_discarding = length == MaxPayloadPerReport;
        return Verdict::TooLong;
    }
    m_payload += report.sliced(2, length);
    if (report.size() > 62)
        m_symbology = quint8(report.at(62));
    if (length == MaxPayloadPerReport)
        return Verdict::Incomplete;
    if (m_payload.isEmpty())
        return Verdict::Ignored;
    if (scan) {
        scan->payload = m_payload;
        scan->symbology = m_symbology;
    }
    m_payload.clear();
    m_symbology = 0;
    return Verdict::Complete;
}

std::optional<HidPosReportAssembler::Scan> HidPosReportAssembler::finish()
{
    m_discarding = false;
    if (m_payload.isEmpty())
        return std::nullopt;
    Scan scan{m_payload, m_symbology};
    m_payload.clear();
    m_symbology = 0;
    return scan;
}

QList<QByteArray> HidPosReportAssembler::encode(QByteArrayView payload, quint8 symbology)
{
    QList<QByteArray> reports;
    qsizetype offset = 0;
    do {
        const qsizetype length = qMin<qsizetype>(MaxPayloadPerReport, payload.size() - offset);
        QByteArray report(ReportSize, '\0');
        report[0] = char(ReportId);
        report[1] = char(length);
        report.replace(2, length, payload.sliced(offset, length).toByteArray());
        report[62] = char(symbology);
        reports << report;
        offset += length;
    } while (offset < payload.size());
    return reports;
}

QString HidPosReportAssembler::symbologyName(quint8 symbology)
{
    // Newland's code ids (its "CodeID" table); the ones a government hall meets.
    switch (symbology) {
    case 'Q':
        return QStringLiteral("QRCode");
    case 'u':
        return QStringLiteral("DataMatrix");
    case 'r':
        return QStringLiteral("PDF417");
    case 'j':
        return QStringLiteral("Code128");
    case 'b':
        return QStringLiteral("Code39");
    case 'd':
        return QStringLiteral("EAN-13");
    default:
        return QString();
    }
}
