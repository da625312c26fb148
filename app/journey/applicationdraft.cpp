#include "applicationdraft.h"

#include "applog.h"
#include "common/personaldata.h"
#include "idcard/idcardholder.h"
#include "idcard/nation.h"

#include <QSet>

namespace {

QString holderAttribute(const IdCardHolder &holder, const QString &attribute)
{
    if (attribute == QLatin1String("holder.name"))
        return holder.name.isEmpty() ? holder.nameEn : holder.name;
    if (attribute == QLatin1String("holder.id_number"))
        return holder.idNumber;
    if (attribute == QLatin1String("holder.gender")) {
        switch (holder.gender) {
        case IdCardHolder::Gender::Male: return QStringLiteral("1");
        case IdCardHolder::Gender::Female: return QStringLiteral("2");
        default: return {};
        }
    }
    if (attribute == QLatin1String("holder.birth_date"))
        return holder.birthDate.isValid() ? holder.birthDate.toString(Qt::ISODate) : QString();
    if (attribute == QLatin1String("holder.address"))
        return holder.address;
    if (attribute == QLatin1String("holder.nation"))
        return Nation::nameZh(holder.nationCode);
    return {};
}

// Overwrites a string's characters before it is released, so the resident's data does not
// linger in freed memory longer than it must.
void scrub(QString &text)
{
    text.fill(QLatin1Char(' '));
    text.clear();
}

} // namespace

ApplicationDraft::ApplicationDraft(QObject *parent)
    : QObject(parent)
{
}

void ApplicationDraft::begin(const CatalogueItem &item, const IdCardHolder &holder)
{
    wipeSessionData();
    m_item = item;
    m_applicantName = holder.name.isEmpty() ? holder.nameEn : holder.name;
    m_applicantIdNumber = holder.idNumber;
    for (const FormField &field : item.form) {
        const QString value = field.prefill.isEmpty() ? QString() : holderAttribute(holder, field.prefill);
        m_values.insert(field.id, value);
        if (!value.isEmpty())
            m_prefilled.insert(field.id);
    }
    emit changed();
}

const FormField *ApplicationDraft::field(const QString &fieldId) const
{
    if (!m_item)
        return nullptr;
    for (const FormField &field : m_item->form) {
        if (field.id == fieldId)
            return &field;
    }
    return nullptr;
}

bool ApplicationDraft::setValue(const QString &fieldId, const QString &value)
{
    const FormField *field = this->field(fieldId);
    if (!field || (field->readonly && m_prefilled.contains(fieldId)))
        return false;
    if (PersonalData::isMasked(value)) {
        qCWarning(lcSession) << "a masked text offered as the value of" << fieldId << "was refused";
        return false;
    }
    const QString kept = FormValidation::normalized(*field, value);
    // Confirming a value from the card unchanged leaves it the card's, shown masked as before.
    if (m_values.value(fieldId) == kept)
        return true;
    m_values.insert(fieldId, kept);
    m_prefilled.remove(fieldId);
    emit changed();
    return true;
}

QString ApplicationDraft::shownValue(const QString &fieldId) const
{
    const FormField *field = this->field(fieldId);
    if (!field)
        return {};
    const QString value = m_values.value(fieldId);
    // What came from the card is shown masked: the resident recognises it, a passer-by does not.
    if (m_prefilled.contains(fieldId)) {
        if (field->prefill == QLatin1String("holder.id_number"))
            return PersonalData::maskIdNumber(value);
        if (field->prefill == QLatin1String("holder.name"))
            return PersonalData::maskName(value);
        if (field->prefill == QLatin1String("holder.address"))
            return PersonalData::maskAddress(value);
    }
    if (FormValidation::isAccountNumber(*field))
        return PersonalData::maskAccountNumber(value);
    return value;
}

QString ApplicationDraft::editableValue(const QString &fieldId) const
{
    const FormField *field = this->field(fieldId);
    if (!field || (field->readonly && m_prefilled.contains(fieldId)))
        return {};
    return m_values.value(fieldId);
}

FormValidation::Problem ApplicationDraft::problem(const QString &fieldId) const
{
    if (!m_item)
        return FormValidation::Problem::None;
    for (const FormField &field : m_item->form) {
        if (field.id == fieldId)
            return FormValidation::check(field, m_values.value(fieldId));
    }
    return FormValidation::Problem::None;
}

bool ApplicationDraft::isComplete(QString *firstProblem) const
{
    if (!m_item)
        return false;
    for (const FormField &field : m_item->form) {
        if (FormValidation::check(field, m_values.value(field.id)) != FormValidation::Problem::None) {
            if (firstProblem)
                *firstProblem = field.id;
            return false;
        }
    }
    return true;
}

bool ApplicationDraft::addPage(const QString &materialId, const QByteArray &jpeg)
{
    if (!m_item || jpeg.isEmpty())
        return false;
    for (const MaterialSpec &material : m_item->materials) {
        if (material.id == materialId) {
            m_pages[materialId].append(jpeg);
            emit changed();
            return true;
        }
    }
    return false;
}

bool ApplicationDraft::removePages(const QString &materialId)
{
    auto it = m_pages.find(materialId);
    if (it == m_pages.end())
        return false;
    for (QByteArray &page : it.value())
        page.fill('\0');
    m_pages.erase(it);
    emit changed();
    return true;
}

bool ApplicationDraft::replacePage(const QString &materialId, int index, const QByteArray &jpeg)
{
    auto it = m_pages.find(materialId);
    if (it == m_pages.end() || index < 0 || index >= it.value().size() || jpeg.isEmpty())
        return false;
    it.value()[index].fill('\0');
    it.value()[index] = jpeg;
    emit changed();
    return true;
}

QString ApplicationDraft::nextMaterialWithoutPages(const QString &materialId) const
{
    if (!m_item)
        return {};
    const QList<MaterialSpec> &materials = m_item->materials;
    qsizetype start = 0;
    for (qsizetype i = 0; i < materials.size(); ++i) {
        if (materials.at(i).id == materialId)
            start = i + 1;
    }
    for (qsizetype step = 0; step < materials.size(); ++step) {
        const MaterialSpec &material = materials.at((start + step) % materials.size());
        if (material.id != materialId && m_pages.value(material.id).isEmpty())
            return material.id;
    }
    return {};
}

bool ApplicationDraft::materialsComplete() const
{
    if (!m_item)
        return false;
    for (const MaterialSpec &material : m_item->materials) {
        if (material.required && m_pages.value(material.id).isEmpty())
            return false;
    }
    return true;
}

QJsonObject ApplicationDraft::caseBody(const QString &verifiedBy) const
{
    if (!m_item)
        return {};
    QJsonObject form;
    for (const FormField &field : m_item->form)
        form.insert(field.id, m_values.value(field.id).trimmed());
    return {
        {QStringLiteral("item_code"), m_item->code},
        {QStringLiteral("applicant"),
         QJsonObject{{QStringLiteral("name"), m_applicantName},
                     {QStringLiteral("id_number"), m_applicantIdNumber},
                     {QStringLiteral("verified_by"), verifiedBy}}},
        {QStringLiteral("form"), form},
    };
}

void ApplicationDraft::wipeSessionData()
{
    for (auto it = m_values.begin(); it != m_values.end(); ++it)
        scrub(it.value());
    m_values.clear();
    m_prefilled.clear();
    // Document pictures are the most sensitive thing a session holds: overwrite, then release.
    for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
        for (QByteArray &page : it.value())
            page.fill('\0');
    }
    m_pages.clear();
    scrub(m_applicantName);
    scrub(m_applicantIdNumber);
    const bool wasActive = m_item.has_value();
    m_item.reset();
    if (wasActive)
        emit changed();
}

bool ApplicationDraft::holdsResidentInput() const
{
    for (auto value = m_values.cbegin(); value != m_values.cend(); ++value) {
        if (!value.value().isEmpty() && !m_prefilled.contains(value.key()))
            return true;
    }
    for (const QList<QByteArray> &pages : m_pages) {
        if (!pages.isEmpty())
            return true;
    }
    return false;
}
