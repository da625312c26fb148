#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// What the kiosk hands the outbox to queue. Bodies are the platform's request bodies (reference/
// platform-api.md) without the fields the outbox owns: a case body gets its "local_ref",
// "queued_at" and "materials" from the outbox, an evaluation body its "case_no" when the case was
// itself queued.
struct MaterialDraft {
    QString materialId;  // the catalogue's material id, sent as X-Material-Id
    QString contentType; // "image/jpeg" or "application/pdf"
    QByteArray content;
};

struct CaseDraft {
    QString itemCode;
    QByteArray body; // a JSON object
    QList<MaterialDraft> materials;
};

struct EvaluationDraft {
    QByteArray body;     // a JSON object
    QString caseNo;      // the case number when the case was delivered live
    QString caseLocalRef; // otherwise the local reference of the queued case it rates
    QString serviceRef = {}; // or the service without a case it rates ("ticket:A017", contract 1.1)
};

// A complaint or suggestion (POST /complaints): its JSON body as the platform takes it, with the
// item it is about when there is one. It holds what the resident typed, so it is encrypted like a case.
struct ComplaintDraft {
    QByteArray body;  // a JSON object
    QString itemCode = {}; // the catalogue item it is about, or empty
};

// What the resident is told once the enqueue has committed.
struct QueuedCase {
    QString localRef;
    QString idempotencyKey;
    QList<QString> materialRefs;
};
