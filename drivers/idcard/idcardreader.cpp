#include "idcard/idcardreader.h"

IdCardReader::IdCardReader(const QString &id, IdCardReaderOptions options, QObject *parent)
    : ThreadedDevice(id, QStringLiteral("id_card_reader"), options.spec.toString(), parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<IdCardHolder>();
}

IdCardReader::~IdCardReader()
{
    stopWorker();
}

Device::State IdCardReader::stateFor(const DeviceHealth &health) const
{
    return health.level == HealthLevel::Error  ? State::Error
           : health.level == HealthLevel::Busy ? State::Busy
                                               : State::Idle;
}

bool IdCardReader::onOpen(QString *)
{
    startWorker(new IdCardReaderWorker(m_options), QStringLiteral("idcard-reader"), [this](IdCardReaderWorker *worker) {
        connect(worker, &IdCardReaderWorker::busyChanged, this, [this](bool busy) {
            if (state() != State::Error && state() != State::Closed)
                setState(busy ? State::Busy : State::Idle);
        });
        connect(worker, &IdCardReaderWorker::interactiveCheckRead, this, &IdCardReader::interactiveCheckRead);
        connect(worker, &IdCardReaderWorker::interactiveCheckInconclusive, this,
                [this](const DeviceHealth &outcome) { reportCheckOutcome(HealthCheckLevel::Interactive, outcome); });
        connect(worker, &IdCardReaderWorker::cardDetected, this, &IdCardReader::cardDetected);
        connect(worker, &IdCardReaderWorker::cardRead, this, &IdCardReader::cardRead);
        connect(worker, &IdCardReaderWorker::cardReadFailed, this, &IdCardReader::cardReadFailed);
        connect(worker, &IdCardReaderWorker::cardRemoved, this, &IdCardReader::cardRemoved);
    });
    callWorker([](IdCardReaderWorker *worker) { worker->open(); });
    return true;
}
