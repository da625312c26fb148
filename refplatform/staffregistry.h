#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// The hall's staff (帮办员) as the reference platform knows them (platform-api.md 1.1, "People
// helping residents"): a demo roster, the dynamic codes their work app shows, the staff tokens of
// POST /staff/verify, and what each assisted case recorded. A real platform resolves a code with
// the province's staff directory; here a code is the staff id and the time it was made, signed
// with the demo directory's key, so `kiosk-refplatform --print-staff-code` can make one for a demo:
//   https://staff.example.gov.cn/v1/<staff id>.<unix seconds>.<16 hex of HMAC-SHA256>
// The kiosk recognises a staff code by that prefix; nothing else of it is meaningful to it.
class StaffRegistry
{
public:
    struct Member {
        QString staffId;
        QString name;      // the demo's full name; the platform only ever sends it masked
        QString latinName; // the family name in pinyin, for the English display name
    };
    // An answer for RefPlatform to send: a JSON body, or an error code with its message.
    struct Answer {
        int status = 200;
        QJsonObject body;
        QString error;
        QString message;
        QJsonObject details;
    };

    static constexpr char Prefix[] = "https://staff.example.gov.cn/v1/";
    static constexpr int CodeLifetimeS = 300; // a work app's code changes every few minutes
    static constexpr int TokenLifetimeS = 1800;

    [[nodiscard]] static const QList<Member> &roster();
    [[nodiscard]] static const Member *member(const QString &staffId);
    // The code `staffId`'s work app shows at `at`; empty for someone not on the roster.
    [[nodiscard]] static QString codeFor(const QString &staffId, const QDateTime &at);
    // Whose code `payload` is: the staff id, or the refusal "staff_unknown" (not a code of the
    // directory, a bad signature, someone not on the roster) or "staff_code_expired".
    struct Reading {
        QString staffId;
        QString refusal;
    };
    [[nodiscard]] static Reading readCode(const QString &payload, const QDateTime &now);

    explicit StaffRegistry(int tokenLifetimeS = TokenLifetimeS);
    // Creates its tables in `db` (the platform's database).
    [[nodiscard]] bool open(const QSqlDatabase &db, QString *error);

    // POST /staff/verify.
    [[nodiscard]] Answer verify(const QJsonObject &body, const QDateTime &now);
    // POST /identity/verify with method staff_attested: empty when the staff token is live, the
    // evidence one the contract names and the person a name with a valid citizen number; else
    // "staff_unknown" (401), "bad_request" (400) or "card_invalid" (verified: false).
    [[nodiscard]] QString attestationProblem(const QJsonObject &body) const;
    // The staff member a live staff token stands for, or empty.
    [[nodiscard]] QString staffOf(const QString &token) const;
    // Records who helped with case `caseNumber` and for whom an agent acted, masked.
    void recordCase(const QString &caseNumber, const QJsonObject &caseBody);

private:
    QSqlDatabase m_db;
    int m_tokenLifetimeS;
};
