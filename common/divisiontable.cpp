#include "divisiontable.h"

#include <QFile>
#include <QStringList>

#include <algorithm>

std::optional<DivisionTable> DivisionTable::fromTsv(const QByteArray &tsv, QString *error)
{
    DivisionTable table;
    int lineNo = 0;
    for (const QByteArray &raw : tsv.split('\n')) {
        ++lineNo;
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.split('\t');
        const QString code = QString::fromLatin1(parts.value(0));
        const QString name = parts.size() == 2 ? QString::fromUtf8(parts.at(1)).trimmed() : QString();
        const bool sixDigits = code.size() == 6 && std::all_of(code.cbegin(), code.cend(), [](QChar c) { return c.isDigit(); });
        if (!sixDigits || name.isEmpty()) {
            if (error)
                *error = QStringLiteral("line %1: expected a six-digit code, a tab and a name").arg(lineNo);
            return std::nullopt;
        }
        table.m_divisions.append({code, name});
    }
    std::sort(table.m_divisions.begin(), table.m_divisions.end(), [](const Division &a, const Division &b) { return a.code < b.code; });
    return table;
}

const DivisionTable &DivisionTable::shipped()
{
    static const DivisionTable table = [] {
        QFile file(QStringLiteral(":/kiosk/divisions/gbt2260.tsv"));
        if (!file.open(QIODevice::ReadOnly))
            return DivisionTable();
        return fromTsv(file.readAll()).value_or(DivisionTable());
    }();
    return table;
}

QString DivisionTable::name(const QString &code) const
{
    const auto it = std::lower_bound(m_divisions.cbegin(), m_divisions.cend(), code, [](const Division &d, const QString &c) { return d.code < c; });
    return it != m_divisions.cend() && it->code == code ? it->name : QString();
}

bool DivisionTable::isGrouping(const Division &division) const
{
    // The table files a municipality's districts and a province's directly administered
    // county-level cities under entries that are not places a resident would name.
    static const QStringList groupings{QStringLiteral("市辖区"), QStringLiteral("县"), QStringLiteral("省直辖县级行政区划"),
                                       QStringLiteral("自治区直辖县级行政区划")};
    return isPrefecture(division.code) && groupings.contains(division.name);
}

QList<DivisionTable::Division> DivisionTable::provinces() const
{
    QList<Division> found;
    for (const Division &d : m_divisions) {
        if (isProvince(d.code))
            found.append(d);
    }
    return found;
}

QList<DivisionTable::Division> DivisionTable::cities(const QString &provinceCode) const
{
    if (!isProvince(provinceCode) || name(provinceCode).isEmpty())
        return {};
    const QStringView prefix = QStringView(provinceCode).left(2);
    QList<Division> found;
    bool onlyGroupings = true;
    QString grouping;
    for (const Division &d : m_divisions) {
        if (!d.code.startsWith(prefix) || d.code == provinceCode)
            continue;
        if (isPrefecture(d.code)) {
            const bool isGroup = isGrouping(d);
            onlyGroupings = onlyGroupings && isGroup;
            grouping = isGroup ? d.code.left(4) : QString();
            if (!isGroup)
                found.append(d);
        } else if (!grouping.isEmpty() && d.code.startsWith(grouping)) {
            found.append(d); // a county-level city the province administers itself
        }
    }
    // A municipality (北京市, 重庆市) holds only groupings: the city is the municipality.
    if (onlyGroupings)
        return {{provinceCode, name(provinceCode)}};
    return found;
}

QList<DivisionTable::Division> DivisionTable::districts(const QString &cityCode) const
{
    QStringView prefix;
    if (isProvince(cityCode))
        prefix = QStringView(cityCode).left(2); // a municipality: every district of its groupings
    else if (isPrefecture(cityCode))
        prefix = QStringView(cityCode).left(4);
    else
        return {};
    if (name(cityCode).isEmpty())
        return {};
    QList<Division> found;
    for (const Division &d : m_divisions) {
        if (d.code.startsWith(prefix) && !isProvince(d.code) && !isPrefecture(d.code))
            found.append(d);
    }
    return found;
}

QString DivisionTable::provinceCode(const QString &provinceName) const
{
    for (const Division &d : m_divisions) {
        if (isProvince(d.code) && d.name == provinceName)
            return d.code;
    }
    return {};
}

QString DivisionTable::cityCode(const QString &provinceCode, const QString &cityName) const
{
    for (const Division &d : cities(provinceCode)) {
        if (d.name == cityName)
            return d.code;
    }
    return {};
}

QString DivisionTable::districtCode(const QString &cityCode, const QString &districtName) const
{
    for (const Division &d : districts(cityCode)) {
        if (d.name == districtName)
            return d.code;
    }
    return {};
}

QString DivisionTable::longestPrefix(const QList<Division> &candidates, QStringView text, Division *found)
{
    const Division *best = nullptr;
    for (const Division &d : candidates) {
        if (text.startsWith(d.name) && (!best || d.name.size() > best->name.size()))
            best = &d;
    }
    if (best)
        *found = *best;
    return best ? best->name : QString();
}

DivisionTable::AddressSplit DivisionTable::split(const QString &address) const
{
    AddressSplit result;
    QString text = address.simplified();
    text.remove(QLatin1Char(' '));
    QStringView rest(text);
    Division province;
    if (longestPrefix(provinces(), rest, &province).isEmpty()) {
        result.rest = text;
        return result;
    }
    result.province = province.name;
    result.code = province.code;
    rest = rest.mid(province.name.size());

    const QList<Division> cityList = cities(province.code);
    Division city;
    const bool municipality = cityList.size() == 1 && cityList.first().code == province.code;
    if (municipality) {
        city = cityList.first();
        // Some write the municipality twice (北京市北京市东城区); the second is not the rest.
        if (rest.startsWith(city.name))
            rest = rest.mid(city.name.size());
    } else if (longestPrefix(cityList, rest, &city).isEmpty()) {
        // A card may skip the prefecture and name the county at once; only an unambiguous one
        // is taken, with the city it belongs to.
        QList<std::pair<Division, Division>> matches;
        for (const Division &c : cityList) {
            Division district;
            if (!longestPrefix(districts(c.code), rest, &district).isEmpty())
                matches.append({c, district});
        }
        if (matches.size() == 1) {
            result.city = matches.first().first.name;
            result.district = matches.first().second.name;
            result.code = matches.first().second.code;
            result.rest = rest.mid(result.district.size()).toString();
        } else {
            result.rest = rest.toString();
        }
        return result;
    } else {
        rest = rest.mid(city.name.size());
    }
    result.city = city.name;
    result.code = city.code;

    Division district;
    if (!longestPrefix(districts(city.code), rest, &district).isEmpty()) {
        result.district = district.name;
        result.code = district.code;
        rest = rest.mid(district.name.size());
    }
    result.rest = rest.toString();
    return result;
}

DivisionTable::Problem DivisionTable::check(const QString &province, const QString &city, const QString &district) const
{
    const QString p = provinceCode(province);
    if (p.isEmpty())
        return Problem::UnknownProvince;
    const QString c = cityCode(p, city);
    if (c.isEmpty())
        return Problem::CityNotInProvince;
    const QList<Division> inCity = districts(c);
    if (district.isEmpty())
        return inCity.isEmpty() ? Problem::None : Problem::DistrictMissing;
    return districtCode(c, district).isEmpty() ? Problem::DistrictNotInCity : Problem::None;
}
