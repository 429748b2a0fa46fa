#include "connect/passwordprompt.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>

namespace dpm {

bool needsPassword(const Error &error)
{
    if (error.code() == QLatin1String("REMOTE_UNAUTHORIZED"))
        return true; // a server's bearer token
    // The code alone is not enough: it also covers refused connections and unknown hosts, where
    // a password prompt would only mislead.
    if (error.code() != QLatin1String("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"))
        return false;
    return error.message().contains(QLatin1String("no password supplied"), Qt::CaseInsensitive)
        || error.message().contains(QLatin1String("password authentication failed"), Qt::CaseInsensitive);
}

std::optional<QString> askToken(QWidget *parent, const StoreLocation &location)
{
    QInputDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("tokenPrompt"));
    dialog.setWindowTitle(QCoreApplication::translate("PasswordPrompt", "Server Token"));
    dialog.setInputMode(QInputDialog::TextInput);
    dialog.setTextEchoMode(QLineEdit::Password);
    dialog.setLabelText(QCoreApplication::translate("PasswordPrompt",
        "The server asks for a bearer token.\n\nServer: %1\n\nThe token is used for this connection only and is "
        "not saved. To avoid this question, connect with a token file.\n\nToken:")
                            .arg(location.redacted()));
    dialog.setOkButtonText(QCoreApplication::translate("PasswordPrompt", "&Connect"));
    if (auto *edit = dialog.findChild<QLineEdit *>())
        edit->setAccessibleName(QCoreApplication::translate("PasswordPrompt", "Token"));
    if (dialog.exec() != QDialog::Accepted || dialog.textValue().trimmed().isEmpty())
        return std::nullopt;
    return dialog.textValue().trimmed();
}

std::optional<QString> askPassword(QWidget *parent, const StoreLocation &location, PasswordFor store)
{
    if (location.backend() == StoreBackend::Remote)
        return askToken(parent, location);
    if (location.backend() != StoreBackend::Postgres)
        return std::nullopt;
    QString user = location.libpqParameter(QStringLiteral("user"));
    if (user.isEmpty()) {
        // libpq's own fallbacks, shown so the person knows whose password is meant.
        user = qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER"));
    }

    QInputDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("passwordPrompt"));
    dialog.setWindowTitle(QCoreApplication::translate("PasswordPrompt", "PostgreSQL Password"));
    dialog.setInputMode(QInputDialog::TextInput);
    dialog.setTextEchoMode(QLineEdit::Password);
    const QString question = store == PasswordFor::ProposalStore
        ? QCoreApplication::translate("PasswordPrompt",
            "The server of the proposal store asks for a password.\n\nUser: %1\nDatabase: %2\n\n"
            "The password is used for this connection only and is not saved. To avoid this question, "
            "put it in ~/.pgpass or a service file.\n\nPassword:")
        : QCoreApplication::translate("PasswordPrompt",
            "The server asks for a password.\n\nUser: %1\nDatabase: %2\n\n"
            "The password is used for this connection only and is not saved. To avoid this question, "
            "put it in ~/.pgpass or a service file.\n\nPassword:");
    dialog.setLabelText(question.arg(
        user.isEmpty() ? QCoreApplication::translate("PasswordPrompt", "(libpq default)") : user, location.redacted()));
    dialog.setOkButtonText(QCoreApplication::translate("PasswordPrompt", "&Connect"));
    if (auto *edit = dialog.findChild<QLineEdit *>())
        edit->setAccessibleName(QCoreApplication::translate("PasswordPrompt", "Password"));
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.textValue();
}

} // namespace dpm
