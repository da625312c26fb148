#include "applicationdesk.h"

#include "kioskruntime.h"
#include "applicationjourney.h"
#include "kioskshell.h"

ApplicationDesk::ApplicationDesk(KioskRuntime *runtime, KioskShell *shell, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_shell(shell)
{
    connect(runtime->draft(), &ApplicationDraft::changed, this, &ApplicationDesk::changed);
    connect(runtime->identity(), &ResidentIdentity::changed, this, &ApplicationDesk::changed);
    connect(runtime->journey(), &ApplicationJourney::captureMaterialChanged, this, [this] {
        m_currentMaterial = m_runtime->journey()->captureMaterial();
        emit currentMaterialChanged();
    });
    connect(runtime->journey(), &ApplicationJourney::pageCaptured, this, [this](bool found) {
        m_lastPageFound = found;
        ++m_pageRevision;
        emit changed();
        emit pageCaptured();
    });
    connect(shell, &KioskShell::languageChanged, this, &ApplicationDesk::changed);
    connect(shell, &KioskShell::devicesChanged, this, &ApplicationDesk::documentCameraChanged);
    connect(runtime->session(), &SessionMachine::sessionEnded, this, &ApplicationDesk::reset);
}

ApplicationDesk *ApplicationDesk::create(QQmlEngine *, QJSEngine *)
{
    return ProcessSingleton<ApplicationDesk>::forQml();
}

QVariantList ApplicationDesk::fields() const
{
    const ApplicationDraft *draft = m_runtime->draft();
    const QString language = m_shell->language();
    QVariantList fields;
    if (!draft->isActive())
        return fields;
    for (const FormField &field : draft->item()->form) {
        const bool prefilled = draft->isPrefilled(field.id);
        const QString shown = draft->shownValue(field.id);
        QVariantList options;
        for (const auto &[value, label] : field.options)
            options.append(QVariantMap{{QStringLiteral("value"), value}, {QStringLiteral("label"), label.in(language)}});
        fields.append(QVariantMap{
            {QStringLiteral("id"), field.id},
            // A number from the card is named as the card names it (a permit's 证件号码).
            {QStringLiteral("label"), prefilled && field.prefill == QLatin1String("holder.id_number")
                                          ? m_runtime->identity()->numberLabel().in(language)
                                          : field.label.in(language)},
            {QStringLiteral("type"), field.type},
            {QStringLiteral("entry"), QVariant::fromValue(int(entryOf(field.type)))},
            {QStringLiteral("required"), field.required},
            {QStringLiteral("readonly"), field.readonly && prefilled},
            {QStringLiteral("prefilled"), prefilled},
            {QStringLiteral("value"), shown},
            {QStringLiteral("problem"), FormValidation::problemName(draft->problem(field.id))},
            {QStringLiteral("options"), options},
        });
    }
    return fields;
}

ApplicationDesk::Entry ApplicationDesk::entryOf(const QString &type)
{
    if (type == QLatin1String("text") || type == QLatin1String("address"))
        return Entry::Text;
    if (type == QLatin1String("phone"))
        return Entry::Phone;
    if (type == QLatin1String("id_number"))
        return Entry::IdNumber;
    if (type == QLatin1String("date"))
        return Entry::Date;
    if (type == QLatin1String("select"))
        return Entry::Select;
    return Entry::Keypad;
}

QString ApplicationDesk::sourceLabel() const
{
    return m_runtime->identity()->documentSource().in(m_shell->language());
}

QString ApplicationDesk::prefilledNote() const
{
    return m_runtime->identity()->prefilledNote().in(m_shell->language());
}

bool ApplicationDesk::complete() const
{
    return m_runtime->draft()->isComplete();
}

QVariantList ApplicationDesk::materials() const
{
    const ApplicationDraft *draft = m_runtime->draft();
    QVariantList list;
    if (!draft->isActive())
        return list;
    for (const MaterialSpec &material : draft->item()->materials) {
        list.append(QVariantMap{{QStringLiteral("id"), material.id},
                                {QStringLiteral("name"), material.name.in(m_shell->language())},
                                {QStringLiteral("required"), material.required},
                                {QStringLiteral("pages"), static_cast<int>(draft->pages(material.id).size())},
                                {QStringLiteral("revision"), m_pageRevision}});
    }
    return list;
}

bool ApplicationDesk::materialsComplete() const
{
    return m_runtime->draft()->materialsComplete();
}

bool ApplicationDesk::documentCameraUsable() const
{
    return m_runtime->journey()->documentCameraUsable();
}

QString ApplicationDesk::editText(const QString &fieldId) const
{
    return m_runtime->draft()->editableValue(fieldId);
}

bool ApplicationDesk::setFieldValue(const QString &fieldId, const QString &value)
{
    return m_runtime->draft()->setValue(fieldId, value);
}

bool ApplicationDesk::review()
{
    const ApplicationDraft *draft = m_runtime->draft();
    if (!draft->isComplete())
        return false;
    // Items with materials go to the document camera first; the review comes after.
    if (!draft->item()->materials.isEmpty()) {
        if (!m_runtime->session()->advance(SessionState::Materials))
            return false;
        return selectMaterial(draft->item()->materials.first().id);
    }
    return m_runtime->session()->advance(SessionState::Review);
}

bool ApplicationDesk::selectMaterial(const QString &materialId)
{
    if (!m_runtime->journey()->startDocumentCapture(materialId))
        return false;
    m_currentMaterial = materialId;
    emit currentMaterialChanged();
    return true;
}

bool ApplicationDesk::capturePage()
{
    return m_runtime->journey()->capturePage();
}

bool ApplicationDesk::retakeMaterial(const QString &materialId)
{
    return m_runtime->draft()->removePages(materialId) && selectMaterial(materialId);
}

bool ApplicationDesk::retakePage(const QString &materialId, int index)
{
    return m_runtime->journey()->retakePage(materialId, index);
}

bool ApplicationDesk::reviewMaterials()
{
    if (!m_runtime->draft()->materialsComplete() || !m_runtime->session()->advance(SessionState::Review))
        return false;
    m_runtime->journey()->stopDocumentCapture();
    return true;
}

bool ApplicationDesk::backToForm()
{
    m_runtime->journey()->stopDocumentCapture();
    return m_runtime->session()->advance(SessionState::Form);
}

void ApplicationDesk::reset()
{
    m_currentMaterial.clear();
    m_lastPageFound = true;
    emit currentMaterialChanged();
    emit pageCaptured();
    emit changed();
}
