#pragma once

#include <QJSEngine>

// The one instance of a class that QML sees as a singleton, built by the process (which owns it)
// before QML is loaded. A class holds one of these as a member, constructed with `this`; its
// static create() returns forQml(), so QML never takes ownership and never builds a second one.
template <typename T>
class ProcessSingleton
{
public:
    explicit ProcessSingleton(T *self)
    {
        Q_ASSERT_X(!s_instance, "ProcessSingleton", "one instance per process");
        s_instance = self;
    }
    ~ProcessSingleton() { s_instance = nullptr; }
    ProcessSingleton(const ProcessSingleton &) = delete;
    ProcessSingleton &operator=(const ProcessSingleton &) = delete;

    // The instance, or null before it is built or after it is gone.
    [[nodiscard]] static T *instance() { return s_instance; }
    // For T::create(QQmlEngine *, QJSEngine *): the instance, kept in C++ ownership.
    [[nodiscard]] static T *forQml()
    {
        Q_ASSERT_X(s_instance, "ProcessSingleton::forQml", "build the instance before loading QML");
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }

private:
    static inline T *s_instance = nullptr;
};
