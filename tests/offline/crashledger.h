#pragma once

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <sqlite3.h>

// What outboxcrashchild leaves behind, read back by the tests that kill it or cut its power: the
// acknowledgements it gave (what a resident was told), what the receiver got, and whether the
// outbox file is intact.
namespace CrashLedger {

struct Ack {
    QString localRef;
    int materials = 0;
};

struct Delivery {
    QSet<QString> keys;
    QString materials; // for cases: the material references the body carried
};

inline QList<QByteArray> completeLines(const QString &path)
{
    QFile file(path);
    QByteArray content = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    // A line without its newline was cut by a kill inside write(); it never counts.
    const int end = int(content.lastIndexOf('\n'));
    content.truncate(end + 1);
    QList<QByteArray> lines = content.split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

inline QList<Ack> readAcks(const QString &path)
{
    QList<Ack> acks;
    for (const QByteArray &line : completeLines(path)) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3 && parts.at(0) == "ack")
            acks.append({QString::fromLatin1(parts.at(1)), parts.at(2).toInt()});
    }
    return acks;
}

inline QHash<QString, Delivery> readDeliveries(const QString &path)
{
    QHash<QString, Delivery> deliveries;
    for (const QByteArray &line : completeLines(path)) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() < 2)
            continue;
        Delivery &delivery = deliveries[QString::fromLatin1(parts.at(0))];
        delivery.keys.insert(QString::fromLatin1(parts.at(1)));
        if (parts.size() > 2)
            delivery.materials = QString::fromLatin1(parts.at(2).mid(int(qstrlen("materials="))));
    }
    return deliveries;
}

inline QString integrity(const QString &file)
{
    sqlite3 *db = nullptr;
    QString result = QStringLiteral("cannot open");
    if (sqlite3_open_v2(QFile::encodeName(file).constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK
            && sqlite3_step(statement) == SQLITE_ROW)
            result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return result;
}

} // namespace CrashLedger
