#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

// The hall's notice the platform puts on the attract screen (heartbeat command `notice`,
// contract 1.1): a line in Chinese and in English, shown until its time has come or the platform
// clears it. The text is the platform's plain text; the screen draws it as characters, never as
// markup.
class HallNotice : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool shown READ isShown NOTIFY changed)
    Q_PROPERTY(QString zh READ zh NOTIFY changed)
    Q_PROPERTY(QString en READ en NOTIFY changed)

public:
    // A notice longer than this is refused: the attract screen has room for two lines.
    static constexpr qsizetype MaxLength = 120;

    explicit HallNotice(QObject *parent = nullptr);

    [[nodiscard]] bool isShown() const { return !m_zh.isEmpty() || !m_en.isEmpty(); }
    [[nodiscard]] QString zh() const { return m_zh; }
    // The English line, or the Chinese one when the platform sent none.
    [[nodiscard]] QString en() const { return m_en.isEmpty() ? m_zh : m_en; }
    [[nodiscard]] QDateTime until() const { return m_until; }

    // Shows the notice until `until` (invalid: until it is replaced or cleared). Empty texts clear
    // it. False, with the reason in `problem` and nothing changed, for a text too long or an
    // `until` already past.
    bool show(const QString &zh, const QString &en, const QDateTime &until, QString *problem);
    void clear();

signals:
    void changed();

private:
    // At the notice's time it goes; a timer that fired early (they are capped at a day) is set again.
    void expire();

    QString m_zh;
    QString m_en;
    QDateTime m_until;
    QTimer m_expiry;
};
