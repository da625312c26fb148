#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

// Assembles HID-POS input reports into scans (reference/devices.md §2, Newland layout): report id
// 0x02, byte 1 the number of payload bytes in this report (0–56), bytes 2–57 the payload, byte 62
// the symbology id. A code longer than 56 bytes spans several full reports; a report with fewer
// than 56 payload bytes ends the scan. A scan whose length is an exact multiple of 56 ends on
// silence instead: the caller calls finish() after 100 ms without a report. A scan that grows past
// ScanPayload::MaxBytes is dropped: TooLong once, then its remaining reports are ignored until it
// ends. Pure: no I/O.
class HidPosReportAssembler
{
public:
    static constexpr int ReportSize = 64;
    static constexpr int MaxPayloadPerReport = 56;
    static constexpr quint8 ReportId = 0x02;

    struct Scan {
        QByteArray payload;
        quint8 symbology = 0;
    };

    enum class Verdict { Incomplete, Complete, Ignored, Malformed, TooLong };

    // Feeds one input report; when it completes a scan the scan is returned through `scan`.
    [[nodiscard]] Verdict feed(QByteArrayView report, Scan *scan);
    // Ends a scan in progress (silence); nothing when no report was pending.
    [[nodiscard]] std::optional<Scan> finish();
    [[nodiscard]] bool isPending() const { return !m_payload.isEmpty() || m_discarding; }
    [[nodiscard]] qsizetype bufferedBytes() const { return m_payload.size(); }

    // Builds the reports a scanner sends for `payload`, for simulators and tests.
    [[nodiscard]] static QList<QByteArray> encode(QByteArrayView payload, quint8 symbology);
    // ZXing-style names for the AIM/Newland symbology ids scanners put in byte 62.
    [[nodiscard]] static QString symbologyName(quint8 symbology);

private:
    QByteArray m_payload;
    quint8 m_symbology = 0;
    bool m_discarding = false; // the rest of a scan that grew too long
};
