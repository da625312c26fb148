#pragma once

#include <QJsonArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

class EnrolledKiosk;
class KioskRuntime;
class KioskShell;
class QQuickWindow;
class RunningKiosk;

// The steps a resident takes that the hall's journey tests share, on the real kiosk enrolled at
// the reference platform: touch the attract screen, open an item and start it, lay the card on
// the reader and go on; and what the tests look at afterwards: the platform's tables, what was
// printed, what a phone reads off the screen, and that nothing of the resident stayed behind.
// The steps use QtTest's checks, so a failed step fails the running test.
class ResidentSteps
{
public:
    ResidentSteps();
    ~ResidentSteps();

    // Enrols a terminal with `token` at a reference platform started with `platformArguments`
    // and starts the kiosk on it with `settings` ("section/key" → value) over its defaults.
    void start(const QString &token, const QStringList &platformArguments = {}, const QMap<QString, QString> &settings = {});
    [[nodiscard]] bool started() const { return m_window != nullptr; }

    [[nodiscard]] EnrolledKiosk *enrolled() const { return m_enrolled.get(); }
    [[nodiscard]] RunningKiosk *kiosk() const { return m_kiosk; }
    [[nodiscard]] KioskRuntime *runtime() const { return m_runtime; }
    [[nodiscard]] KioskShell *shell() const { return m_shell; }
    [[nodiscard]] QQuickWindow *window() const { return m_window; }

    // The attract screen touched: home.
    void openHome();
    // Home, then the item's guide, once the platform has said it may start.
    void openItem(const QString &itemCode);
    // The identify screen: the card lifted if one lies there, laid down, and 继续.
    void presentCard(const QString &card = QStringLiteral("resident"));
    // Home, the item's guide, 开始办理 and the card: the step after identification is next.
    void startItemWithCard(const QString &itemCode);

    [[nodiscard]] bool tapWhenShown(const QString &name, int timeoutMs = 30000) const;
    // The text of the named item while it is shown; empty otherwise.
    [[nodiscard]] QString shownText(const QString &objectName) const;
    // A table of the reference platform (cases, payments, tickets, …).
    [[nodiscard]] QJsonArray table(const QString &name) const;
    [[nodiscard]] QString stateDir() const;
    // What the printer `deviceId` has printed: the jobs' document names by name, and the text
    // of those matching `pattern`, oldest first.
    [[nodiscard]] QStringList spooledNames(const QString &deviceId) const;
    [[nodiscard]] QStringList spooledTexts(const QString &deviceId, const QString &pattern = QStringLiteral("*.pdf")) const;
    // What a phone held up to the screen reads: the first code in a grab of the window.
    [[nodiscard]] QString codeOnScreen() const;
    // The phone pays: a POST to the payment code's URL, as the payment page's button sends. The
    // HTTP status.
    [[nodiscard]] static int payThrough(const QString &url);
    // No file the kiosk keeps (the printers' spools, the resident's paper, aside) holds the
    // card's number, name or address, nor any of `alsoAbsent`.
    void verifyNothingOfTheResidentIsStored(const QStringList &alsoAbsent = {}) const;

private:
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;
};
