#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The platform's side of remote care: the heartbeat commands queued for terminals (by a test
// through /_inspect/commands), delivered once each with their arguments, the acknowledgements
// terminals send back in later heartbeats, and the screenshots they upload (contract 1.1).
class TerminalCommands
{
public:
    // The command names of contract 1.0 and 1.1.
    [[nodiscard]] static const QStringList &names();

    // The tables, in the platform's database (the commands table itself is the server's).
    [[nodiscard]] bool open(QSqlDatabase db, QString *error);

    // Queues `name` for `terminalId` (empty: every terminal); returns its id.
    [[nodiscard]] QString queue(const QString &terminalId, const QString &name, const QJsonObject &arguments);
    // The commands not yet delivered to `terminalId`, each once: {id, name, ...arguments}.
    [[nodiscard]] QJsonArray takeFor(const QString &terminalId);
    // A heartbeat's `acks`; entries that are not {id, ok} objects are left out.
    void recordAcks(const QString &terminalId, const QJsonValue &acks);

    // Stores a terminal's PNG for command `commandId`; returns its id, or empty with `problem`
    // when the body is not a PNG or answers no screenshot command sent to this terminal.
    [[nodiscard]] QString storeScreenshot(const QString &terminalId, const QString &commandId, const QByteArray &png, QString *problem);
    // What tests may see: every acknowledgement, every screenshot (without its bytes), one PNG.
    [[nodiscard]] QJsonArray acks() const;
    [[nodiscard]] QJsonArray screenshots() const;
    [[nodiscard]] QByteArray screenshot(const QString &id) const;

private:
    QSqlDatabase m_db;
};
