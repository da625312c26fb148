#include "screenreader.h"

#include "audiochannel.h"
#include "keypadnavigator.h"
#include "kioskshell.h"
#include "speechsynthesis.h"
#include "spokentext.h"
#include "uilog.h"

#include <QAudioDevice>
#include <QFont>
#include <QMediaDevices>
#include <QMetaEnum>
#include <QQuickItem>

#include <algorithm>

namespace {

constexpr double kVolume = 0.9;

// The screen's name as the prompts know it: KioskShell::Screen::Home is "home".
QString screenName(KioskShell::Screen screen)
{
    QString name;
    for (const char c : QByteArray(QMetaEnum::fromType<KioskShell::Screen>().valueToKey(int(screen)))) {
        if (QChar::isUpper(c) && !name.isEmpty())
            name += QLatin1Char('_');
        name += QChar::fromLatin1(c).toLower();
    }
    return name;
}

bool isText(const QQuickItem *item)
{
    return item->inherits("QQuickText");
}

void collectTexts(const QQuickItem *item, QList<const QQuickItem *> *out)
{
    if (!item->isVisible() || item->opacity() <= 0)
        return;
    if (isText(item) && !item->property("text").toString().trimmed().isEmpty())
        out->append(item);
    const QList<QQuickItem *> children = item->childItems();
    for (const QQuickItem *child : children)
        collectTexts(child, out);
}

} // namespace

ScreenReader::ScreenReader(QObject *parent)
    : QObject(parent)
    , m_shell(ProcessSingleton<KioskShell>::instance())
    , m_synthesis(std::make_unique<SpeechSynthesis>())
{
    m_screenSettle.setSingleShot(true);
    m_screenSettle.setInterval(300);
    connect(&m_screenSettle, &QTimer::timeout, this, &ScreenReader::announceScreen);
    connect(m_synthesis.get(), &SpeechSynthesis::ready, this, &ScreenReader::onSpeechReady);
    if (m_shell) {
        connect(m_shell, &KioskShell::screenChanged, this, [this] {
            if (m_active)
                m_screenSettle.start();
        });
        connect(m_shell, &KioskShell::languageChanged, this, [this] {
            if (m_active)
                m_screenSettle.start();
        });
        connect(m_shell, &KioskShell::elderModeChanged, this, [this] {
            if (m_active)
                m_screenSettle.start();
        });
    }
}

ScreenReader::~ScreenReader()
{
    if (m_player)
        m_player->stop();
}

void ScreenReader::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    emit activeChanged();
    if (m_active) {
        ensurePlayer();
        m_justSwitchedOn = true;
        m_screenSettle.start();
        return;
    }
    m_screenSettle.stop();
    // Switching off is confirmed, so a resident knows the keys were heard.
    announce({}, language() == QLatin1String("zh") ? QStringLiteral("读屏已关闭") : QStringLiteral("Reading mode off"));
}

void ScreenReader::setNavigator(KeypadNavigator *navigator)
{
    if (navigator == m_navigator)
        return;
    if (m_navigator)
        m_navigator->disconnect(this);
    m_navigator = navigator;
    if (m_navigator) {
        connect(m_navigator, &KeypadNavigator::focusItemChanged, this, &ScreenReader::announceFocus);
        connect(m_navigator, &KeypadNavigator::readScreenRequested, this, &ScreenReader::readWholeScreen);
    }
    emit navigatorChanged();
}

void ScreenReader::setScreen(QQuickItem *screen)
{
    if (screen == m_screen)
        return;
    m_screen = screen;
    emit screenChanged();
}

void ScreenReader::setPlayer(std::unique_ptr<VoicePrompts::Player> player)
{
    if (m_player)
        m_player->stop();
    m_player = std::move(player);
    if (m_player)
        m_player->setFinishedHandler([this] { onPlayerFinished(); });
}

void ScreenReader::setChannel(AudioChannel *channel)
{
    if (m_channel)
        m_channel->disconnect(this);
    m_channel = channel;
    if (!m_channel) {
        setPlayer(nullptr);
        return;
    }
    connect(m_channel, &AudioChannel::finished, this, [this](const QString &resource) {
        if (m_followingPrompt && resource == m_awaitedPrompt) {
            m_followingPrompt = false;
            onPlayerFinished();
        }
    });
    // The prompt being followed was cut by another (a card taken out, say): the reading is not
    // held back for it any longer, and cuts in once it is made.
    connect(m_channel, &AudioChannel::started, this, [this](const QString &resource) {
        if (m_followingPrompt && resource != m_awaitedPrompt) {
            m_followingPrompt = false;
            onPlayerFinished();
        }
    });
    setPlayer(m_channel->speaker());
}

void ScreenReader::ensurePlayer()
{
    if (m_player)
        return;
    // The kiosk's one audio channel, shared with the recorded prompts, where there is one.
    if (AudioChannel *channel = AudioChannel::instance(); channel && channel->hasOutput()) {
        setChannel(channel);
        return;
    }
    const QAudioDevice output = QMediaDevices::defaultAudioOutput();
    if (output.isNull()) {
        if (!m_noPlayerLogged)
            qCWarning(lcUi) << "reading mode: no audio output, nothing can be heard";
        m_noPlayerLogged = true;
        return;
    }
    setPlayer(AudioChannel::playerFor(output));
}

QString ScreenReader::language() const
{
    return m_shell ? m_shell->language() : QStringLiteral("zh");
}

bool ScreenReader::slow() const
{
    return m_shell && m_shell->elderMode();
}

QString ScreenReader::describe(const QQuickItem *control, const QString &language)
{
    if (!control)
        return {};
    QString text = control->property("spokenText").toString();
    if (text.isEmpty()) {
        QList<const QQuickItem *> texts;
        collectTexts(control, &texts);
        QStringList parts;
        for (const QQuickItem *t : std::as_const(texts))
            parts.append(t->property("text").toString().simplified());
        text = parts.join(language == QLatin1String("zh") ? QStringLiteral("，") : QStringLiteral(", "));
        // A tap area over a row (a form's field) shows its words beside it, in the row.
        if (text.isEmpty() && control->parentItem())
            return describe(control->parentItem(), language);
    }
    if (control->property("checked").toBool())
        text += language == QLatin1String("zh") ? QStringLiteral("，已选中") : QStringLiteral(", selected");
    return text;
}

QString ScreenReader::titleOf(const QQuickItem *screen)
{
    if (!screen)
        return {};
    QList<const QQuickItem *> texts;
    collectTexts(screen, &texts);
    const QQuickItem *title = nullptr;
    int largest = 0;
    for (const QQuickItem *t : std::as_const(texts)) {
        // Texts on controls are read when the control has the focus, not as the title.
        bool onControl = false;
        for (const QQuickItem *a = t; a && a != screen && !onControl; a = a->parentItem())
            onControl = a->property("keypadTarget").toBool();
        const int size = t->property("font").value<QFont>().pixelSize();
        if (!onControl && size > largest) {
            largest = size;
            title = t;
        }
    }
    return title ? title->property("text").toString().simplified() : QString();
}

QStringList ScreenReader::textsOf(const QQuickItem *screen)
{
    QStringList texts;
    if (!screen)
        return texts;
    QList<const QQuickItem *> items;
    collectTexts(screen, &items);
    std::stable_sort(items.begin(), items.end(), [](const QQuickItem *a, const QQuickItem *b) {
        const QRectF ra = a->mapRectToScene(a->boundingRect());
        const QRectF rb = b->mapRectToScene(b->boundingRect());
        if (ra.bottom() <= rb.top() || rb.bottom() <= ra.top())
            return ra.top() < rb.top();
        return ra.left() < rb.left();
    });
    for (const QQuickItem *t : std::as_const(items))
        texts.append(t->property("text").toString().simplified());
    return texts;
}

void ScreenReader::readWholeScreen()
{
    if (!m_active)
        return;
    announce({}, textsOf(m_screen).join(language() == QLatin1String("zh") ? QStringLiteral("。") : QStringLiteral(". ")));
}

void ScreenReader::announceScreen()
{
    if (!m_active)
        return;
    const QString name = m_shell ? screenName(m_shell->screen()) : QString();
    const QString prompt = VoicePrompts::promptForScreen(name);
    QStringList parts;
    if (m_justSwitchedOn) {
        m_justSwitchedOn = false;
        parts.append(language() == QLatin1String("zh")
                         ? QStringLiteral("读屏已打开。方向键或二、四、六、八移动，五或确认键选择，退格键返回，星号键求助")
                         : QStringLiteral("Reading mode on. Arrows or 2, 4, 6, 8 move, 5 or Enter chooses, Backspace goes back, star asks for help"));
    }
    const QString title = titleOf(m_screen);
    if (!title.isEmpty())
        parts.append(title);
    if (m_navigator && m_navigator->focusItem())
        parts.append(describe(m_navigator->focusItem(), language()));
    announce(prompt, parts.join(language() == QLatin1String("zh") ? QStringLiteral("。") : QStringLiteral(". ")));
}

void ScreenReader::announceFocus()
{
    if (!m_active || !m_navigator || !m_navigator->focusItem())
        return;
    // A screen still settling is announced at once with the control the resident moved to, so
    // the last thing heard is always where the focus is.
    if (m_screenSettle.isActive()) {
        m_screenSettle.stop();
        announceScreen();
        return;
    }
    announce({}, describe(m_navigator->focusItem(), language()));
}

void ScreenReader::announce(const QString &prompt, const QString &text)
{
    if (!m_player)
        return;
    m_player->stop();
    m_synthesis->stop();
    m_pendingWav.clear();
    m_followingPrompt = false;
    m_waitingForPrompt = !prompt.isEmpty();
    if (m_waitingForPrompt) {
        const QString resource = VoicePrompts::recording(prompt, language(), slow());
        if (m_channel && m_channel->playing() == resource) {
            // The recorded prompts are saying this screen's prompt already, on the same channel:
            // the reading follows it rather than say it a second time.
            m_followingPrompt = true;
            m_awaitedPrompt = resource;
        } else {
            emit promptPlayed(resource);
            m_player->play(resource, kVolume);
        }
    }
    if (!text.isEmpty())
        m_synthesis->say(SpokenText::forSpeech(text, language()), language(), slow());
}

void ScreenReader::onSpeechReady(const QString &wavPath)
{
    m_pendingWav = wavPath;
    if (!m_waitingForPrompt && m_player)
        m_player->play(m_pendingWav, kVolume);
}

void ScreenReader::onPlayerFinished()
{
    if (!m_waitingForPrompt)
        return;
    m_waitingForPrompt = false;
    if (!m_pendingWav.isEmpty() && m_player)
        m_player->play(m_pendingWav, kVolume);
}
