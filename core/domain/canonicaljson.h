#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <functional>

namespace dpm {

// Canonical JSON as the service writes it: Python's json.dumps(sort_keys=True,
// separators=(",", ":")) with its default ensure_ascii=True. Keys are sorted by code point,
// non-ASCII is written as \uXXXX (surrogate pairs beyond the BMP), integers without a
// fraction and floats as Python's repr does ("1.0", "1e-05").
QByteArray canonicalJson(const QJsonValue &value);

// Parses text and re-serialises it canonically, exactly as Python would after json.loads: unlike
// QJsonDocument this keeps a number's kind from its spelling ("100.0" stays a float, "100" an
// integer), which the service's hashes depend on. Keys for which dropKey returns true are removed
// at every depth (artifact_hash before hashing an artifact). Throws Error INVALID_JSON.
QByteArray canonicalizeJsonText(const QByteArray &text, const std::function<bool(const QString &key)> &dropKey = {});

// "sha256:" + 64 lowercase hex over the canonical JSON of value: the service's hash format.
QString sha256Hash(const QJsonValue &value);

// Lowercase hex SHA-256 of raw bytes (no prefix): the migration ledger's checksum format.
QString sha256Hex(const QByteArray &bytes);

// Parses text that should hold JSON; returns an undefined QJsonValue when it does not (callers
// show the raw text instead of failing, Part A §11). Scalars at top level are accepted.
QJsonValue parseJsonText(const QString &text, QString *errorMessage = nullptr);

} // namespace dpm
