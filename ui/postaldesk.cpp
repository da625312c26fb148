#include "postaldesk.h"

#include "common/divisiontable.h"
#include "kioskruntime.h"
#include "postaldelivery.h"

namespace {

using Field = PostalDelivery::Field;

const QList<std::pair<QString, Field>> &fieldNames()
{
    static const QList<std::pair<QString, Field>> names = {
        {QStringLiteral("recipient"), Field::Recipient}, {QStringLiteral("phone"), Field::Phone},
        {QStringLiteral("province"), Field::Province},   {QStringLiteral("city"), Field::City},
        {QStringLiteral("district"), Field::District},   {QStringLiteral("detail"), Field::Detail},
    };
    return names;
}

QStringList namesOf(const QList<DivisionTable::Division> &divisions)
{
    QStringList names;
    for (const DivisionTable::Division &d : divisions)
        names.append(d.name);
    return names;
}

} // namespace

PostalDesk::PostalDesk(KioskRuntime *runtime, QObject *parent)
    : QObject(parent)
    , m_postal(runtime->postal())
{
    connect(m_postal, &PostalDelivery::changed, this, [this] {
        if (m_postal->stage() != PostalDelivery::Stage::Address)
            m_confirmTried = false;
        emit changed();
    });
}

PostalDesk *PostalDesk::create(QQmlEngine *, QJSEngine *)
{
    return ProcessSingleton<PostalDesk>::forQml();
}

bool PostalDesk::offered() const
{
    return m_postal->offered();
}

PostalDesk::Method PostalDesk::method() const
{
    switch (m_postal->method()) {
    case PostalDelivery::Method::None: return Method::None;
    case PostalDelivery::Method::Pickup: return Method::Pickup;
    case PostalDelivery::Method::Post: return Method::Post;
    }
    return Method::None;
}

QString PostalDesk::recipient() const { return m_postal->value(Field::Recipient); }
QString PostalDesk::phone() const { return m_postal->value(Field::Phone); }
QString PostalDesk::province() const { return m_postal->value(Field::Province); }
QString PostalDesk::city() const { return m_postal->value(Field::City); }
QString PostalDesk::district() const { return m_postal->value(Field::District); }
QString PostalDesk::detail() const { return m_postal->value(Field::Detail); }
QString PostalDesk::maskedAddress() const { return m_postal->maskedAddress(); }
QString PostalDesk::maskedRecipient() const { return m_postal->maskedRecipient(); }
QString PostalDesk::maskedPhone() const { return m_postal->maskedPhone(); }

QVariantMap PostalDesk::problems() const
{
    QVariantMap problems;
    for (const auto &[name, field] : fieldNames()) {
        const PostalDelivery::Problem problem = m_postal->problem(field);
        // A district picked that is not in the city is said at once; an empty field only once
        // the resident tried to go on with it.
        if (problem != PostalDelivery::Problem::None && (m_confirmTried || problem == PostalDelivery::Problem::DistrictNotInCity))
            problems.insert(name, PostalDelivery::problemName(problem));
    }
    return problems;
}

QStringList PostalDesk::provinces() const
{
    return namesOf(DivisionTable::shipped().provinces());
}

QStringList PostalDesk::cities() const
{
    const DivisionTable &table = DivisionTable::shipped();
    return namesOf(table.cities(table.provinceCode(province())));
}

QStringList PostalDesk::districts() const
{
    const DivisionTable &table = DivisionTable::shipped();
    return namesOf(table.districts(table.cityCode(table.provinceCode(province()), city())));
}

bool PostalDesk::choosePickup()
{
    return m_postal->choosePickup();
}

bool PostalDesk::choosePost()
{
    return m_postal->choosePost();
}

bool PostalDesk::change()
{
    return m_postal->change();
}

bool PostalDesk::setField(const QString &field, const QString &value)
{
    for (const auto &[name, which] : fieldNames()) {
        if (name == field)
            return m_postal->setValue(which, value);
    }
    return false;
}

bool PostalDesk::confirm()
{
    m_confirmTried = true;
    const bool confirmed = m_postal->confirmAddress();
    emit changed();
    return confirmed;
}
