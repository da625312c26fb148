#include "terminalcommands.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {

QString newId(QChar prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128).left(12).toUpper();
}

} // namespace

const QStringList &TerminalCommands::names()
{
    static const QStringList list = {QStringLiteral("reload_catalogue"), QStringLiteral("lock"),   QStringLiteral("unlock"),
                                     QStringLiteral("collect_diagnostics"), QStringLiteral("restart"), QStringLiteral("notice"),
                                     QStringLiteral("screenshot"), QStringLiteral("update")};
    return list;
}

bool TerminalCommands::open(QSqlDatabase db, QString *error)
{
    m_db = db;
    QSqlQuery q(m_db);
    // A database from before contract 1.1 gains the arguments column (an error when it has it).
    (void)q.exec(QStringLiteral("ALTER TABLE commands ADD COLUMN arguments TEXT"));
    for (const char *statement : {"CREATE TABLE IF NOT EXISTS command_acks (command_id TEXT, terminal_id TEXT, ok INTEGER, detail TEXT, at INTEGER)",
                                  "CREATE TABLE IF NOT EXISTS screenshots (screenshot_id TEXT PRIMARY KEY, terminal_id TEXT, command_id TEXT, "
                                  "sha256 TEXT, size INTEGER, png BLOB, created_at INTEGER)"}) {
        if (!q.exec(QLatin1String(statement))) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

QString TerminalCommands::queue(const QString &terminalId, const QString &name, const QJsonObject &arguments)
{
    const QString id = newId(QLatin1Char('C'));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO commands (id, terminal_id, name, arguments) VALUES (?, ?, ?, ?)"));
    q.addBindValue(id);
    // A command for every terminal is stored as '' and never as NULL, which `terminal_id = ''`
    // would not match (a null QString binds as NULL).
    q.addBindValue(terminalId.isEmpty() ? QStringLiteral("") : terminalId);
    q.addBindValue(name);
    q.addBindValue(QString::fromUtf8(QJsonDocument(arguments).toJson(QJsonDocument::Compact)));
    return q.exec() ? id : QString();
}

QJsonArray TerminalCommands::takeFor(const QString &terminalId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, arguments FROM commands WHERE delivered = 0 AND (terminal_id = ? OR terminal_id = '') ORDER BY rowid"));
    q.addBindValue(terminalId);
    q.exec();
    QJsonArray commands;
    QStringList ids;
    while (q.next()) {
        QJsonObject command = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        command.insert(QStringLiteral("id"), q.value(0).toString());
        command.insert(QStringLiteral("name"), q.value(1).toString());
        commands.append(command);
        ids.append(q.value(0).toString());
    }
    for (const QString &id : ids) {
        q.prepare(QStringLiteral("UPDATE commands SET delivered = 1 WHERE id = ?"));
        q.addBindValue(id);
        q.exec();
    }
    return commands;
}

void TerminalCommands::recordAcks(const QString &terminalId, const QJsonValue &acks)
{
    QSqlQuery q(m_db);
    for (const QJsonValue &value : acks.toArray()) {
        const QJsonObject ack = value.toObject();
        if (!ack.value(QLatin1String("id")).isString() || !ack.value(QLatin1String("ok")).isBool())
            continue;
        q.prepare(QStringLiteral("INSERT INTO command_acks (command_id, terminal_id, ok, detail, at) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(ack.value(QLatin1String("id")).toString());
        q.addBindValue(terminalId);
        q.addBindValue(ack.value(QLatin1String("ok")).toBool() ? 1 : 0);
        q.addBindValue(ack.value(QLatin1String("detail")).toString());
        q.addBindValue(QDateTime::currentSecsSinceEpoch());
        q.exec();
    }
}

QString TerminalCommands::storeScreenshot(const QString &terminalId, const QString &commandId, const QByteArray &png, QString *problem)
{
    if (!png.startsWith("\x89PNG\r\n\x1a\n")) {
        *problem = QStringLiteral("the body is not a PNG");
        return {};
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM commands WHERE id = ? AND name = 'screenshot' AND (terminal_id = ? OR terminal_id = '')"));
    q.addBindValue(commandId);
    q.addBindValue(terminalId);
    if (!q.exec() || !q.next()) {
        *problem = QStringLiteral("X-Command-Id names no screenshot command of this terminal");
        return {};
    }
    const QString id = newId(QLatin1Char('S'));
    q.prepare(QStringLiteral("INSERT INTO screenshots (screenshot_id, terminal_id, command_id, sha256, size, png, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(terminalId);
    q.addBindValue(commandId);
    q.addBindValue(QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex()));
    q.addBindValue(png.size());
    q.addBindValue(png);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec()) {
        *problem = q.lastError().text();
        return {};
    }
    return id;
}

QJsonArray TerminalCommands::acks() const
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT command_id, terminal_id, ok, detail FROM command_acks ORDER BY rowid"));
    QJsonArray rows;
    while (q.next())
        rows.append(QJsonObject{{QStringLiteral("id"), q.value(0).toString()}, {QStringLiteral("terminal_id"), q.value(1).toString()},
                                {QStringLiteral("ok"), q.value(2).toInt() == 1}, {QStringLiteral("detail"), q.value(3).toString()}});
    return rows;
}

QJsonArray TerminalCommands::screenshots() const
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT screenshot_id, terminal_id, command_id, sha256, size FROM screenshots ORDER BY rowid"));
    QJsonArray rows;
    while (q.next())
        rows.append(QJsonObject{{QStringLiteral("screenshot_id"), q.value(0).toString()}, {QStringLiteral("terminal_id"), q.value(1).toString()},
                                {QStringLiteral("command_id"), q.value(2).toString()}, {QStringLiteral("sha256"), q.value(3).toString()},
                                {QStringLiteral("size"), q.value(4).toInt()}});
    return rows;
}

QByteArray TerminalCommands::screenshot(const QString &id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT png FROM screenshots WHERE screenshot_id = ?"));
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toByteArray() : QByteArray();
}
