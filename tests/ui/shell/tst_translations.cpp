// The committed translations match the sources: lupdate, run over ui/ and dpm-console's main()
// into a scratch copy of each .ts file, finds no new and no vanished message, and every
// message is translated (German completely, English its plural forms). The command that fixes
// a failure is in translations/README.md.
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

const QString kSourceDir = QStringLiteral(DPM_SOURCE_DIR);

struct LupdateRun
{
    int exitCode = -1;
    QString output;
};

// lupdate exactly as the update_translations target runs it, into `tsFile`.
LupdateRun runLupdate(const QString &tsFile, bool pluralOnly)
{
    QStringList arguments { QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
        QStringLiteral("-source-language"), QStringLiteral("en") };
    if (pluralOnly)
        arguments << QStringLiteral("-pluralonly");
    arguments << kSourceDir + QStringLiteral("/ui") << kSourceDir + QStringLiteral("/app/dpm-console/main.cpp")
              << QStringLiteral("-ts") << tsFile;
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(DPM_LUPDATE), arguments);
    LupdateRun run;
    if (!lupdate.waitForFinished(120000))
        return run;
    run.exitCode = lupdate.exitCode();
    run.output = QString::fromLocal8Bit(lupdate.readAll());
    return run;
}

struct TsContents
{
    QSet<QString> messages; // "context | source"
    QStringList untranslated; // the same, of the messages not completely translated
};

TsContents readTs(const QString &tsFile)
{
    TsContents result;
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly)) {
        result.untranslated << QStringLiteral("(cannot read %1)").arg(tsFile);
        return result;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    bool numerus = false;
    bool complete = true;
    int forms = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == u"message") {
            numerus = xml.attributes().value(QStringLiteral("numerus")) == QLatin1String("yes");
            complete = true;
            forms = 0;
        } else if (xml.isStartElement() && xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == u"translation") {
            complete = !xml.attributes().hasAttribute(QStringLiteral("type"));
            if (!numerus)
                complete = !xml.readElementText().isEmpty() && complete;
        } else if (xml.isStartElement() && xml.name() == u"numerusform") {
            ++forms;
            complete = !xml.readElementText().isEmpty() && complete;
        } else if (xml.isEndElement() && xml.name() == u"message") {
            const QString key = context + QStringLiteral(" | ") + source;
            result.messages.insert(key);
            // German and English have two forms: singular and plural.
            if (!complete || (numerus && forms != 2))
                result.untranslated << key;
        }
    }
    if (xml.hasError())
        result.untranslated << QStringLiteral("(not a .ts file: %1)").arg(xml.errorString());
    return result;
}

QString listed(QSet<QString> set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.join(u'\n');
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void committedFile_isCompleteAndCurrent_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("pluralOnly");
        QTest::newRow("German") << QStringLiteral("dpm_de.ts") << false;
        QTest::newRow("English plurals") << QStringLiteral("dpm_en.ts") << true;
    }
    void committedFile_isCompleteAndCurrent()
    {
        QFETCH(QString, file);
        QFETCH(bool, pluralOnly);
        const QString committed = kSourceDir + QStringLiteral("/translations/") + file;
        QVERIFY2(QFile::exists(committed), qPrintable(committed));
        const TsContents before = readTs(committed);
        QVERIFY2(before.untranslated.isEmpty(),
            qPrintable(QStringLiteral("%1 has untranslated messages:\n").arg(file) + before.untranslated.join(u'\n')));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString scratch = dir.filePath(file);
        QVERIFY(QFile::copy(committed, scratch));
        const LupdateRun run = runLupdate(scratch, pluralOnly);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        const TsContents after = readTs(scratch);
        const QString fix = QStringLiteral("\nUpdate and translate it as translations/README.md says.");
        QVERIFY2(after.messages == before.messages,
            qPrintable(QStringLiteral("%1 does not match the sources.\nNew or changed texts:\n%2\nTexts the sources no "
                                      "longer have:\n%3")
                           .arg(file, listed(after.messages - before.messages), listed(before.messages - after.messages))
                + fix));
        QVERIFY2(after.untranslated.isEmpty(), qPrintable(after.untranslated.join(u'\n') + fix));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
