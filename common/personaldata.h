#pragma once

#include <QString>
#include <QStringView>

// The one place that turns personal data into something a log line, a diagnostics bundle or a
// screen for staff may show. Every log line that could carry an ID number or a name calls these.
// It lives in the lowest layer so that drivers (which read cards) and the app can both use it.
namespace PersonalData {

// "340104199001011234" -> "3401**********1234": the first four and last four characters stay,
// enough for staff to tell two cards apart, never enough to identify a person.
[[nodiscard]] QString maskIdNumber(QStringView idNumber);

// "张三丰" -> "张**", "John Smith" -> "J*** *****": the first character stays, every other
// letter becomes '*', spaces stay so the shape of a foreign name is visible.
[[nodiscard]] QString maskName(QStringView name);

// A short document number (a pass to the mainland "H12345678", a Taiwan pass "12345678") keeps
// its first two and last two characters: "H1*****78". maskIdNumber() would leave too much of it.
[[nodiscard]] QString maskPassNumber(QStringView number);

// A phone number keeps its first three and last two digits: "13912345678" -> "139******78".
[[nodiscard]] QString maskPhone(QStringView phone);

// An address keeps its first six characters (province and city): the rest becomes "…".
[[nodiscard]] QString maskAddress(QStringView address);

// A bank card or account number keeps its first four and last four digits, as the bank's own
// slips do: "6222021234567890" -> "6222********7890".
[[nodiscard]] QString maskAccountNumber(QStringView number);

// True when `text` carries the marks the functions above leave ('*' for a hidden character, '…'
// for a cut address): such a text is a view of a value, never a value itself.
[[nodiscard]] bool isMasked(QStringView text);

} // namespace PersonalData
