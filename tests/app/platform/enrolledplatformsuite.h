#pragma once

#include "platformclient.h"
#include "refplatformprocess.h"
#include "terminalcredentials.h"

#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>
#include <QUrl>

// What the platform client's suites share: the reference platform on loopback (two enrolment
// tokens, one-second case progress, a database of its own) with this terminal enrolled by the
// first token, the faults cleared before each test, and the requests the tests send.
class EnrolledPlatformSuite : public QObject
{
protected:
    // For initTestCase(): starts the server and enrols the terminal.
    void startAndEnrol();
    // For init(): every fault of the server off.
    void clearFaults();
    void setFaults(const QJsonObject &faults);

    // Towards the shared server, or `url`, with the enrolled terminal's credentials.
    [[nodiscard]] PlatformClientSettings settings(const QUrl &url = {}) const;
    // A case of kItemNoMaterials for the resident of idCardRequest().
    [[nodiscard]] QJsonObject caseRequest(const QString &localRef, const QString &phone = QStringLiteral("13912345678")) const;
    [[nodiscard]] int casesWithKey(RefPlatformProcess &server, const QString &key) const;
    // Whether the server holds `key` as still running (done 0) or finished (done 1).
    [[nodiscard]] bool keyState(RefPlatformProcess &server, const QString &key, int done) const;

    [[nodiscard]] static QJsonObject idCardRequest(const QString &validUntil = QStringLiteral("2036-05-01"));
    [[nodiscard]] static QString statusOf(const QJsonObject &call);

    static const QString kItemNoMaterials;
    static const QString kItemWithBook;
    static const QString kPrintItem;
    static const QString kIdNumber;

    QTemporaryDir m_dir;
    RefPlatformProcess m_server;
    TerminalCredentials m_credentials;
};
