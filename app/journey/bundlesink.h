#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThread>

// Writes a downloaded update bundle to its file and computes its SHA-256 on a thread of its own.
// A bundle is close to a gigabyte; written and hashed on the GUI thread, a slow CPU drew no frame
// for seconds at a time and the frame watchdog restarted the kiosk in the middle of the download
// (docs/fleet.md). Chunks handed to append() are taken in order; pending() says how many bytes
// wait, so that the download can pause (and the network stop) while the disk catches up.
class BundleSink : public QObject
{
    Q_OBJECT
public:
    explicit BundleSink(QObject *parent = nullptr);
    ~BundleSink() override;

    // Starts a new file at `path`, truncating whatever was there.
    void start(const QString &path);
    void append(const QByteArray &chunk);
    // Flushes and closes the file; finished() follows once every chunk before it is written.
    void finish();
    // Bytes handed over but not yet written and hashed.
    [[nodiscard]] qint64 pending() const { return m_pending; }

signals:
    // A chunk was written and hashed: pending() went down.
    void progressed();
    // The first write that failed (a full data partition): nothing after it is written.
    void writeFailed(const QString &error);
    // `sha256` is the lower-case hex digest of every byte appended since start(); `error` is empty
    // when the whole file was written and closed.
    void finished(const QString &sha256, const QString &error);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker;
    qint64 m_pending = 0;
};
