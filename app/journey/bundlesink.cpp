#include "bundlesink.h"

#include <QCryptographicHash>
#include <QFile>

#include <utility>

// Lives on the sink's thread; every call reaches it queued, in the order it was made.
class BundleSink::Worker : public QObject
{
public:
    void start(const QString &path)
    {
        m_file.close();
        m_file.setFileName(path);
        m_hash.reset();
        m_error.clear();
        m_told = false;
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            m_error = m_file.errorString();
    }
    // Returns the error of the file that could not be opened or of the first write that
    // failed, once.
    QString append(const QByteArray &chunk)
    {
        if (m_error.isEmpty()) {
            m_hash.addData(chunk);
            if (m_file.write(chunk) != chunk.size())
                m_error = m_file.errorString();
        }
        if (m_error.isEmpty() || std::exchange(m_told, true))
            return {};
        return m_error;
    }
    void finish(QString *sha256, QString *error)
    {
        if (m_error.isEmpty() && !m_file.flush())
            m_error = m_file.errorString();
        m_file.close();
        *sha256 = QString::fromLatin1(m_hash.result().toHex());
        *error = m_error;
    }

private:
    QFile m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    QString m_error;
    bool m_told = false;
};

BundleSink::BundleSink(QObject *parent)
    : QObject(parent)
    , m_worker(new Worker)
{
    m_thread.setObjectName(QStringLiteral("bundle-sink"));
    m_worker->moveToThread(&m_thread);
    m_thread.start(QThread::LowPriority);
}

BundleSink::~BundleSink()
{
    // Chunks still queued are dropped with the worker; its file is closed as it is deleted.
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void BundleSink::start(const QString &path)
{
    m_pending = 0;
    QMetaObject::invokeMethod(m_worker, [this, path] {
        m_worker->start(path);
    }, Qt::QueuedConnection);
}

void BundleSink::append(const QByteArray &chunk)
{
    m_pending += chunk.size();
    QMetaObject::invokeMethod(m_worker, [this, chunk] {
        const QString error = m_worker->append(chunk);
        // Back on the sink's own thread; dropped if the sink is gone by then.
        QMetaObject::invokeMethod(this, [this, size = chunk.size(), error] {
            m_pending -= size;
            if (!error.isEmpty())
                emit writeFailed(error);
            emit progressed();
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void BundleSink::finish()
{
    QMetaObject::invokeMethod(m_worker, [this] {
        QString sha256;
        QString error;
        m_worker->finish(&sha256, &error);
        QMetaObject::invokeMethod(this, [this, sha256, error] {
            emit finished(sha256, error);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}
