#include "enrolledkiosk.h"
#include "feepayment.h"
#include "kioskshell.h"
#include "paymentdesk.h"
#include "residentsteps.h"
#include "runningkiosk.h"
#include "screenchecks.h"
#include "uiprobe.h"

#include <QDebug>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>
#include <cmath>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// 缴费's screen on every display the kiosk is sold with, in Chinese, English, elder mode (both
// languages) and reach mode, through the real QML with the reference platform: the payment code
// is whole on the screen as it is first shown (not scrolled to, cut by the page or covered by the
// footer), at least 400 units (1080p-equivalent) a side, and a phone reads it off a grab of the
// window; the rest of the screen passes the accessibility walk's checks. The keypad's back key
// cancels the payment, and the cancelled screen says nothing was charged rather than what is due.
// Pictures: <build>/screenshots/payment[-cancelled]-<variant>[-<size>].png.
class TestPaymentLayout : public QObject
{
    Q_OBJECT

private:
    const QString m_feeItem = QStringLiteral("340100-000-ZZ-0020-01"); // print, ¥20.00, no face
    std::unique_ptr<ResidentSteps> m_steps;

    static QList<QSize> sizesFor(const QString &variant)
    {
        // Reach mode is offered only on a tall display.
        if (variant == QLatin1String("reach"))
            return {QSize(1080, 1920), QSize(768, 1366)};
        return {QSize(1080, 1920), QSize(768, 1366), QSize(1920, 1080), QSize(1366, 768), QSize(1280, 1024)};
    }

    void resize(QSize size)
    {
        QQuickWindow *window = m_steps->window();
        window->resize(size);
        QTRY_COMPARE(window->size(), size);
        QQuickItem *stage = UiProbe::find(window, QStringLiteral("stage"));
        QVERIFY(stage);
        QTRY_VERIFY(std::abs(stage->scale() - std::min(size.width(), size.height()) / 1080.0) < 1e-6);
        QSignalSpy frames(window, &QQuickWindow::frameSwapped);
        window->update();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    }

    // The language, elder mode and reach mode of `variant`, chosen as a resident would on home.
    void chooseVariant(const QString &variant)
    {
        KioskShell *shell = m_steps->shell();
        QVERIFY(shell->setLanguage(variant.endsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh")));
        if (variant.startsWith(QLatin1String("elder")) != shell->elderMode())
            shell->toggleElderMode();
        if (variant == QLatin1String("reach")) {
            QVERIFY(UiProbe::tap(m_steps->window(), QStringLiteral("reachButton")));
            QTRY_VERIFY(UiProbe::find(m_steps->window(), QStringLiteral("reachTop")));
        }
    }

    // Every size in turn: the walk's checks on the screen (the code seen whole among them), and
    // the code read off the screen while it is shown. The findings, each prefixed with its size.
    QStringList inspectAtEverySize(const QString &variant, const QString &screen, bool codeShown)
    {
        QStringList problems;
        PaymentDesk *payment = m_steps->shell()->findChild<PaymentDesk *>();
        for (const QSize size : sizesFor(variant)) {
            resize(size);
            if (QTest::currentTestFailed())
                return problems;
            ScreenChecks checks(m_steps->window(), variant, std::min(size.width(), size.height()) / 1080.0);
            checks.inspect(screen, QStringLiteral("paymentScreen"));
            problems += checks.problems();
            if (!codeShown)
                continue;
            if (checks.wholeItemsChecked() != 1)
                problems.append(QStringLiteral("%1 %2x%3: the payment code was not checked").arg(screen).arg(size.width()).arg(size.height()));
            QString read;
            for (int attempt = 0; attempt < 20 && read.isEmpty(); ++attempt) {
                read = m_steps->codeOnScreen();
                if (read.isEmpty())
                    QTest::qWait(100);
            }
            if (read != payment->code())
                problems.append(QStringLiteral("%1 %2x%3: a phone reads \"%4\" off the screen").arg(screen).arg(size.width()).arg(size.height()).arg(read));
        }
        return problems;
    }

private slots:
    void cleanup() { m_steps.reset(); }

    void thePaymentCodeIsWholeAndReadableOnEveryDisplayAndMode_data()
    {
        QTest::addColumn<QString>("variant");
        for (const char *variant : {"zh", "en", "elder", "elder-en", "reach"})
            QTest::newRow(variant) << QString::fromLatin1(variant);
    }

    void thePaymentCodeIsWholeAndReadableOnEveryDisplayAndMode()
    {
        QFETCH(QString, variant);
        m_steps = std::make_unique<ResidentSteps>();
        m_steps->start(QStringLiteral("paylayout-1"));
        if (QTest::currentTestFailed())
            return;
        PaymentDesk *payment = m_steps->shell()->findChild<PaymentDesk *>();
        QVERIFY(payment);
        m_steps->openHome();
        chooseVariant(variant);
        m_steps->openItem(m_feeItem);
        // The guide says what the fee is before the resident starts (a picture at each shape).
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("feeText")).contains(QStringLiteral("¥20.00")));
        for (const QSize size : {QSize(1920, 1080), QSize(1280, 1024), QSize(1080, 1920)}) {
            if (variant == QLatin1String("reach") && size.width() > size.height())
                continue;
            resize(size);
            UiProbe::screenshot(m_steps->window(), QStringLiteral("guide-fee-%1-%2x%3").arg(variant).arg(size.width()).arg(size.height()));
        }
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("startButton")));
        m_steps->presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_steps->window(), QStringLiteral("paymentScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(payment->state(), FeePayment::State::Pending, 30000);
        QVERIFY(UiProbe::find(m_steps->window(), QStringLiteral("reachTop")) || variant != QLatin1String("reach"));

        const QStringList waiting = inspectAtEverySize(variant, QStringLiteral("payment"), true);
        for (const QString &problem : waiting)
            qWarning().noquote() << problem;
        QVERIFY2(waiting.isEmpty(), qPrintable(waiting.join(QLatin1Char('\n'))));

        // The keypad's back key is the way out: it cancels the payment at the platform.
        resize(QSize(1080, 1920));
        QTest::keyClick(m_steps->window(), Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(payment->state(), FeePayment::State::Cancelled, 30000);
        QTRY_COMPARE(m_steps->table(QStringLiteral("payments")).first().toObject().value(QLatin1String("state")).toString(),
                     QStringLiteral("cancelled"));
        // Cancelled, the screen says nothing was charged; it no longer asks for the amount.
        const QString amount = m_steps->shownText(QStringLiteral("paymentAmount"));
        if (variant.endsWith(QLatin1String("en"))) {
            QCOMPARE(amount, QStringLiteral("Nothing charged (¥20.00 cancelled)"));
        } else {
            QCOMPARE(amount, QStringLiteral("未扣款（¥20.00 已取消）"));
        }
        const QStringList cancelled = inspectAtEverySize(variant, QStringLiteral("payment-cancelled"), false);
        for (const QString &problem : cancelled)
            qWarning().noquote() << problem;
        QVERIFY2(cancelled.isEmpty(), qPrintable(cancelled.join(QLatin1Char('\n'))));
        m_steps->shell()->endSession();
        QTRY_VERIFY(UiProbe::find(m_steps->window(), QStringLiteral("attractScreen")));
        m_steps->verifyNothingOfTheResidentIsStored();
    }
};

QTEST_MAIN(TestPaymentLayout)
#include "test_paymentlayout.moc"
