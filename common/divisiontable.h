#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// China's administrative divisions (GB/T 2260, assets/divisions/gbt2260.tsv): a province, the city
// a resident names within it and the district within the city, by six-digit code and by name. It
// also splits an address as a card prints it into those three and the rest. Pure: no I/O but the
// one read of the shipped table.
class DivisionTable
{
public:
    struct Division {
        QString code; // six digits
        QString name;
    };
    // An address split at the divisions it names; what the table does not know stays in `rest`.
    struct AddressSplit {
        QString province;
        QString city;
        QString district;
        QString rest;
        // The code of the smallest division found, or empty when not even the province was.
        QString code;
    };
    enum class Problem { None, UnknownProvince, CityNotInProvince, DistrictNotInCity, DistrictMissing };

    // Reads "code<TAB>name" lines ('#' starts a comment); a malformed line is an error.
    [[nodiscard]] static std::optional<DivisionTable> fromTsv(const QByteArray &tsv, QString *error = nullptr);
    // The table shipped with the kiosk (compiled in); loaded once.
    [[nodiscard]] static const DivisionTable &shipped();

    [[nodiscard]] int size() const { return int(m_divisions.size()); }
    [[nodiscard]] QString name(const QString &code) const;
    [[nodiscard]] QList<Division> provinces() const;
    // The cities a resident names in a province: its prefectures, the county-level cities the
    // province administers directly (仙桃市), and for a municipality the municipality itself.
    [[nodiscard]] QList<Division> cities(const QString &provinceCode) const;
    // The districts and counties of a city from cities(); none for a city without them (东莞市).
    [[nodiscard]] QList<Division> districts(const QString &cityCode) const;
    [[nodiscard]] QString provinceCode(const QString &provinceName) const;
    [[nodiscard]] QString cityCode(const QString &provinceCode, const QString &cityName) const;
    [[nodiscard]] QString districtCode(const QString &cityCode, const QString &districtName) const;

    [[nodiscard]] AddressSplit split(const QString &address) const;
    // Whether the three names are one place: the city in the province, the district in the city
    // (required when the city has districts).
    [[nodiscard]] Problem check(const QString &province, const QString &city, const QString &district) const;

private:
    [[nodiscard]] static bool isProvince(const QString &code) { return code.endsWith(QLatin1String("0000")); }
    [[nodiscard]] static bool isPrefecture(const QString &code) { return !isProvince(code) && code.endsWith(QLatin1String("00")); }
    [[nodiscard]] bool isGrouping(const Division &division) const;
    [[nodiscard]] static QString longestPrefix(const QList<Division> &candidates, QStringView text, Division *found);

    QList<Division> m_divisions; // sorted by code
};
