#pragma once

#include <QFile>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>

// The last few thousand log lines of a process, kept under <state_dir>/logs/ for maintenance
// staff and the diagnostics bundle, while every message still goes to stderr (the journal) as
// before. Each line passes PersonalDataFilter first, so a careless message cannot leave an ID
// number or a mobile number on disk. The file rotates at a size limit: the current one and one
// older one (".1"), both mode 0600.
class RecentLog
{
public:
    static constexpr qint64 DefaultRotateBytes = 1024 * 1024;

    explicit RecentLog(QString path, qint64 rotateBytes = DefaultRotateBytes);
    ~RecentLog();

    // <state_dir>/logs
    [[nodiscard]] static QString directoryIn(const QString &stateDir);

    // Installs the message handler of the kiosk process, writing to <state_dir>/logs/kiosk.log;
    // the state directory is made if it is missing (the kiosk owns it). Returns the log, or null
    // when nothing can be written there (messages then go to stderr only).
    static RecentLog *installForKiosk(const QString &stateDir);
    // The same for kioskctl, writing to <state_dir>/logs/kioskctl.log (root's kioskctl never
    // writes into the kiosk's own file). A state directory that does not exist is not created:
    // a maintainer's `kioskctl config show` on a fresh machine leaves nothing behind.
    static RecentLog *installForCtl(const QString &stateDir);
    // Restores the previous handler and closes the file (tests).
    static void uninstall();
    [[nodiscard]] static RecentLog *installed();

    // One formatted line: "2026-11-23T09:30:00.123Z warning kiosk.app: message".
    void append(QtMsgType type, const char *category, const QString &message);

    // The newest `lines` lines, oldest first, across the rotated file and the current one.
    [[nodiscard]] QStringList tail(int lines) const;
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString rotatedPath() const { return m_path + QStringLiteral(".1"); }

private:
    static RecentLog *install(const QString &stateDir, const QString &fileName, bool makeStateDir);
    bool openLocked();

    QString m_path;
    qint64 m_rotateBytes;
    mutable QMutex m_mutex;
    QFile m_file;
};
