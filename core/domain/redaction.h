#pragma once

#include <QString>

namespace dpm {

// The one redaction of the project: every text that may hold a credential passes through it
// before it reaches an error (dpm::Error does it itself), a log line, a title, an export, an
// audit row or stdout. It masks, with "***":
//  - URL userinfo passwords of any scheme, spelled right or not: "postgresql://u:pw@h",
//    "postgresq://u:pw@h", "postgresql:/u:pw@h", "mysql://u:pw@h", "u:pw@h";
//  - key=value passwords (password, sslpassword, PGPASSWORD, passwd, pwd, any spelling), quoted
//    or not, as libpq strings write them ("password='a b'") and as URL queries do
//    ("jdbc:postgresql://h/db?user=u&password=pw").
// It masks rather too much than too little; texts without a secret come back unchanged.
QString redactSecrets(const QString &text);

} // namespace dpm
