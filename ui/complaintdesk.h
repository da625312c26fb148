#pragma once

#include "complaintfiling.h"
#include "processsingleton.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class KioskRuntime;
class KioskShell;
class ResidentChoice;

// What the QML screens see, as the singleton `Complaint`, of 办不成事 / 投诉建议 (ComplaintFiling):
// the categories in the resident's language, whether the complaint is queued or delivered with
// its 12345 number, and whether its slip came out of the receipt printer. The slip is printed
// once the number came or the wait for it ended. It only presents and relays taps.
class ComplaintDesk : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Complaint)
    QML_SINGLETON
    Q_PROPERTY(ComplaintFiling::Stage stage READ stage NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    // Each: id, name.
    Q_PROPERTY(QVariantList categories READ categories NOTIFY changed)
    Q_PROPERTY(QString complaintNo READ complaintNo NOTIFY changed)
    Q_PROPERTY(QString localRef READ localRef NOTIFY changed)
    // Filed about a refused case: the case's item and number go with it.
    Q_PROPERTY(bool aboutCase READ aboutCase NOTIFY changed)
    Q_PROPERTY(QString caseNo READ caseNo NOTIFY changed)
    Q_PROPERTY(PrintState printState READ printState NOTIFY printChanged)

public:
    // The slip on the receipt printer: None before it is due; Failed when it did not come out.
    enum class PrintState { None, Printing, Printed, Failed };
    Q_ENUM(PrintState)

    ComplaintDesk(KioskRuntime *runtime, KioskShell *shell, ResidentChoice *choice, QObject *parent = nullptr);

    // QML asks for the singleton here; the shell creates it before QML is loaded.
    static ComplaintDesk *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    [[nodiscard]] ComplaintFiling::Stage stage() const;
    [[nodiscard]] QString problem() const;
    [[nodiscard]] QVariantList categories() const;
    [[nodiscard]] QString complaintNo() const;
    [[nodiscard]] QString localRef() const;
    [[nodiscard]] bool aboutCase() const;
    [[nodiscard]] PrintState printState() const { return m_printState; }

    // 办不成事 about one of the resident's cases on the progress screen (a refused one): the
    // complaint screen opens with the case's number and item going with it.
    Q_INVOKABLE bool startAboutCase(const QString &caseNo);
    // The case the complaint names, when it is about one.
    [[nodiscard]] QString caseNo() const;

    // Queues the complaint: anonymous unless `phone` is given.
    Q_INVOKABLE bool file(const QString &category, const QString &text, const QString &phone);
    // The slip again, after the printer failed.
    Q_INVOKABLE bool reprint();

signals:
    void changed();
    void printChanged();

private:
    void print();
    void setPrint(PrintState state);

    KioskRuntime *m_runtime;
    KioskShell *m_shell;
    ResidentChoice *m_choice;
    PrintState m_printState = PrintState::None;
    ProcessSingleton<ComplaintDesk> m_singleton{this};
};
