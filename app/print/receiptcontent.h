#pragma once

#include "localizedtext.h"

struct CatalogueItem;
class KioskConfig;

#include <QDateTime>
#include <QList>
#include <QString>

// What a receipt or an acknowledgement form says about one case, in plain values. The applicant's
// name and ID number are only ever printed masked (PersonalData::mask*): the renderers mask them,
// so a caller cannot print them whole by mistake.
struct ReceiptContent {
    QString language = QStringLiteral("zh"); // the resident's language: "zh" or "en"
    LocalizedText hallName;
    QString terminalId;                      // the kiosk's site id, printed small at the foot
    LocalizedText itemName;
    LocalizedText department;
    QString caseNumber;                      // the platform's case number; empty while queued offline
    QString localReference;                  // the outbox's reference ("T340103000017-000042")
    QDateTime filedAt;                       // when the resident filed the case
    QString applicantName;                   // printed masked
    QString applicantIdNumber;               // printed masked
    QString agentName;                       // who filed for the applicant (代办); printed masked
    QString agentIdNumber;                   // printed masked
    QList<LocalizedText> materials;          // materials received (the A4 form lists them)
    QList<LocalizedText> nextSteps;
    // 一件事一次办: every case filed together, each item with its reference (case number, or the
    // local reference while queued); the first is also the receipt's own reference.
    struct BundledCase {
        LocalizedText itemName;
        QString reference;
    };
    QList<BundledCase> bundledCases;
    int paidFen = 0;                         // a fee paid for the case by phone (contract 1.1); 0: none
    QString followUrl;                       // the QR code's text; no QR code when empty
    QDateTime printedAt;                     // defaults to now

    // The reference a resident quotes: the case number, or the local reference while offline.
    [[nodiscard]] QString reference() const { return caseNumber.isEmpty() ? localReference : caseNumber; }

    // A case's receipt from the kiosk's configuration (hall, site, QR address), its catalogue item
    // (name, department, required materials; null when unknown) and its references, with the
    // standard next steps. The caller adds the applicant (masked when rendered) if it has one.
    [[nodiscard]] static ReceiptContent forCase(const KioskConfig &config, const CatalogueItem *item, const QString &caseNumber,
                                                const QString &localReference, const QDateTime &filedAt,
                                                const QString &language = QStringLiteral("zh"));
    // The usual next steps for a filed case, or for one still waiting for the network.
    [[nodiscard]] static QList<LocalizedText> standardNextSteps(bool filed);
    // `pattern` with "{ref}" replaced by the reference (percent-encoded).
    [[nodiscard]] static QString followUrlFor(const QString &pattern, const QString &reference);
};

// A printer test page: who this kiosk is and when the page was printed.
struct TestPageContent {
    LocalizedText hallName;
    QString terminalId;
    QString printerName;   // the queue or URI the page went to
    QString softwareVersion;
    QDateTime printedAt;
};
