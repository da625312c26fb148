#include "postaldelivery.h"

#include "applicationdraft.h"
#include "applog.h"
#include "common/divisiontable.h"
#include "common/personaldata.h"
#include "common/residentpersonaldata.h"
#include "formvalidation.h"
#include "residentidentity.h"

namespace {

// What a courier's label holds for the street and the recipient; longer is a slip of the finger.
constexpr int kMaximumDetail = 100;
constexpr int kMaximumRecipient = 30;

} // namespace

PostalDelivery::PostalDelivery(SessionMachine *session, const ApplicationDraft *draft, const ResidentIdentity *identity, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_draft(draft)
    , m_identity(identity)
{
    connect(m_session, &SessionMachine::stateChanged, this, &PostalDelivery::sessionStateChanged);
}

bool PostalDelivery::offered() const
{
    const CatalogueItem *item = m_draft->isActive() ? m_draft->item() : nullptr;
    return item && item->delivery.contains(QLatin1String("post"));
}

void PostalDelivery::sessionStateChanged(SessionState, SessionState to)
{
    // The choice comes once, on the way to the review; a resident who chose already sees it on
    // the review and may change it there.
    if (to == SessionState::Review && offered() && m_method == Method::None)
        setStage(Stage::Choosing);
    else if (to != SessionState::Review)
        setStage(Stage::Closed);
}

void PostalDelivery::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit changed();
}

bool PostalDelivery::choosePickup()
{
    if (m_stage != Stage::Choosing)
        return false;
    m_method = Method::Pickup;
    m_session->touch();
    m_stage = Stage::Closed;
    emit changed();
    return true;
}

bool PostalDelivery::choosePost()
{
    if (m_stage != Stage::Choosing)
        return false;
    if (!m_prefilled)
        prefill();
    m_session->touch();
    m_stage = Stage::Address;
    emit changed();
    return true;
}

bool PostalDelivery::change()
{
    if (!offered() || m_session->state() != SessionState::Review || m_stage == Stage::Choosing)
        return false;
    m_session->touch();
    // The address typed so far stays: choosing post again shows it.
    m_method = Method::None;
    m_stage = Stage::Choosing;
    emit changed();
    return true;
}

void PostalDelivery::prefill()
{
    m_prefilled = true;
    const IdCardHolder *holder = m_identity->holder();
    if (holder) {
        m_recipient = holder->name.isEmpty() ? holder->nameEn : holder->name;
        const DivisionTable::AddressSplit split = DivisionTable::shipped().split(holder->address);
        m_province = split.province;
        m_city = split.city;
        m_district = split.district;
        m_detail = split.rest;
    }
    // The phone the resident gave on the form is the one the courier calls.
    if (m_draft->isActive())
        m_phone = m_draft->value(QStringLiteral("phone"));
}

bool PostalDelivery::setValue(Field field, const QString &value)
{
    if (m_stage != Stage::Address)
        return false;
    // A masked text is what a screen shows of a value, never the value.
    if (PersonalData::isMasked(value))
        return false;
    const QString text = value.trimmed();
    switch (field) {
    case Field::Recipient: m_recipient = text; break;
    case Field::Phone: m_phone = text; break;
    case Field::Province:
        if (m_province != text) {
            m_city.clear();
            m_district.clear();
        }
        m_province = text;
        break;
    case Field::City:
        if (m_city != text)
            m_district.clear();
        m_city = text;
        break;
    case Field::District: m_district = text; break;
    case Field::Detail: m_detail = text; break;
    }
    m_session->touch();
    emit changed();
    return true;
}

QString PostalDelivery::value(Field field) const
{
    switch (field) {
    case Field::Recipient: return m_recipient;
    case Field::Phone: return m_phone;
    case Field::Province: return m_province;
    case Field::City: return m_city;
    case Field::District: return m_district;
    case Field::Detail: return m_detail;
    }
    return {};
}

PostalDelivery::Problem PostalDelivery::problem(Field field) const
{
    using DP = DivisionTable::Problem;
    const DP place = DivisionTable::shipped().check(m_province, m_city, m_district);
    switch (field) {
    case Field::Recipient:
        if (m_recipient.isEmpty())
            return Problem::Required;
        return m_recipient.size() > kMaximumRecipient ? Problem::TooLong : Problem::None;
    case Field::Phone: {
        if (m_phone.isEmpty())
            return Problem::Required;
        FormField phone;
        phone.id = QStringLiteral("phone");
        phone.type = QStringLiteral("phone");
        return FormValidation::check(phone, m_phone) == FormValidation::Problem::None ? Problem::None : Problem::NotAPhone;
    }
    case Field::Province:
        if (m_province.isEmpty())
            return Problem::Required;
        return place == DP::UnknownProvince ? Problem::UnknownProvince : Problem::None;
    case Field::City:
        if (place == DP::UnknownProvince)
            return Problem::None; // the province is what to fix first
        if (m_city.isEmpty())
            return Problem::Required;
        return place == DP::CityNotInProvince ? Problem::CityNotInProvince : Problem::None;
    case Field::District:
        if (place == DP::DistrictNotInCity)
            return Problem::DistrictNotInCity;
        return place == DP::DistrictMissing ? Problem::DistrictMissing : Problem::None;
    case Field::Detail:
        if (m_detail.isEmpty())
            return Problem::Required;
        return m_detail.size() > kMaximumDetail ? Problem::TooLong : Problem::None;
    }
    return Problem::None;
}

bool PostalDelivery::confirmAddress()
{
    if (m_stage != Stage::Address)
        return false;
    for (Field field : {Field::Recipient, Field::Phone, Field::Province, Field::City, Field::District, Field::Detail}) {
        if (problem(field) != Problem::None)
            return false;
    }
    m_method = Method::Post;
    rememberForTheLogs();
    m_session->touch();
    m_stage = Stage::Closed;
    emit changed();
    return true;
}

bool PostalDelivery::ready() const
{
    if (!offered())
        return true;
    return m_stage == Stage::Closed && m_method != Method::None;
}

QJsonObject PostalDelivery::caseDelivery() const
{
    if (!offered() || m_method == Method::None)
        return {};
    if (m_method == Method::Pickup)
        return {{QStringLiteral("method"), QStringLiteral("pickup")}};
    return {{QStringLiteral("method"), QStringLiteral("post")},
            {QStringLiteral("recipient"), m_recipient},
            {QStringLiteral("phone"), m_phone},
            {QStringLiteral("address"), QJsonObject{{QStringLiteral("province"), m_province},
                                                    {QStringLiteral("city"), m_city},
                                                    {QStringLiteral("district"), m_district},
                                                    {QStringLiteral("detail"), m_detail}}}};
}

QString PostalDelivery::maskedAddress() const
{
    // A municipality is its own city: written once, as on an envelope.
    const QString city = m_city == m_province ? QString() : m_city;
    const QString place = m_province + city + m_district;
    return m_detail.isEmpty() ? place : place + QStringLiteral("…");
}

QString PostalDelivery::maskedRecipient() const
{
    return PersonalData::maskName(m_recipient);
}

QString PostalDelivery::maskedPhone() const
{
    return PersonalData::maskPhone(m_phone);
}

LocalizedText PostalDelivery::receiptNote() const
{
    if (!offered() || m_method == Method::None)
        return {};
    if (m_method == Method::Pickup)
        return {QStringLiteral("领取方式：窗口领取。办结后请凭本回执到窗口领取。"),
                QStringLiteral("Collection: at the counter, with this receipt, once the case is decided.")};
    // The paper goes home with the resident, but may be left in the tray: the street and the
    // phone are masked as everywhere else.
    return {QStringLiteral("领取方式：免费邮寄（EMS）至%1，收件人%2，电话%3。寄出后可凭办件编号查询快递单号。")
                .arg(maskedAddress(), maskedRecipient(), maskedPhone()),
            QStringLiteral("Delivery: free post (EMS) to %1, recipient %2, phone %3. Once it is sent, the progress query shows the tracking number.")
                .arg(maskedAddress(), maskedRecipient(), maskedPhone())};
}

QString PostalDelivery::problemName(Problem problem)
{
    switch (problem) {
    case Problem::None: return {};
    case Problem::Required: return QStringLiteral("required");
    case Problem::NotAPhone: return QStringLiteral("not_a_phone");
    case Problem::UnknownProvince: return QStringLiteral("unknown_province");
    case Problem::CityNotInProvince: return QStringLiteral("city_not_in_province");
    case Problem::DistrictNotInCity: return QStringLiteral("district_not_in_city");
    case Problem::DistrictMissing: return QStringLiteral("district_missing");
    case Problem::TooLong: return QStringLiteral("too_long");
    }
    return {};
}

void PostalDelivery::rememberForTheLogs() const
{
    // What the resident typed joins the card's data for the log scrubber, so that a log line
    // carrying it by accident is masked like the card's address is.
    QList<ResidentPersonalData::Value> remembered = ResidentPersonalData::remembered();
    remembered.append({ResidentPersonalData::Kind::Name, m_recipient});
    remembered.append({ResidentPersonalData::Kind::Number, m_phone});
    remembered.append({ResidentPersonalData::Kind::Address, m_detail});
    ResidentPersonalData::remember(remembered);
}

void PostalDelivery::wipeSessionData()
{
    m_stage = Stage::Closed;
    m_method = Method::None;
    m_prefilled = false;
    m_recipient.clear();
    m_phone.clear();
    m_province.clear();
    m_city.clear();
    m_district.clear();
    m_detail.clear();
    emit changed();
}
